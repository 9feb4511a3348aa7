"""MkDocs hook: the copy a reader opens from disk (``make offline``: Material's offline plugin on).

Material's offline plugin turns off directory URLs (links name ``.html`` files), inlines the search
index into ``search/search_index.js`` and adds the ``iframe-worker`` shim, which runs the search
worker from ``file://``, but from a public CDN. This hook keeps every request on disk: the shim is
self-hosted from npm (pinned in package.json) into ``vendor/``, like Pyodide. Instant
navigation (which fetches pages) is turned off, and so are the ``<link rel="alternate" hreflang>``
tags, for which Material fetches ``sitemap.xml`` on every page (a console error from disk; the
language switcher links each page to its counterpart without them). And ``hooks/csp.py`` leaves the policy out
(``extra.offline``): the shim writes an inline script naming the worker's ``file://`` path, whose
hash depends on where the folder is unzipped. The copy has no 404 page: nothing serves one from disk.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_DEST = "vendor/iframe-worker/shim.js"
_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["offline"] = offline(config)
    if not config.extra["offline"]:
        return config
    shim = config.extra.get("vendor_prefix", "") + SHIM_DEST
    config.extra["polyfills"] = [shim if "iframe-worker" in url else url for url in config.extra.get("polyfills", [])]
    config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _ALTERNATE.sub("", output) if config.extra.get("offline") else output


def on_post_build(config: MkDocsConfig) -> None:
    if not config.extra.get("offline"):
        return
    # Only a web server shows 404.html, and Material writes its links from site_url (it has no
    # fixed place in the tree), so from disk it is a page of broken links that nothing opens.
    (Path(config.site_dir) / "404.html").unlink(missing_ok=True)
    if config.extra.get("vendor_prefix"):  # English shares the root's vendor/
        return
    if not SHIM.is_file():
        raise PluginError(f"{SHIM.relative_to(ROOT)} is missing: run `npm ci` (or `make install`) first")
    target = Path(config.site_dir) / SHIM_DEST
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)
