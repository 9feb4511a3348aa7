"""Build-time rendering of the site's generated pages (standard library only, no MkDocs).

Pure functions from validated objects to Markdown text: role pages, overview and collaboration map
(``roles``), the methodology page (``methodology``), the data file reference (``reference``), the
calculator page (``calculator_page``), the navigation (``nav``), "last updated" lines (``updated``,
from git through ``history``) and each page's Content-Security-Policy (``csp``). The MkDocs hooks
only place the results into the site. Every data string goes through :func:`md_text` so no
data-file text ever becomes Markdown syntax or HTML; HTML built by ElementTree never passes
through Markdown at all (see :mod:`.rawhtml`).
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Everything str.splitlines() breaks on, and Python-Markdown turns a lone \r into a line break:
# data text renders on one line, whatever the file holds.
_LINE_BREAKS = re.compile("[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Characters that some Markdown extension may read as syntax anywhere in a line (emphasis, code,
# links, attribute lists, fences, tables, escapes) and HTML's own. They become numeric character
# references, which Markdown passes through as literal text whatever extensions are enabled.
_INLINE_SYNTAX = re.compile(r"""[\\`*_\[\]{}#+!|~<>&"'=^:$%]""")
# Syntax that only counts at the start of a line: lists, rules, setext underlines, ordered lists.
_LINE_START = re.compile(r"\A(?:[-=.]|\d+[.)])")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


def md_text(value: str) -> str:
    """A data string as inline Markdown that renders as exactly that text, on one line."""
    flat = _LINE_BREAKS.sub(" ", value).strip()
    escaped = _INLINE_SYNTAX.sub(lambda m: _ref(m.group()), flat)
    return _LINE_START.sub(lambda m: m.group()[:-1] + _ref(m.group()[-1]), escaped)


def md_url(url: str) -> str:
    """A URL for a Markdown link target: characters Markdown or a table could read are %-encoded."""
    return quote(url, safe="/:?#@!$&*+,;=%-._~[]")
