"""MkDocs hook: every page carries its Content-Security-Policy (see ``calculator.pages.csp``).

Not in the offline copy (``make offline``, see hooks/offline.py): opened from ``file://`` it needs
an inline script whose text depends on the folder's place on disk, so no hash can name it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from calculator.pages.csp import with_policy


@event_priority(-100)  # last: after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if config.extra.get("offline"):
        return output
    return with_policy(output)
