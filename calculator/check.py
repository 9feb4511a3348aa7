"""``python -m calculator.check``: validate every data file without building the site.

Prints every problem (file:line:col: key.path: message), then a count; exit 1 on problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataError, Problem
from .model import Playbook
from .playbook import load_playbook
from .sizing_data import DEFAULT_ROLE_IDS, SizingModel, load_sizing

ROOT = Path(__file__).resolve().parent.parent


_loaded: dict[tuple[object, ...], tuple[Playbook, SizingModel]] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def load_all(root: Path = ROOT) -> tuple[Playbook, SizingModel]:
    """:func:`read_all`, once per version of the files: build hooks share one load per build."""
    key = (str(root), _stamp(root / "roles.yaml"), _stamp(root / "sizing.yaml"))
    if key not in _loaded:
        loaded = read_all(root)  # raises DataError: nothing is cached for a broken file
        _loaded.clear()
        _loaded[key] = loaded
    return _loaded[key]


def read_all(root: Path = ROOT) -> tuple[Playbook, SizingModel]:
    """Both data files, validated together; :class:`DataError` lists every problem in both.

    sizing.yaml is validated against roles.yaml's roles (so a role added there can be sized, and a
    role sizing.yaml names but roles.yaml lacks is reported at its line in sizing.yaml); when roles.yaml
    itself is invalid, against the six default roles. A role of roles.yaml that sizing.yaml gives no
    packing title or hiring entry is titled with its roles.yaml name and hired last.
    """
    problems: list[Problem] = []
    playbook = sizing = None
    try:
        playbook = load_playbook(root / "roles.yaml")
    except DataError as exc:
        problems += exc.problems
    role_ids = tuple(r.id for r in playbook.roles) if playbook else DEFAULT_ROLE_IDS
    names = {r.id: r.name for r in playbook.roles} if playbook else None
    try:
        sizing = load_sizing(root / "sizing.yaml", role_ids=role_ids, role_names=names)
    except DataError as exc:
        problems += exc.problems
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
