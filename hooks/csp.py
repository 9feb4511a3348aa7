"""MkDocs hook: every page carries its Content-Security-Policy (see ``calculator.render.csp``)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calculator.render.csp import with_policy  # noqa: E402


@event_priority(-100)  # last: after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)
