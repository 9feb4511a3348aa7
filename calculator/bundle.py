"""The Python the browser runs: the stdlib-only modules of this package, as one zip.

Built at build time (and by the parity test); Pyodide unpacks it with ``unpackArchive``.
The list is explicit so build-time-only modules (PyYAML, Jinja2 users) never ship.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent

BROWSER_MODULES = (
    "__init__.py",
    "errors.py",
    "schema.py",
    "model.py",
    "playbook.py",
    "sizing_data.py",
    "scenario.py",
    "forminput.py",
    "sizing.py",
    "strictjson.py",
    "share.py",
    "export.py",
    "browser.py",
    "render/__init__.py",
    "render/result.py",
)


def browser_bundle() -> bytes:
    """A deterministic zip of :data:`BROWSER_MODULES` under ``calculator/`` (same input, same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in BROWSER_MODULES:
            info = zipfile.ZipInfo(f"calculator/{name}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (PACKAGE / name).read_bytes())
    return out.getvalue()
