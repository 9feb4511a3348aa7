"""``python -m calculator.check``: validate every data file without building the site.

Prints every problem (file:line:col: key.path: message), then a count; exit 1 on problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataError, Problem
from .model import Playbook
from .playbook import load_playbook
from .sizing_data import SizingModel, check_against_roles, load_sizing

ROOT = Path(__file__).resolve().parent.parent


def load_all(root: Path = ROOT) -> tuple[Playbook, SizingModel]:
    """Both data files, validated together; :class:`DataError` lists every problem in both."""
    problems: list[Problem] = []
    playbook = sizing = None
    try:
        playbook = load_playbook(root / "roles.yaml")
    except DataError as exc:
        problems += exc.problems
    try:
        sizing = load_sizing(root / "sizing.yaml")
    except DataError as exc:
        problems += exc.problems
    if playbook and sizing:
        problems += check_against_roles(sizing, [r.id for r in playbook.roles])
    if problems or playbook is None or sizing is None:
        raise DataError(problems)
    return playbook, sizing


def check(root: Path = ROOT) -> list[Problem]:
    """Every problem in the repository's data files (an empty list when all is well)."""
    try:
        load_all(root)
    except DataError as exc:
        return exc.problems
    return []


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
