"""``python -m calculator.check [DIR]`` (``make check``): validate every data file without building the site.

Prints every problem (file:line:col: key.path: message), then a count; exit 1 on problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .datafiles.load import DATA_DIR, PANEL_FILE, load_panel, read_all
from .engine.errors import DataError, Problem


def check(root: Path = DATA_DIR) -> list[Problem]:
    """Every problem in the data files under ``root`` (an empty list when all is well)."""
    try:
        _, sizing = read_all(root)
        load_panel(root / PANEL_FILE, sizing)  # the calibration panel's scenarios must fit the model
    except DataError as exc:
        return exc.problems
    return []


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]) if argv else DATA_DIR
    problems = check(root)
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print("All data files are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
