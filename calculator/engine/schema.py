"""Declarative schemas: one description drives validation, the JSON exports and the schema reference page.

Standard library only (it also runs under Pyodide on data shipped as JSON).
Every check appends problems and carries on, so one run reports everything;
:meth:`Spec.to_data` turns what a check built back into the data-file shape.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import PathKey, Problem
from .fmt import fmt

#: the site's languages: every localised text holds one text per language, in this order
LANGS = ("zh", "en")
# Anchored with \A...\Z ($ would accept a trailing newline); short enough for a file name.
ID_PATTERN = re.compile(r"\A[a-z][a-z0-9_]{0,47}\Z")
# Characters a text may not hold: C0/C1 controls (a YAML escape such as "\e" writes them),
# line and paragraph separators, bidi embeddings/overrides/isolates (they reorder what a reader
# sees), zero-width characters and the byte-order mark. A line break in a text is rendered as a space.
_FORBIDDEN_CHAR = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
#: the same characters, for the editors' JSON Schema (calculator/editor_schema.py)
FORBIDDEN_CHAR = _FORBIDDEN_CHAR


def forbidden_char(text: str) -> str | None:
    """A message naming the first character ``text`` may not hold, or None."""
    hit = _FORBIDDEN_CHAR.search(text)
    if hit is None:
        return None
    char = hit.group()
    name = unicodedata.name(char, "a control character")
    return (
        f"holds U+{ord(char):04X} ({name}) at character {hit.start() + 1} "
        "(allowed: visible text, spaces and line breaks; delete the character)"
    )


class Invalid:
    """Marker for a value that failed validation (problems already recorded)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = Invalid()


class Reporter(Protocol):
    """Where problems go; :class:`calculator.datafiles.source.Located` is one."""

    def problem(self, path: PathKey, message: str) -> Problem: ...


@dataclass
class Context:
    """Collects problems while a document is validated."""

    where: Reporter
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: PathKey, message: str) -> None:
        self.problems.append(self.where.problem(path, message))


def _found(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def yamlish(value: Any) -> str:
    """A value as an editor would type it in YAML flow style, for messages and examples."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yamlish(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yamlish(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


class Spec:
    """Base of every schema node."""

    #: short type name used in messages and on the schema reference page
    kind = "value"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        return self.kind

    def example(self) -> Any:
        return None

    def to_data(self, value: Any) -> Any:
        """``value``, as this spec built it, back in the data-file shape (the JSON exports)."""
        return value


@dataclass(frozen=True)
class Flag(Spec):
    """``true`` or ``false``."""

    kind = "true or false"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, bool):
            ctx.report(path, f"expected true or false, found {value!r} (allowed: true, false)")
            return INVALID
        return value

    def example(self) -> Any:
        return True


@dataclass(frozen=True)
class Str(Spec):
    """Non-empty text (names of tools, products and the like)."""

    kind = "text"
    max_length: int = 2000

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, str):
            ctx.report(path, f"expected {self.kind}, found {_found(value)} (allowed: text)")
            return INVALID
        if not value.strip():
            ctx.report(path, "must not be empty (allowed: non-empty text)")
            return INVALID
        if len(value) > self.max_length:
            ctx.report(path, f"is {len(value)} characters long (allowed: at most {self.max_length})")
            return INVALID
        if (bad := forbidden_char(value)) is not None:
            ctx.report(path, bad)
            return INVALID
        return value.strip()

    def example(self) -> Any:
        return "Excel"


@dataclass(frozen=True)
class Id(Spec):
    """A stable identifier: lowercase letters, digits and underscores."""

    kind = "id"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            ctx.report(
                path,
                f"expected an id, found {_found(value)} "
                "(allowed: lowercase letters, digits and _, starting with a letter, at most 48 characters, "
                "e.g. design_tech)",
            )
            return INVALID
        return value

    def describe(self) -> str:
        return "id (a-z, 0-9, _)"

    def example(self) -> Any:
        return "design_tech"


@dataclass(frozen=True)
class Enum(Spec):
    """One of a fixed set of values."""

    values: tuple[str, ...]
    kind = "one of"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if value not in self.values:
            ctx.report(path, f"{_found(value)} is not allowed (allowed: {', '.join(self.values)})")
            return INVALID
        return value

    def describe(self) -> str:
        return "one of: " + ", ".join(self.values)

    def example(self) -> Any:
        return self.values[0]


@dataclass(frozen=True)
class Number(Spec):
    """A finite number within bounds; ``integer`` rejects fractions."""

    minimum: float = 0
    maximum: float = math.inf
    integer: bool = False
    unit: str = ""

    @property
    def kind(self) -> str:  # type: ignore[override]
        return "integer" if self.integer else "number"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and isinstance(value, int) and not -1e308 < value < 1e308:  # too big to be a float at all
            digits = int(value.bit_length() * 0.30103) + 1  # str() refuses ints this long
            ctx.report(path, f"a number of about {digits} digits is out of range (allowed: {self.describe()})")
            return INVALID
        if ok and self.integer and isinstance(value, float):
            ok = value.is_integer()
        if not ok or not math.isfinite(value):
            ctx.report(path, f"expected {self.describe()}, found {_found(value)}")
            return INVALID
        if not self.minimum <= value <= self.maximum:
            ctx.report(path, f"{value} is out of range (allowed: {self.describe()})")
            return INVALID
        return int(value) if self.integer else float(value)

    def describe(self) -> str:
        hi = "" if math.isinf(self.maximum) else f" to {fmt(self.maximum, grouped=True)}"
        return f"{self.kind} from {fmt(self.minimum, grouped=True)}{hi}" + (f" ({self.unit})" if self.unit else "")

    def example(self) -> Any:
        return int(self.minimum) if self.integer else self.minimum


@dataclass(frozen=True)
class LocalText(Spec):
    """Text in every language of the site: ``{zh: ..., en: ...}``."""

    kind = "localised text"
    build: Callable[..., Any] | None = None

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.report(
                path,
                f"expected localised text, found {_found(value)} "
                "(allowed: a mapping with zh and en, e.g. {zh: 复盘, en: Review})",
            )
            return INVALID
        out: dict[str, str] = {}
        for lang in LANGS:
            if lang not in value:
                ctx.report(path, f"missing the {lang} text (allowed: a mapping with zh and en)")
                continue
            text = Str().check(value[lang], (*path, lang), ctx)
            if text is not INVALID:
                out[lang] = text
        for key in value:
            if key not in LANGS:
                ctx.report((*path, key), f"unknown language {key!r} (allowed: {', '.join(LANGS)})")
        if len(out) != len(LANGS) or len(value) != len(LANGS):
            return INVALID
        return self.build(**out) if self.build else out

    def describe(self) -> str:
        return "localised text {zh, en}"

    def example(self) -> Any:
        return {"zh": "复盘", "en": "Review"}

    def to_data(self, value: Any) -> Any:
        return {lang: value[lang] for lang in LANGS}


@dataclass(frozen=True)
class Nullable(Spec):
    """``null`` or a value of ``inner``."""

    inner: Spec

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        return None if value is None else self.inner.check(value, path, ctx)

    def describe(self) -> str:
        return f"null or {self.inner.describe()}"

    def example(self) -> Any:
        return self.inner.example()

    def to_data(self, value: Any) -> Any:
        return None if value is None else self.inner.to_data(value)


@dataclass(frozen=True)
class ListOf(Spec):
    """A list; ``unique`` names fields (of object items) that must not repeat."""

    item: Spec
    min_items: int = 0
    max_items: int = 1000
    unique: tuple[str, ...] = ()
    unique_items: bool = False

    kind = "list"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, list):
            ctx.report(path, f"expected a list, found {_found(value)} (allowed: a list of {self.item.describe()})")
            return INVALID
        if len(value) < self.min_items:
            ctx.report(path, f"has {len(value)} items (allowed: at least {self.min_items})")
        if len(value) > self.max_items:
            ctx.report(path, f"has {len(value)} items (allowed: at most {self.max_items})")
        items = [self.item.check(v, (*path, i), ctx) for i, v in enumerate(value)]
        seen: dict[tuple[str, str], int] = {}
        for i, raw in enumerate(value):
            keys = [(k, yamlish(raw.get(k))) for k in self.unique if isinstance(raw, dict) and k in raw]
            if self.unique_items:
                keys.append(("", yamlish(raw)))
            for key in keys:
                if key in seen:
                    dup = raw.get(key[0]) if key[0] else raw
                    shown = repr(dup) if isinstance(dup, str) else yamlish(dup)
                    what = f"{key[0]} {shown}" if key[0] else f"item {shown}"
                    ctx.report(
                        (*path, i, *(key[:1] if key[0] else ())), f"duplicate {what} (already used by item {seen[key]})"
                    )
                else:
                    seen[key] = i
        if INVALID in items:
            return INVALID
        return tuple(items)

    def describe(self) -> str:
        return f"list of {self.item.describe()}"

    def example(self) -> Any:
        return [self.item.example()]

    def to_data(self, value: Any) -> Any:
        return [self.item.to_data(item) for item in value]


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping whose keys are checked by ``key`` and values by ``value``."""

    key: Spec
    value: Spec
    kind = "mapping"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.report(path, f"expected a mapping, found {_found(value)}")
            return INVALID
        out = {}
        for k, v in value.items():
            good_key = self.key.check(k, (*path, k), ctx)
            good_value = self.value.check(v, (*path, k), ctx)
            out[k] = INVALID if INVALID in (good_key, good_value) else good_value
        if INVALID in out.values():
            return INVALID
        return out

    def describe(self) -> str:
        return f"mapping of {self.key.describe()} to {self.value.describe()}"

    def to_data(self, value: Any) -> Any:
        return {key: self.value.to_data(item) for key, item in value.items()}


@dataclass(frozen=True)
class Field:
    """One key of an :class:`Obj`."""

    name: str
    spec: Spec
    doc: tuple[str, str]  # (zh, en): shown on the schema reference page
    required: bool = True
    default: Any = None
    attr: str = ""  # attribute name on the built object when it differs from ``name``
    example: Any = None  # shown in messages and the reference instead of the spec's generic example

    def sample(self) -> Any:
        """This key's example value: its own when given, else its spec's."""
        return self.spec.example() if self.example is None else self.example


@dataclass(frozen=True)
class Obj(Spec):
    """A mapping with known keys, built into a frozen dataclass by ``build``."""

    title: str
    fields: tuple[Field, ...]
    build: Callable[..., Any] | None = None
    kind = "mapping"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            ctx.report(path, f"expected a {self.title} (a mapping), found {_found(value)}")
            return INVALID
        allowed = [f.name for f in self.fields]
        for key in value:
            if key not in allowed:
                ctx.report((*path, key), f"unknown key {key!r} (allowed: {', '.join(allowed)})")
        out: dict[str, Any] = {}
        bad = False
        for f in self.fields:
            if f.name not in value:
                if f.required:
                    ctx.report(
                        path,
                        f"missing required key {f.name!r} (allowed: {f.spec.describe()}, "
                        f"e.g. {f.name}: {yamlish(f.sample())})",
                    )
                    bad = True
                out[f.attr or f.name] = f.default
                continue
            checked = f.spec.check(value[f.name], (*path, f.name), ctx)
            bad = bad or checked is INVALID
            out[f.attr or f.name] = checked
        if bad or len(value) != len([k for k in value if k in allowed]):
            return INVALID
        return self.build(**out) if self.build else out

    def describe(self) -> str:
        return self.title

    def example(self) -> Any:
        return {f.name: f.sample() for f in self.fields if f.required}

    def to_data(self, value: Any) -> Any:
        """Every field in spec order; an optional one only when it differs from its default
        (loading puts the default back, so the export reads back into the same object)."""
        out: dict[str, Any] = {}
        for f in self.fields:
            name = f.attr or f.name
            item = value[name] if isinstance(value, Mapping) else getattr(value, name)
            if f.required or item != f.default:
                out[f.name] = f.spec.to_data(item)
        return out


def validate(spec: Spec, value: Any, where: Reporter) -> tuple[Any, list[Problem]]:
    """Check ``value`` against ``spec``; return the built value (or INVALID) and every problem."""
    ctx = Context(where)
    result = spec.check(value, (), ctx)
    return result, ctx.problems
