"""The Python the browser runs: ``calculator/engine/``, whole, as one zip (with ``calculator/__init__.py``),
plus the one vendored package the engine imports, ``segno`` (QR codes), as installed from requirements.lock.

Built at build time (and by the parity test); the Web Worker unpacks it with Pyodide's
``unpackArchive`` and imports ``calculator.engine.browser``. The engine imports nothing outside its
folder and nothing beyond the standard library and segno (``tests/test_layout.py``), so no list of
modules is kept.
"""

from __future__ import annotations

import importlib.metadata
import io
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ENGINE = PACKAGE / "engine"
#: the one third-party package the engine imports (pure Python on the standard library)
VENDORED = "segno"


def engine_files() -> list[Path]:
    """Every module of the engine, in a stable order, after the package's ``__init__`` (docstring only)."""
    return [PACKAGE / "__init__.py", *sorted(ENGINE.rglob("*.py"))]


def vendored_files() -> dict[str, bytes]:
    """The vendored package's modules and licence as installed, by their path in the zip (``segno/...``)."""
    dist = importlib.metadata.distribution(VENDORED)
    out: dict[str, bytes] = {}
    for entry in dist.files or ():
        path = Path(str(dist.locate_file(entry)))
        if entry.parts[0] == VENDORED and entry.suffix == ".py":
            out["/".join(entry.parts)] = path.read_bytes()
        elif entry.name == "LICENSE":
            out[f"{VENDORED}/LICENSE"] = path.read_bytes()
    if f"{VENDORED}/__init__.py" not in out or f"{VENDORED}/LICENSE" not in out:
        raise RuntimeError(f"{VENDORED} is not installed whole: run `make install`")
    return dict(sorted(out.items()))


def browser_bundle() -> bytes:
    """A deterministic zip of :func:`engine_files` (paths from ``calculator/``) and :func:`vendored_files`."""
    files = {path.relative_to(PACKAGE.parent).as_posix(): path.read_bytes() for path in engine_files()}
    files.update(vendored_files())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()
