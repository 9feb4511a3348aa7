"""``python -m calculator.check``: validate every data file without building the site.

Prints every problem (file:line:col: key.path: message), then a count; exit 1 on problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataError, Problem
from .playbook import load_playbook

ROOT = Path(__file__).resolve().parent.parent


def check(root: Path = ROOT) -> list[Problem]:
    """Every problem in the repository's data files (an empty list when all is well)."""
    problems: list[Problem] = []
    try:
        load_playbook(root / "roles.yaml")
    except DataError as exc:
        problems += exc.problems
    return problems


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]) if argv else ROOT
    problems = check(root)
    if problems:
        print(DataError(problems).report(), file=sys.stderr)
        return 1
    print("All data files are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
