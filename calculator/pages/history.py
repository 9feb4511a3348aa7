"""When was a page's content last changed? Read from git history, never required.

Standard library only. Every function returns ``None`` instead of failing when git is
missing, the folder is not a repository, the clone is shallow (its oldest commit would
claim every line) or the lines are not committed yet: a build never fails for lack of history.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

_ZERO = "0" * 40  # the commit git blame gives lines that are not committed yet


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@cache
def has_history(root: Path) -> bool:
    """``root`` is inside a git work tree with full history (not a shallow clone)."""
    return _git(root, "rev-parse", "--is-shallow-repository") == "false\n"


def _day(epoch: str) -> date | None:
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


def file_date(root: Path, path: str) -> date | None:
    """Author date (UTC) of the last commit that changed ``path`` (relative to ``root``)."""
    if not has_history(root):
        return None
    out = _git(root, "log", "-1", "--format=%at", "--", path)
    return _day(out.strip()) if out and out.strip() else None


def lines_date(root: Path, path: str, start: int, end: int) -> date | None:
    """Latest author date (UTC) among the committed lines ``start``..``end`` of ``path``.

    Blank lines and comment lines do not count: moving a comment is not a change of content.
    """
    if not has_history(root) or start < 1 or end < start:
        return None
    out = _git(root, "blame", "--line-porcelain", "-L", f"{start},{end}", "--", path)
    if out is None:
        return None
    latest: date | None = None
    commit, when = "", ""
    for line in out.splitlines():
        if line.startswith("\t"):
            content = line[1:].strip()
            day = _day(when) if commit != _ZERO and content and not content.startswith("#") else None
            if day and (latest is None or day > latest):
                latest = day
        elif line.startswith("author-time "):
            when = line.split(" ", 1)[1]
        elif len(line) >= 40 and " " in line and all(c in "0123456789abcdef" for c in line[:40]):
            commit = line[:40]
    return latest


def block_ranges(starts: Sequence[tuple[str, int]], last_line: int) -> dict[str, tuple[int, int]]:
    """Line ranges of consecutive blocks: each runs from its start to the line before the next one's.

    ``starts`` is ``((id, first line), ...)`` in file order, such as :attr:`Playbook.role_lines`;
    the last block runs to ``last_line``. Blocks with an unknown start (0) are left out.
    """
    known = [(name, line) for name, line in starts if line > 0]
    ends = [line - 1 for _, line in known[1:]] + [last_line]
    return {name: (line, end) for (name, line), end in zip(known, ends, strict=False)}
