"""MkDocs hook: shared static files for both language builds, and self-hosted vendor files.

``docs/assets`` is shared by the Chinese and English builds. Third-party runtime files
(Pyodide) come from ``node_modules`` (pinned in package.json) and are
copied once, into the root build's ``vendor/``: the site never loads them from a CDN.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from calculator.engine.html import TABLE_CLASS
from calculator.pages.tables import material_stylesheet, material_table_css

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / "docs" / "assets"
#: site-relative destination -> source in node_modules
PYODIDE = ROOT / "node_modules" / "pyodide"
VENDOR = {
    # Pyodide core only: the calculator needs nothing beyond the standard library.
    **{
        f"vendor/pyodide/{name}": PYODIDE / name
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    },
}


#: served as one stylesheet, ``assets/css/site.css``: one render-blocking request instead of three
#: (Lighthouse's first paint on a slow phone line); kept apart in the sources by concern
STYLESHEETS = ("playbook.css", "calculator.css", "calc-states.css")


def site_css() -> str:
    """The stylesheets of :data:`STYLESHEETS`, in order, each under a comment naming its source,
    after Material's table rules restated for the tables the build wraps (calculator/pages/tables.py)."""
    theme = material_stylesheet()
    tables = f"/* {theme.name}: table:not([class]) as table.{TABLE_CLASS} */\n" + material_table_css(
        theme.read_text("utf-8")
    )
    ours = [f"/* docs/assets/css/{name} */\n" + (SHARED / "css" / name).read_text("utf-8") for name in STYLESHEETS]
    return "\n".join([tables, *ours])


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "assets/css/site.css", content=site_css()))
    for path in sorted(SHARED.rglob("*")):
        if path.is_file() and not (path.parent.name == "css" and path.name in STYLESHEETS):
            files.append(
                File(
                    str(path.relative_to(SHARED.parent)), str(SHARED.parent), config.site_dir, config.use_directory_urls
                )
            )
    return files


def on_post_build(config: MkDocsConfig) -> None:
    if config.extra.get("vendor_prefix"):  # the English build shares the root build's vendor/
        return
    site = Path(config.site_dir)
    for dest, source in VENDOR.items():
        if not source.is_file():
            raise PluginError(f"{source.relative_to(ROOT)} is missing: run `npm ci` (or `make install`) first")
        target = site / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
