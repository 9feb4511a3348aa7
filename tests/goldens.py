"""Golden files under tests/golden/: what the code produces, compared with a reviewed copy.

Regenerate with ``UPDATE_GOLDEN=1 pytest``, then review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(actual: str, name: str) -> None:
    """``actual`` equals the golden file ``name`` (relative to tests/golden/)."""
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), name


def edited(text: str, edits: list[tuple[str, str]]) -> str:
    """``text`` with each ``(old, new)`` edit made once, as an editor would type it."""
    for old, new in edits:
        assert old in text, f"fixture changed: {old!r} not found"
        text = text.replace(old, new, 1)
    return text


def assert_located_report(report: str, file: str) -> None:
    """Every problem line names ``file`` and a line number; a count closes the report; no traceback."""
    *lines, count = report.splitlines()
    assert lines and count.startswith("Found "), report
    for line in lines:
        assert line.startswith(f"{file}:"), line
        assert line.split(":")[1].isdigit() and int(line.split(":")[1]) > 0, line
    assert "Traceback" not in report
