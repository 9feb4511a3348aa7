"""MkDocs hook: every page carries its Content-Security-Policy (see ``calculator.pages.csp``)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from calculator.pages.csp import with_policy


@event_priority(-100)  # last: after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)
