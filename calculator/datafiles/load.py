"""roles.yaml and sizing.yaml from disk: read with line numbers, validated by the engine, all problems at once.

Build-time only (PyYAML, through :mod:`.source`). The validation is the engine's own, the same code
the browser runs on the JSON exports; this module adds where each problem is in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..engine.errors import DataError, Problem, merge
from ..engine.model import Playbook, Text
from ..engine.playbook import playbook_from_data
from ..engine.sizing.loading import role_references, roles_from_playbook, sizing_from_data
from ..engine.sizing.model import SizingModel, SizingRole
from ..engine.sizing.specs import FILE_NAME as SIZING_FILE
from .calibration import FILE_NAME as CALIBRATION_FILE
from .calibration import Case, panel_from_data
from .source import Located, read_yaml

#: the folder that holds the data files (the repository's root)
DATA_DIR = Path(__file__).resolve().parents[2]
ROLES_FILE = "roles.yaml"
PANEL_FILE = CALIBRATION_FILE

Built = TypeVar("Built")


def _load(path: Path, display_name: str | None, validate: Callable[[Located], Built]) -> Built:
    """Read ``path`` and validate it; one :class:`DataError` with the reading and validation problems."""
    doc = read_yaml(path, display_name)
    if doc.problems and doc.value is None:
        raise DataError(doc.problems)
    try:
        built = validate(doc)
    except DataError as exc:
        raise DataError(merge(doc.problems, exc.problems)) from None
    if doc.problems:  # e.g. duplicate keys that still left a valid-looking file
        raise DataError(doc.problems)
    return built


def _role_lines(doc: Located) -> tuple[tuple[str, int], ...]:
    """The line of each role's ``id`` (edit links and "last updated" dates point at a role's block)."""
    roles = doc.value.get("roles", []) if isinstance(doc.value, dict) else []
    return tuple(
        (r["id"], doc.positions.get(("roles", i, "id"), (0, 0))[0])
        for i, r in enumerate(roles if isinstance(roles, list) else [])
        if isinstance(r, dict) and isinstance(r.get("id"), str)
    )


def load_playbook(path: Path, display_name: str | None = None) -> Playbook:
    """Read roles.yaml; raise :class:`DataError` listing every problem with file and line."""
    return _load(path, display_name, lambda doc: playbook_from_data(doc.value, doc, _role_lines(doc)))


def load_sizing(path: Path, playbook: Playbook | None, display_name: str | None = None) -> SizingModel:
    """Read sizing.yaml against the playbook's roles; raise :class:`DataError` listing every problem with its line.

    Without a valid playbook, every role sizing.yaml names is taken as known (roles.yaml's own
    problems are reported from roles.yaml), so an editor sees each file's mistakes, not echoes.
    """

    def validate(doc: Located) -> SizingModel:
        if playbook is not None:
            roles = roles_from_playbook(playbook.roles)
        else:
            named = dict.fromkeys(rid for _, rid in role_references(doc.value))
            roles = tuple(SizingRole(rid, Text(rid, rid), "core") for rid in named)
        return sizing_from_data(doc.value, doc, roles)

    return _load(path, display_name, validate)


def load_panel(path: Path, model: SizingModel, display_name: str | None = None) -> tuple[Case, ...]:
    """Read calibration.yaml; every scenario must be valid for ``model``."""
    return _load(path, display_name, lambda doc: panel_from_data(doc.value, doc, model))


def read_all(root: Path = DATA_DIR) -> tuple[Playbook, SizingModel]:
    """Both data files, validated together; :class:`DataError` lists every problem in both.

    sizing.yaml is validated against roles.yaml's roles (every position the calculator proposes is a
    role of the playbook); a role sizing.yaml names but roles.yaml lacks is reported at its line.
    """
    problems: list[Problem] = []
    playbook = sizing = None
    try:
        playbook = load_playbook(root / ROLES_FILE)
    except DataError as exc:
        problems += exc.problems
    try:
        sizing = load_sizing(root / SIZING_FILE, playbook)
    except DataError as exc:
        problems += exc.problems
    if problems or playbook is None or sizing is None:
        raise DataError(problems)
    return playbook, sizing


_loaded: dict[tuple[object, ...], tuple[Playbook, SizingModel]] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def load_all(root: Path = DATA_DIR) -> tuple[Playbook, SizingModel]:
    """:func:`read_all`, read again only when a file changed: hooks that each call it share one read per build."""
    key = (str(root), _stamp(root / ROLES_FILE), _stamp(root / SIZING_FILE))
    if key not in _loaded:
        loaded = read_all(root)  # raises DataError: nothing is cached for a broken file
        _loaded.clear()
        _loaded[key] = loaded
    return _loaded[key]
