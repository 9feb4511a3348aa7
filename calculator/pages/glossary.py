"""The glossary of roles.yaml as tooltips: the first use of each term on a page becomes ``<abbr title>``.

A Python-Markdown tree processor working on text nodes of the built tree, after Markdown parsed
the page: terms and definitions never pass through Markdown, and ElementTree escapes the title.
The browser shows the title as a tooltip (Material's ``content.tooltips`` is left off: on the
playbook's long pages it doubled the script and layout time at load); the roles overview lists
the whole glossary for touch screens, which show no tooltips. Python-Markdown's own ``abbr``
extension is not used: it matches at word boundaries only, which a Chinese sentence has none of,
and it marks every use rather than the first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..engine.model import GlossaryEntry

# where a tooltip would not help or would break the markup
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "kbd"}
# Python-Markdown keeps raw HTML and entities out of the tree as \x02...\x03 placeholders
_STASH = re.compile("\x02[^\x03]*\x03")


def _pattern(term: str) -> re.Pattern[str]:
    """``term`` anywhere in Chinese text; a term that starts or ends with a Latin letter or digit
    must not touch another one there (``ROI`` is not found inside ``HEROIC``)."""
    before = r"(?<![A-Za-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
    return re.compile(before + re.escape(term) + after, re.IGNORECASE if term.isascii() else 0)


class GlossaryTreeprocessor(Treeprocessor):
    """Wraps the first use of each term on the page in ``<abbr title="definition">``."""

    def __init__(self, md: Markdown, terms: Iterable[tuple[str, str]]) -> None:
        super().__init__(md)
        self.terms = [(_pattern(term), definition) for term, definition in terms if term.strip()]

    def run(self, root: ET.Element) -> None:
        pending = list(self.terms)
        # document order without recursion: an element's text, then each child, then that child's tail
        stack: list[tuple[ET.Element, ET.Element | None]] = [(root, None)]
        while stack and pending:
            node, parent = stack.pop()
            if parent is not None:  # a tail: the text after ``node`` inside ``parent``
                node.tail = self._mark(parent, node.tail, list(parent).index(node) + 1, pending)
                continue
            if node.tag in _SKIP:
                continue
            for child in reversed(list(node)):
                stack += [(child, node), (child, None)]
            node.text = self._mark(node, node.text, 0, pending)

    def _mark(
        self, parent: ET.Element, text: str | None, index: int, pending: list[tuple[re.Pattern[str], str]]
    ) -> str | None:
        """``text`` (at ``parent``'s child position ``index``) with its first pending term wrapped."""
        if not text:
            return text
        stashed = [(m.start(), m.end()) for m in _STASH.finditer(text)]
        hits = []
        for order, entry in enumerate(pending):  # the earliest use; at one place the longest term
            hit = next(
                (m for m in entry[0].finditer(text) if not any(a < m.end() and m.start() < b for a, b in stashed)), None
            )
            if hit is not None:
                hits.append((hit.start(), order, hit, entry))
        if not hits:
            return text
        _, _, hit, entry = min(hits, key=lambda h: (h[0], h[1]))
        pending.remove(entry)
        abbr = ET.Element("abbr", {"title": entry[1]})
        abbr.text = hit.group()
        parent.insert(index, abbr)
        abbr.tail = self._mark(parent, text[hit.end() :], index + 1, pending)  # at most one level per term
        return text[: hit.start()]


class GlossaryExtension(Extension):
    """Markdown extension carrying one language's glossary: (term, definition) pairs."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.terms = list(terms)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # after inline parsing (priority 20) and before pretty-printing (10)
        md.treeprocessors.register(GlossaryTreeprocessor(md, self.terms), "playbook_glossary", 15)


def glossary_terms(glossary: Iterable[GlossaryEntry], lang: str) -> list[tuple[str, str]]:
    """The (term, definition) pairs of ``lang``, longest term first (so "大促冲刺期" wins over a shorter term in it)."""
    pairs = [(" ".join(e.term[lang].split()), " ".join(e.definition[lang].split())) for e in glossary]
    return sorted(pairs, key=lambda pair: -len(pair[0]))
