"""Read a YAML data file into plain values plus the line/column of every key and value.

Build-time only: this is the one module that imports PyYAML for reading, so the engine
(everything the browser loads) stays standard-library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..engine.errors import PathKey, Problem, format_path
from . import textfile, yamlbudget


@dataclass
class Located:
    """A parsed document: plain values, where each came from, and parse problems."""

    file: str
    value: Any = None
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: PathKey) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (0, 0))

    def problem(self, path: PathKey, message: str) -> Problem:
        line, col = self.where(path)
        return Problem(self.file, line, col, format_path(path), message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    def __init__(self, doc: Located) -> None:
        self.doc = doc
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self.open: set[int] = set()  # nodes being walked: an alias back to one of them is a cycle

    def _report(self, node: yaml.Node, path: PathKey, message: str) -> None:
        line, col = _mark(node)
        self.doc.problems.append(Problem(self.doc.file, line, col, format_path(path), message))

    def scalar(self, node: yaml.Node, path: PathKey) -> Any:
        if (too_long := yamlbudget.number_too_long(node)) is not None:
            self._report(node, path, too_long)
            return None
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError) as exc:  # e.g. 2001-02-30 read as a date
            reason = getattr(exc, "problem", None) or str(exc)
            self._report(node, path, f"cannot read this value ({reason}); quote it to make it text")
            return None
        except Exception:  # noqa: BLE001 - PyYAML's constructors fail otherwise on explicit tags (!!bool maybe)
            reason = f"not a valid {node.tag.rsplit(':', 1)[-1]}"
            self._report(node, path, f"cannot read this value ({reason}); quote it to make it text")
            return None

    def value(self, node: yaml.Node, path: PathKey) -> Any:
        self.doc.positions[path] = _mark(node)
        if id(node) in self.open:
            self._report(node, path, "an alias refers back to itself (allowed: anchors of finished values)")
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.open.add(id(node))
            try:
                return self.collection(node, path)
            finally:
                self.open.discard(id(node))
        return self.scalar(node, path)

    def collection(self, node: yaml.Node, path: PathKey) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self._report(key_node, path, "a key must be plain text, not a list or mapping")
                    continue
                key = self.scalar(key_node, path)
                if not isinstance(key, str):
                    key = str(key)
                child = (*path, key)
                if key in out:
                    line, col = _mark(key_node)
                    first = self.doc.positions[child]
                    self.doc.problems.append(
                        Problem(
                            self.doc.file,
                            line,
                            col,
                            format_path(child),
                            f"duplicate key (first given on line {first[0]}); "
                            "YAML would silently keep only the last one",
                        )
                    )
                    continue
                out[key] = self.value(value_node, child)
                # Point messages about a key at the key itself, not its value.
                self.doc.positions[child] = _mark(key_node)
            return out
        return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]


def _syntax_problem(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    what = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    if context:
        started = getattr(exc, "context_mark", None)
        where = f" started on line {started.line + 1}" if started and started.line + 1 != line else ""
        what = f"{what} ({context}{where})"
    return Problem(file, line, col, "", f"YAML syntax error: {what}")


def _untab(text: str, file: str, width: int) -> tuple[str, list[Problem]]:
    """Report every line indented with a tab, and return the text with those tabs as spaces.

    Parsing then goes on, so a tab does not hide the file's other mistakes.
    """
    problems = []
    lines = text.split("\n")
    for n, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            message = "tab character in the indentation (allowed: spaces only)"
            problems.append(Problem(file, n + 1, indent.index("\t") + 1, "", message))
            lines[n] = indent.replace("\t", " " * width) + line[len(indent) :]
    return "\n".join(lines), problems


def parse_yaml(text: str, file: str) -> Located:
    """Parse YAML ``text``; syntax errors and limits crossed become problems, never exceptions.

    Nothing a file holds drives recursion or expansion past :mod:`calculator.yamlbudget`'s limits.
    """
    doc = Located(file)
    text, raw = textfile.raw_characters(text, file)
    node = None
    # An editor's tab stood for some number of spaces; try the usual widths before giving up.
    for width in (2, 4, 8):
        untabbed, tabs = _untab(text, file, width)
        doc.problems = raw + tabs
        try:
            node = yamlbudget.compose(untabbed, file)
            break
        except yamlbudget.BudgetExceeded as exc:
            doc.problems.append(exc.problem)
            return doc
        except yaml.YAMLError as exc:
            if width == 8 or not tabs:
                doc.problems.append(_syntax_problem(file, untabbed, exc))
                return doc
    if node is None:
        doc.problems.append(Problem(file, 1, 1, "", "the file is empty"))
        return doc
    doc.value = _Walker(doc).value(node, ())
    return doc


def read_yaml(path: Path, display_name: str | None = None) -> Located:
    """Read and parse a YAML data file; a wrong encoding or size is a problem with a line number.

    A file over :data:`calculator.yamlbudget.MAX_FILE_BYTES` is not read further. A file in another
    encoding is named as such and still read (undecodable bytes replaced), so other mistakes still show.
    """
    name = display_name or path.name
    try:
        with path.open("rb") as stream:
            raw = stream.read(yamlbudget.MAX_FILE_BYTES + 1)
    except OSError as exc:  # missing, a folder, no permission: a message, not a traceback
        doc = Located(name)
        doc.problems.append(Problem(name, 0, 0, "", f"cannot read the file ({exc.strerror or exc})"))
        return doc
    if len(raw) > yamlbudget.MAX_FILE_BYTES:
        doc = Located(name)
        size = path.stat().st_size  # 0 for a device or pipe that never ends
        doc.problems.append(yamlbudget.size_problem(name, size if size > yamlbudget.MAX_FILE_BYTES else None))
        return doc
    text, encoding = textfile.decode(raw, name)
    doc = parse_yaml(text, name)
    doc.problems[:0] = encoding
    return doc
