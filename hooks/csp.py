"""MkDocs hook: every page carries its Content-Security-Policy (see ``calculator.pages.csp``).

Not in the offline copy (``make offline``, see hooks/offline.py): opened from ``file://`` it needs
an inline script whose text depends on the folder's place on disk, so no hash can name it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from calculator.pages.calculator_page import boot_script
from calculator.pages.csp import with_policy

#: run by instant navigation on whichever page the visit began with: the calculator's boot script
_OTHER_PAGES_SCRIPTS = (boot_script(Path(__file__).resolve().parent.parent),)


@event_priority(-100)  # last: after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if config.extra.get("offline"):
        return output
    return with_policy(output, _OTHER_PAGES_SCRIPTS)
