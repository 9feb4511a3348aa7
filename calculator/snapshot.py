"""Build time: the calculator's Pyodide memory snapshot, named by what went into it, made once.

The Web Worker can restore a snapshot (``loadPyodide({_loadSnapshot})``) instead of starting Python
and loading the engine: ready in a fraction of the time, for more bytes (see the README's design
notes). ``calculator/snapshot.mjs`` makes it in Node from the pinned npm package; this module names
it and keeps a cache, so an unchanged build (``make serve`` after editing a page, the test builds)
reuses it instead of spending seconds of Node.

The name holds a digest of every input: the engine bundle, both data files, the Pyodide runtime
files and the snapshot scripts. A page names the snapshot of its own build, so a browser never
restores one made from other data, and a new build never meets an old file in an HTTP cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
SCRIPT = PACKAGE / "snapshot.mjs"
#: the snapshot's side of the contract: what it runs before saving memory (bundled into the snapshot)
PREPARE = PACKAGE / "engine" / "prepared.py"
#: the runtime files a snapshot is bound to (Pyodide checks a build id made from the first two)
RUNTIME = ("pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "package.json")
#: ``.bin``: served as application/octet-stream, which GitHub Pages (and tools/gzip-serve.py) gzip
PREFIX, SUFFIX = "data/pyodide-snapshot-", ".bin"
KEEP = 6  # cached snapshots kept (about 31 MB each)


class SnapshotError(Exception):
    """Node could not make the snapshot; the message says what it printed."""


@dataclass(frozen=True)
class Made:
    """A snapshot file and how it was had."""

    path: Path
    seconds: float
    cached: bool
    report: dict[str, object]


def site_path(bundle: bytes, roles_json: bytes, sizing_json: bytes, pyodide_dir: Path) -> str:
    """The snapshot's site-relative path, e.g. ``data/pyodide-snapshot-3f2a....bin``."""
    digest = hashlib.sha256()
    for part in (bundle, roles_json, sizing_json, SCRIPT.read_bytes(), PREPARE.read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    for name in RUNTIME:
        if not (pyodide_dir / name).is_file():
            raise SnapshotError(f"{pyodide_dir / name} is missing: run `npm ci` (or `make install`) first")
        digest.update(hashlib.sha256((pyodide_dir / name).read_bytes()).digest())
    return f"{PREFIX}{digest.hexdigest()[:20]}{SUFFIX}"


def cache_dir() -> Path:
    """Where snapshots are kept between builds: ``$PLAYBOOK_CACHE`` or ``~/.cache/new-media-playbook``."""
    base = os.environ.get("PLAYBOOK_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "new-media-playbook")
    return Path(base) / "snapshots"


def make(name: str, bundle: bytes, roles_json: bytes, sizing_json: bytes) -> Made:
    """The snapshot named ``name`` (from :func:`site_path`), from the cache or made now with Node."""
    started = time.perf_counter()
    cache = cache_dir()
    target = cache / Path(name).name
    if target.is_file():
        os.utime(target)  # recently used: kept longest
        return Made(target, time.perf_counter() - started, True, {})
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        inputs = []
        for file_name, content in (
            ("calculator.zip", bundle),
            ("roles.json", roles_json),
            ("sizing.json", sizing_json),
        ):
            (Path(work) / file_name).write_bytes(content)
            inputs.append(str(Path(work) / file_name))
        node = shutil.which("node")
        if node is None:
            raise SnapshotError("Node.js is not installed (the README's set-up installs it)")
        run = subprocess.run(
            [node, str(SCRIPT), *inputs, target.name, str(target)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if run.returncode or not target.is_file():
        raise SnapshotError(f"node calculator/snapshot.mjs failed ({run.returncode}):\n{run.stderr[-3000:]}")
    _prune(cache)
    return Made(target, time.perf_counter() - started, False, json.loads(run.stdout))


def _prune(cache: Path) -> None:
    """Keep the :data:`KEEP` most recently used snapshots."""
    found = sorted(cache.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in found[KEEP:]:
        old.unlink(missing_ok=True)
