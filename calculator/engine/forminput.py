"""The calculator form read exactly as typed: each field a number, or a message in the page's language.

The inputs are text fields (``inputmode`` still brings up a number pad): a ``type=number`` input
hands scripts a guess, not what was typed. In Chromium with an English locale "1,5" arrives as 15,
"0x10" as 10 (the x is dropped as it is typed) and "NaN" as an empty field, that is 0. Here a field
is a decimal number with an optional point, full-width digits and point as a Chinese input method
types them included (they are the same digits); anything else gets a message saying what to type,
never a number made up from it. The bounds come from the scenario's own schema (from sizing.yaml).

Standard library only (the page's Web Worker runs it under Pyodide).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .schema import MapOf, Number, Obj, Spec

MESSAGES = {
    "zh": {
        "grouping": "不要用逗号或空格分隔：写成 1.5 或 1500",
        "radix": "请用 0–9 的十进制数字",
        "not_number": "请输入数字，如 3 或 2.5",
        "whole": "请输入整数",
        "range": "应在 {min} 到 {max} 之间",
    },
    "en": {
        "grouping": "no commas or spaces inside: write 1.5 or 1500",
        "radix": "use decimal digits 0–9",
        "not_number": "enter a number, e.g. 3 or 2.5",
        "whole": "enter a whole number",
        "range": "must be between {min} and {max}",
    },
}

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_GROUPED = re.compile(r"[+-]?[0-9]+(?:[,，、 '_][0-9]+)+(?:\.[0-9]*)?")  # 1,5  1,500  1 500  1'500
_RADIX = re.compile(r"[+-]?0[xXbBoO][0-9a-fA-F_]*")


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field, by its name (the scenario path with dots), in the page's language."""

    name: str
    message: str


def read_number(typed: str) -> tuple[float | None, str | None]:
    """``typed`` as a number (None for an empty field), or None and the reason (a key of :data:`MESSAGES`)."""
    # NFKC turns full-width digits, point and plus into ASCII; U+2212 is the minus sign of typeset text.
    text = unicodedata.normalize("NFKC", typed).replace("\u2212", "-").strip()
    if not text:
        return None, None
    if _DECIMAL.fullmatch(text):
        return float(text), None
    if _GROUPED.fullmatch(text):
        return None, "grouping"
    if _RADIX.fullmatch(text):
        return None, "radix"
    return None, "not_number"


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def number_spec(spec: Spec, name: str) -> Number | None:
    """The :class:`Number` a form field stands for (``channels.douyin.posts_per_week``), or None."""
    for key in name.split("."):
        if isinstance(spec, Obj):
            field = next((f for f in spec.fields if f.name == key), None)
            if field is None:
                return None
            spec = field.spec
        elif isinstance(spec, MapOf):
            spec = spec.value  # the key (a channel id) is the scenario's to check
        else:
            return None
    return spec if isinstance(spec, Number) else None


def read_form(fields: Mapping[str, Any], spec: Obj, lang: str) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The scenario the form's ``fields`` (name -> text as typed) describe, and a problem per field
    that cannot be read exactly or is out of bounds. Empty fields are left out (zero)."""
    text = MESSAGES[lang]
    scenario: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name, typed in fields.items():
        number = number_spec(spec, name)
        if number is None:  # a page older or newer than the engine: say so rather than guess
            problems.append(FieldProblem(name, f"unknown field {name!r}"))
            continue
        if not isinstance(typed, str):
            problems.append(FieldProblem(name, text["not_number"]))
            continue
        value, reason = read_number(typed)
        if reason is None and value is not None:
            if not (math.isfinite(value) and number.minimum <= value <= number.maximum):
                reason = "range"
            elif number.integer and not value.is_integer():
                reason = "whole"
        if reason is not None:
            bounds = {"min": _plain(number.minimum), "max": _plain(number.maximum)}
            problems.append(FieldProblem(name, text[reason].format(**bounds)))
            continue
        if value is None:
            continue
        node = scenario
        *parents, last = name.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = int(value) if number.integer else value
    return scenario, problems
