"""Build-time rendering of the playbook's generated Markdown pages.

Pure functions from validated objects to Markdown text; the MkDocs hooks only
place the results into the site. Every data string goes through :func:`md_text`
(or a template with autoescaping) so no data-file text ever becomes HTML.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|>])")


def md_text(value: str) -> str:
    """Escape a data string for inline Markdown: HTML-escaped, Markdown syntax neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=True)).replace("\n", " ")
