"""MkDocs hook: the calculator's Pyodide memory snapshot, made (or taken from the cache) after the build.

Thin: naming, caching and making live in ``calculator.snapshot``. The root build writes the one
snapshot both languages share (the English build names it through ``extra.vendor_prefix``, like
``vendor/``). The offline copy has none: from ``file://`` the calculator cannot start a worker.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from calculator.snapshot import SnapshotError, make, site_path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
log = logging.getLogger("mkdocs.hooks.snapshot")


def on_post_build(config: MkDocsConfig) -> None:
    if config.extra.get("offline") or config.extra.get("vendor_prefix"):  # English shares the root's
        return
    site = Path(config.site_dir)
    # the very bytes the build wrote, so the name is the one the calculator pages carry (hooks/playbook.py)
    bundle, roles, sizing = (
        (site / "data" / name).read_bytes() for name in ("calculator.zip", "roles.json", "sizing.json")
    )
    name = site_path(bundle, roles, sizing, PYODIDE)
    try:
        made = make(name, bundle, roles, sizing)
    except SnapshotError as exc:
        raise PluginError(f"the calculator's Pyodide snapshot: {exc}") from None
    target = site / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(made.path, target)
    how = "from the cache" if made.cached else f"made in Node ({made.report.get('ms')} ms)"
    log.info(f"calculator snapshot {name}: {target.stat().st_size:,} bytes, {how}, {made.seconds:.1f} s")
