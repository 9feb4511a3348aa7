"""MkDocs hook: the build stops when a folder it publishes from holds a symbolic link."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from calculator.datafiles.symlinks import symlink_problems

ROOT = Path(__file__).resolve().parent.parent


@event_priority(100)  # first: before any hook reads a file
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # the pages, the assets both builds share, and the data files every generated page comes from
    folders = [
        Path(config.docs_dir),
        ROOT / "docs" / "assets",
        ROOT / "roles.yaml",
        ROOT / "sizing.yaml",
        ROOT / "calibration.yaml",
    ]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    problems = symlink_problems(folders, ROOT)
    if problems:
        raise PluginError("symbolic links where the site is built from:\n" + "\n".join(problems))
    return config
