"""Compose a YAML document without recursion, within limits a data file cannot talk its way past.

PyYAML's own composer recurses once per nesting level (400 levels exhaust Python's stack) and
expands nothing itself, but every later walk over its node graph follows aliases: six levels of
"billion laughs" aliases made 10^6 values and took 14 s and 1.75 GB to read. This composer builds
the same node graph from PyYAML's event stream with an explicit stack and counts, before any
Python value exists, how deep the document nests and how many values it would have once aliases
are expanded. The first limit crossed stops reading with a :class:`BudgetExceeded` that says
where and which limit; nothing is built past it.

Build-time only (PyYAML). The limits are generous multiples of what roles.yaml and sizing.yaml
need today (nesting 7, no more than 2,100 values, 18 anchors and 83 aliases, 36 kB).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..engine.errors import Problem

#: bytes of a data file (roles.yaml is 35 kB); read no further than this
MAX_FILE_BYTES = 512 * 1024
#: nesting of mappings and lists, counting what aliases bring in (the data files need 7)
MAX_DEPTH = 32
#: anchors (&name) in one file
MAX_ANCHORS = 200
#: aliases (*name) in one file
MAX_ALIASES = 1000
#: values (scalars, lists, mappings) once every alias is expanded: what any walk over the file visits
MAX_NODES = 100_000
#: characters of a value YAML reads as a number; 1:1:1:... (base 60) takes quadratic time to convert
MAX_NUMBER_CHARS = 100

_INT_OR_FLOAT = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _thousands(n: int) -> str:
    return f"{n:,}"


class BudgetExceeded(Exception):
    """A data file over one of the limits; ``problem`` says where and which."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def size_problem(file: str, size: int | None) -> Problem:
    """The problem for a file over :data:`MAX_FILE_BYTES` (``size`` None when its size is unknown)."""
    given = f"{_thousands(size)} bytes" if size else f"more than {_thousands(MAX_FILE_BYTES)} bytes"
    return Problem(
        file,
        1,
        1,
        "",
        f"the file is {given}, too large to be a data file of this site "
        f"(limit {_thousands(MAX_FILE_BYTES)} bytes); check that the right file was saved here",
    )


def number_too_long(node: yaml.Node) -> str | None:
    """A message when ``node`` is a plain scalar YAML would read as a very long number, else None."""
    if isinstance(node, yaml.ScalarNode) and node.tag in _INT_OR_FLOAT and len(node.value) > MAX_NUMBER_CHARS:
        return (
            f"a number {_thousands(len(node.value))} characters long (limit {MAX_NUMBER_CHARS} characters); "
            "quote it to make it text"
        )
    return None


@dataclass
class _Open:
    """A mapping or list being composed, and what its children have added so far."""

    node: yaml.CollectionNode
    anchor: str | None
    key: yaml.Node | None = None  # a mapping's key waiting for its value
    size: int = 1  # values once aliases are expanded, itself included
    height: int = 1  # levels of mappings and lists, itself included (a scalar has 0)

    def add(self, node: yaml.Node, size: int, height: int) -> None:
        self.size += size
        self.height = max(self.height, height + 1)
        if isinstance(self.node, yaml.SequenceNode):
            self.node.value.append(node)
        elif self.key is None:
            self.key = node
        else:
            self.node.value.append((self.key, node))
            self.key = None


@dataclass
class _Budget:
    file: str
    anchors: dict[str, yaml.Node] = field(default_factory=dict)
    #: id(node) -> (expanded values, levels) of every finished anchored node
    measured: dict[int, tuple[int, int]] = field(default_factory=dict)
    nodes: int = 0
    aliases: int = 0

    def breach(self, mark: Any, message: str) -> BudgetExceeded:
        return BudgetExceeded(Problem(self.file, mark.line + 1, mark.column + 1, "", message))

    def count(self, size: int, mark: Any) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise self.breach(
                mark,
                f"the file holds more than {_thousands(MAX_NODES)} values once its aliases are expanded "
                f"(limit {_thousands(MAX_NODES)} values); an alias repeats everything its anchor holds, "
                "so aliases of aliases multiply",
            )


def compose(text: str, file: str) -> yaml.Node | None:
    """The single document of ``text`` as PyYAML's node graph (None when empty).

    Raises :class:`BudgetExceeded` at the first limit crossed, ``yaml.YAMLError`` on a syntax error
    (with the messages PyYAML's composer gives).
    """
    loader = yaml.SafeLoader(text)
    try:
        return _compose(loader, _Budget(file))
    finally:
        loader.dispose()


def _compose(loader: yaml.SafeLoader, budget: _Budget) -> yaml.Node | None:
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    stack: list[_Open] = []
    while True:
        event: Any = loader.get_event()  # (the stubs type marks loosely)
        node: yaml.Node
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            done.node.end_mark = event.end_mark
            if done.anchor is not None:
                budget.measured[id(done.node)] = (done.size, done.height)
            node, size, height = done.node, done.size, done.height
        else:
            if isinstance(event, yaml.AliasEvent):
                node, size, height = _alias(event, budget, depth=len(stack))
            else:
                node, size, height = _start(loader, event, budget, depth=len(stack)), 1, 0
            budget.count(size, event.start_mark)
            if isinstance(event, yaml.CollectionStartEvent) and isinstance(node, yaml.CollectionNode):
                stack.append(_Open(node, event.anchor))
                continue
        if not stack:
            break
        stack[-1].add(node, size, height)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        extra: Any = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", node.start_mark, "but found another document", extra.start_mark
        )
    return node


def _alias(event: Any, budget: _Budget, depth: int) -> tuple[yaml.Node, int, int]:
    if event.anchor not in budget.anchors:
        raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
    budget.aliases += 1
    if budget.aliases > MAX_ALIASES:
        raise budget.breach(
            event.start_mark,
            f"more than {_thousands(MAX_ALIASES)} aliases (*name) in the file "
            f"(limit {_thousands(MAX_ALIASES)} aliases)",
        )
    node = budget.anchors[event.anchor]
    # An alias to a mapping or list still open refers back to itself: the reader reports it, as one value.
    size, height = budget.measured.get(id(node), (1, 0))
    if depth + height > MAX_DEPTH:
        raise budget.breach(
            event.start_mark,
            f"alias *{event.anchor} nests mappings and lists {depth + height} levels deep here "
            f"(limit {MAX_DEPTH} levels)",
        )
    return node, size, height


def _start(loader: yaml.SafeLoader, event: Any, budget: _Budget, depth: int) -> yaml.Node:
    """The node a scalar or collection-start event begins; checks anchors and nesting."""
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        if anchor in budget.anchors:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {anchor!r}; first occurrence",
                budget.anchors[anchor].start_mark,
                "second occurrence",
                event.start_mark,
            )
        if len(budget.anchors) >= MAX_ANCHORS:
            raise budget.breach(
                event.start_mark,
                f"more than {_thousands(MAX_ANCHORS)} anchors (&name) in the file (limit {_thousands(MAX_ANCHORS)} "
                "anchors)",
            )
    node: yaml.Node
    tag = event.tag
    start: Any = event.start_mark
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        end: Any = event.end_mark
        node = yaml.ScalarNode(tag, event.value, start, end, style=event.style)
    elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
        if depth + 1 > MAX_DEPTH:
            raise budget.breach(
                event.start_mark,
                f"mappings and lists nest {depth + 1} levels deep here (limit {MAX_DEPTH} levels)",
            )
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        if tag is None or tag == "!":
            tag = loader.resolve(kind, None, event.implicit)
        node = kind(tag, [], start, None, flow_style=event.flow_style)
    else:  # pragma: no cover - the parser emits nothing else inside a document
        raise yaml.composer.ComposerError(None, None, f"unexpected {type(event).__name__}", event.start_mark)
    if anchor is not None:
        budget.anchors[anchor] = node
    return node
