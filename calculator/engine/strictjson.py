"""Strict JSON for untrusted input (a scenario file, a share link, the calculator form). Standard library only.

No NaN/Infinity, no duplicate keys, no numbers too long for Python to convert: each becomes a
:class:`JSONInputError`, never a crash. Before the parser runs, a linear scan without recursion
holds the text to a budget (size, nesting, keys and list items), so no input reaches a recursion
limit: on CPython that was a RecursionError, under Pyodide a fatal error that stops the page's Python.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: characters; a canonical scenario is under 1 kB, a hand-written, indented one a few kB
MAX_CHARS = 64 * 1024
#: nesting of objects and lists; a scenario needs 3 ({"channels": {"douyin": {...}}})
MAX_DEPTH = 8
#: keys and list items in all; a scenario with every channel and goal has about 40
MAX_ITEMS = 500

# A string (escapes included, closing quote optional so an unterminated one ends the scan) or a
# structural character. Unrolled, so the regex engine never backtracks.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}:,]', re.DOTALL)
_FIRST_ITEM = re.compile(r"[ \t\r\n]*[^ \t\r\n\]]")


class JSONInputError(ValueError):
    """Malformed or hostile JSON, with a message a person can act on (``line`` 0 when unknown)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def where(self, name: str) -> str:
        """``name:line:col: message``, as compilers and our data validation print it."""
        return f"{name}:{self.line}:{self.column}: {self.message}" if self.line else f"{name}: {self.message}"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise JSONInputError(f"duplicate key {key!r} (allowed: each key once)")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise JSONInputError(f"{name} is not a number (allowed: finite numbers)")


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_budget(text: str) -> None:
    """Raise :class:`JSONInputError` when ``text`` is over :data:`MAX_CHARS`, nests deeper than
    :data:`MAX_DEPTH` or holds more than :data:`MAX_ITEMS` keys and list items. Linear, no recursion."""
    if len(text) > MAX_CHARS:
        raise JSONInputError(f"the JSON is more than {MAX_CHARS:,} characters long (limit {MAX_CHARS:,} characters)")
    open_lists: list[bool] = []  # per open object/list: is it a list?
    items = 0
    for token in _TOKEN.finditer(text):
        char = token.group()[0]
        if char in "[{":
            if len(open_lists) == MAX_DEPTH:
                line, column = _where(text, token.start())
                raise JSONInputError(
                    f"the JSON is nested too deeply: more than {MAX_DEPTH} levels of objects and lists "
                    f"(limit {MAX_DEPTH} levels; a scenario needs 3)",
                    line,
                    column,
                )
            open_lists.append(char == "[")
            if char == "[" and _FIRST_ITEM.match(text, token.end()):
                items += 1  # a list's first item (the others follow a comma)
        elif char in "]}":
            if open_lists:
                open_lists.pop()
        elif char == ":" or (char == "," and open_lists and open_lists[-1]):
            items += 1
        else:
            continue
        if items > MAX_ITEMS:
            line, column = _where(text, token.start())
            raise JSONInputError(
                f"the JSON holds more than {MAX_ITEMS:,} keys and list items (limit {MAX_ITEMS:,}; "
                "a scenario has about 40)",
                line,
                column,
            )


def loads(text: str) -> Any:
    """Parse ``text`` within :func:`check_budget`; raise :class:`JSONInputError` naming the line and
    column where known."""
    check_budget(text)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except JSONInputError:
        raise
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"malformed JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:  # cannot happen within the budget; kept so no input can ever crash the caller
        raise JSONInputError("the JSON is nested too deeply (allowed: a scenario object)") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise JSONInputError(f"a value cannot be read ({exc})") from None
