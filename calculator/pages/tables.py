"""Content tables as Material's script would leave them, done when the page is built.

When a page starts, Material's script wraps every table of the content that has no ``class``
attribute in ``div.md-typeset__scrollwrap > div.md-typeset__table`` (``mountDataTable`` in its
bundle). It takes each table out of the document and puts it back, so the browser styles and
lays out every cell a second time while the page is starting: on the collaboration page (two
tables, ~600 elements) that was most of Lighthouse's blocking time above the 95 mark (README,
"Lighthouse"). Tables that carry a class are left alone.

:func:`prewrap_tables` does the same wrapping at build time and gives each table
:data:`TABLE_CLASS`, so the script finds nothing to move. :func:`material_table_css` gives that
class the rules Material's stylesheet gives ``table:not([class])``, read from the installed
theme at build time, so the two cannot drift apart when Material is updated.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..engine.html import TABLE_CLASS

#: Material's selector for the tables it styles and wraps
MATERIAL_SELECTOR = "table:not([class])"
OPEN_WRAP = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
CLOSE_WRAP = "</div></div>"


class _TableTags(HTMLParser):
    """Offsets of every ``<table>`` start and end tag, and whether the start tag has a class."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        # getpos() counts lines by "\n" alone (not str.splitlines's U+2028, form feed, ...)
        starts = [0]
        for line in html.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        self._line_starts = starts
        self._html = html
        self.tags: list[tuple[int, int, bool | None]] = []  # (start, end, has_class or None for </table>)
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            text = self.get_starttag_text() or ""
            start = self._offset()
            self.tags.append((start, start + len(text), any(name == "class" for name, _ in attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            start = self._offset()
            # the parser reports the end tag where it starts; it runs to the next ">"
            self.tags.append((start, self._html.index(">", start) + 1, None))


def prewrap_tables(html: str) -> str:
    """``html`` with each table that has no class wrapped as Material's script would, and classed.

    Tables that already carry a class (the calculator's, for instance) are left as they are,
    as Material leaves them. Nested tables are handled; an end tag without a start is kept.
    """
    tags = _TableTags(html).tags
    if not tags:
        return html
    out: list[str] = []
    stack: list[bool] = []  # for each open table: did we wrap it?
    pos = 0
    for start, end, has_class in tags:
        out.append(html[pos:start])
        tag = html[start:end]
        if has_class is None:  # </table>
            wrapped = stack.pop() if stack else False
            out.append(tag + CLOSE_WRAP if wrapped else tag)
        elif has_class:
            stack.append(False)
            out.append(tag)
        else:
            stack.append(True)
            classed = re.sub(r"^<table\b", f'<table class="{TABLE_CLASS}"', tag, count=1, flags=re.IGNORECASE)
            out.append(OPEN_WRAP + classed)
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _rules(css: str) -> list[tuple[list[str], str, str]]:
    """The style rules of ``css`` as (enclosing at-rule preludes, selector list, declarations).

    Enough of CSS for a minified theme stylesheet: strings and comments are skipped when looking
    for braces; at-rules with a block (``@media``, ``@supports``) are entered; other at-rules
    (``@font-face``, ``@keyframes``) are kept out.
    """
    found: list[tuple[list[str], str, str]] = []
    context: list[str] = []
    prelude_start = 0
    i, n = 0, len(css)
    skip_depth = 0  # inside a block whose content is not style rules (@keyframes, @font-face)
    body_start = -1
    selector = ""
    while i < n:
        c = css[i]
        if c in "\"'":
            end = i + 1
            while end < n and css[end] != c:
                end += 2 if css[end] == "\\" else 1
            i = end + 1
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            if body_start < 0 and not skip_depth:
                prelude_start = i
            continue
        if c == "{":
            if skip_depth:
                skip_depth += 1
            elif body_start >= 0:  # nested rule inside a style rule (CSS nesting): not used by the theme
                skip_depth = 1
            else:
                prelude = css[prelude_start:i].strip()
                if prelude.startswith("@media") or prelude.startswith("@supports"):
                    context.append(prelude)
                    prelude_start = i + 1
                elif prelude.startswith("@"):
                    skip_depth = 1
                else:
                    selector, body_start = prelude, i + 1
        elif c == "}":
            if skip_depth:
                skip_depth -= 1
                if not skip_depth:
                    prelude_start = i + 1
            elif body_start >= 0:
                found.append((list(context), selector, css[body_start:i]))
                body_start = -1
                prelude_start = i + 1
            elif context:
                context.pop()
                prelude_start = i + 1
        elif c == ";" and body_start < 0 and not skip_depth:
            prelude_start = i + 1  # @charset / @import statements
        i += 1
    return found


def material_table_css(theme_css: str) -> str:
    """The rules of ``theme_css`` for ``table:not([class])``, restated for ``table.playbook-table``.

    Only the selectors of a list that name Material's table selector are kept. Same specificity
    (one class against one attribute test), placed after the theme: the cascade is unchanged.
    """
    out: list[str] = []
    for context, selectors, body in _rules(theme_css):
        if MATERIAL_SELECTOR not in selectors:
            continue
        # selector lists split on commas outside brackets and parentheses
        parts, depth, last = [], 0, 0
        for k, ch in enumerate(selectors):
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif ch == "," and not depth:
                parts.append(selectors[last:k])
                last = k + 1
        parts.append(selectors[last:])
        mine = [p.strip().replace(MATERIAL_SELECTOR, f"table.{TABLE_CLASS}") for p in parts if MATERIAL_SELECTOR in p]
        rule = ",".join(mine) + "{" + body + "}"
        for prelude in reversed(context):
            rule = prelude + "{" + rule + "}"
        out.append(rule)
    return "\n".join(out)


def material_stylesheet() -> Path:
    """The installed theme's main stylesheet (one ``main.<hash>.min.css``)."""
    import material  # the theme package; imported here so the engine never depends on it

    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one main.*.min.css in mkdocs-material, found {len(found)}")
    return found[0]
