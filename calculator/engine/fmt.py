"""How every number is written: in plans, on pages, in messages and in share links. Standard library only."""

from __future__ import annotations

from decimal import Decimal


def canonical(value: float) -> int | float:
    """7.0 -> 7: whole numbers as integers, so JSON (and share links) stay short and stable."""
    return int(value) if float(value).is_integer() else value


def fmt(value: float, decimals: int | None = None, grouped: bool = False) -> str:
    """A number as shown everywhere: no trailing zeros, no exponent, never ``-0``.

    ``decimals``: rounded to that many places (a plan's precision); ``None``: as written in the data
    (10000000, 0.15). ``grouped``: thousands separated by commas (1,000,000), for limits in messages.
    """
    sep = "," if grouped else ""
    if decimals is None:
        number = canonical(value)
        if isinstance(number, int):
            return f"{number:{sep}}"
        return format(Decimal(repr(number)), f"{sep}f")  # repr: the shortest form that reads back the same
    text = f"{round(value, decimals):{sep}.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
