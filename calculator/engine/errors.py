"""Problems found in a data file or a scenario, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass

from .messages_zh import count_line, translate

PathKey = tuple[str | int, ...]


def format_path(path: PathKey) -> str:
    """``("roles", 2, "name", "en")`` -> ``roles[2].name.en``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in an input, with where it is and what is allowed."""

    file: str
    line: int  # 1-based; 0 when unknown (e.g. data that came from JSON)
    column: int  # 1-based; 0 when unknown
    path: str  # dotted key path such as ``roles[2].duties[0].title.en``
    message: str

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str) -> str:
        """``file:line:col: path: message``, the message in ``lang`` (zh or en)."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        message = translate(self.message, lang)
        return f"{where}: {self.path}: {message}" if self.path else f"{where}: {message}"


class DataError(Exception):
    """Raised with every problem found in one run, never just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self, lang: str = "en") -> str:
        """Every problem on its own line, then a count, like ``check_projects.py`` (zh or en)."""
        lines = [p.text(lang) for p in self.problems]
        lines.append(count_line(len(self.problems), lang))
        return "\n".join(lines)


@dataclass(frozen=True)
class Unlocated:
    """Reports problems for data without line numbers (JSON in the browser, a scenario)."""

    file: str

    def problem(self, path: PathKey, message: str) -> Problem:
        return Problem(self.file, 0, 0, format_path(path), message)


def merge(read: list[Problem], checked: list[Problem]) -> list[Problem]:
    """Problems from reading a file, then from checking it, minus the echoes: a value the
    reader could not read is not reported again as missing or of the wrong type."""
    unreadable = {(p.path, p.line) for p in read if p.path}
    return read + [p for p in checked if (p.path, p.line) not in unreadable]
