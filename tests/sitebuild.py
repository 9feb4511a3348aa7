"""Build the real two-language site from a copy of the repository, for tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "mkdocs.en.yml", "roles.yaml", "sizing.yaml", "calibration.yaml", "docs", "hooks", "calculator")


def copy_repo(dest: Path) -> Path:
    """A copy of what the build reads (node_modules linked, not copied)."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def build(
    repo: Path, site_url: str = "http://127.0.0.1:8000/", offline: bool = False
) -> subprocess.CompletedProcess[str]:
    """Both languages, strict, exactly as `make build` (or with ``offline``, `make offline`) does, into site/;
    returns the last finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "SITE_URL_EN": site_url + "en/"}
    env["OFFLINE"] = "true" if offline else "false"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    first = subprocess.run([*mkdocs, "--clean", "-f", "mkdocs.yml"], cwd=repo, env=env, capture_output=True, text=True)
    if first.returncode:
        return first
    return subprocess.run([*mkdocs, "-f", "mkdocs.en.yml"], cwd=repo, env=env, capture_output=True, text=True)
