"""Strict JSON for untrusted input (a scenario file, a share link). Standard library only.

No NaN/Infinity, no duplicate keys, no numbers too long for Python to convert, no nesting
deep enough to exhaust the stack: each becomes a :class:`JSONInputError`, never a crash.
"""

from __future__ import annotations

import json
from typing import Any


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


def loads(text: str) -> Any:
    """Parse ``text``; raise :class:`JSONInputError` naming the line and column where known."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except JSONInputError:
        raise
    except json.JSONDecodeError as exc:
        raise JSONInputError(f"malformed JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise JSONInputError("the JSON is nested too deeply (allowed: a scenario object)") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise JSONInputError(f"a value cannot be read ({exc})") from None
