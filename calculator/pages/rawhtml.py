"""HTML that must never pass through Markdown.

A generated page's Markdown holds a placeholder comment; the hook swaps in the HTML after
Markdown has run (``on_page_content``). Markdown extensions read syntax in raw HTML blocks
before setting them aside (a fence with an attribute list inside a text becomes an element
with event handlers), and a line break inside a text ends an HTML block: escaping alone
cannot make a data text safe inside Markdown, keeping the HTML out of it does.
"""

from __future__ import annotations

from collections.abc import Mapping


def placeholder(key: str) -> str:
    """The line the Markdown carries in place of block ``key``."""
    return f"<!-- playbook-html:{key} -->"


def substitute(html: str, blocks: Mapping[str, str]) -> str:
    """``html`` with every placeholder replaced by its block; a missing placeholder is a bug."""
    for key, block in blocks.items():
        mark = placeholder(key)
        if html.count(mark) != 1:
            raise ValueError(f"placeholder {mark} found {html.count(mark)} times in the converted page")
        html = html.replace(mark, block)
    return html
