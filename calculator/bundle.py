"""The Python the browser runs: ``calculator/engine/``, whole, as one zip (with ``calculator/__init__.py``).

Built at build time (and by the parity test); the Web Worker unpacks it with Pyodide's
``unpackArchive`` and imports ``calculator.engine.browser``. The engine imports nothing outside its
folder and nothing beyond the standard library (``tests/test_layout.py``), so no list of modules is kept.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ENGINE = PACKAGE / "engine"


def engine_files() -> list[Path]:
    """Every module of the engine, in a stable order, after the package's ``__init__`` (docstring only)."""
    return [PACKAGE / "__init__.py", *sorted(ENGINE.rglob("*.py"))]


def browser_bundle() -> bytes:
    """A deterministic zip of :func:`engine_files`, paths from ``calculator/`` (same input, same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in engine_files():
            info = zipfile.ZipInfo(path.relative_to(PACKAGE.parent).as_posix(), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return out.getvalue()
