"""Symbolic links where the build publishes files: each one is refused, with its path.

MkDocs and ``hooks/assets.py`` follow links, so a link under ``docs/`` would publish whatever it
points to (a file outside the repository included) under the link's name. No page needs a link,
so the rule is simple: none at all in the folders a build reads. Standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path


def symlinks_under(folder: Path) -> list[Path]:
    """Every symbolic link at or below ``folder`` (to files or folders, broken ones too), never followed.

    ``folder`` may be a file: then it is the only candidate."""
    if folder.is_symlink():
        return [folder]
    found: list[Path] = []
    for where, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(where, name) for name in dirs + files if Path(where, name).is_symlink()]
    return sorted(found)


def symlink_problems(folders: list[Path], root: Path) -> list[str]:
    """One line per link at or under ``folders`` (folders or files): its path from ``root``, where it
    points, what to do."""
    lines = []
    for link in sorted({link for folder in folders for link in symlinks_under(folder)}):
        shown = link.relative_to(root).as_posix() if link.is_relative_to(root) else str(link)
        lines.append(
            f"{shown}: is a symbolic link (to {os.readlink(link)}); the site publishes only regular files of "
            "the repository: put the file itself here, or delete the link"
        )
    return lines
