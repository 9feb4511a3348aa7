"""MkDocs hook: load roles.yaml and sizing.yaml once per build and add the generated pages.

Thin adapter: loading, validation and rendering live in the ``calculator`` package.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator.bundle import browser_bundle  # noqa: E402
from calculator.check import load_all  # noqa: E402
from calculator.errors import DataError  # noqa: E402
from calculator.model import Playbook  # noqa: E402
from calculator.playbook import playbook_to_data  # noqa: E402
from calculator.render.calculator_page import HTML_BLOCK, calculator_html, calculator_page  # noqa: E402
from calculator.render.calculator_page import PAGE as CALCULATOR  # noqa: E402
from calculator.render.methodology import methodology_page, role_sizing_section  # noqa: E402
from calculator.render.pages import METHODOLOGY, playbook_pages, role_path, site_nav  # noqa: E402
from calculator.render.rawhtml import substitute  # noqa: E402
from calculator.render.updated import page_sources  # noqa: E402
from calculator.sizing_data import SizingModel, sizing_to_data  # noqa: E402

ROLES_FILE = ROOT / "roles.yaml"
SIZING_FILE = ROOT / "sizing.yaml"


@dataclass
class _Loaded:
    """What this build read from the data files (set in on_config)."""

    playbook: Playbook | None = None
    sizing: SizingModel | None = None
    #: page src_uri -> {block key: HTML}: placed after Markdown ran, never read by it
    html_blocks: dict[str, dict[str, str]] = field(default_factory=dict)


_data = _Loaded()


def language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        playbook, sizing = load_all(ROOT)
    except DataError as exc:
        raise PluginError(f"the data files have errors:\n{exc.report()}") from None
    _data.playbook, _data.sizing, _data.html_blocks = playbook, sizing, {}
    config.nav = site_nav(playbook, language(config))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    playbook, sizing, lang = _data.playbook, _data.sizing, language(config)
    assert playbook and sizing  # on_config has loaded them or stopped the build
    sections = {r.id: role_sizing_section(sizing, r.id, lang) for r in playbook.roles}
    pages = playbook_pages(playbook, lang, sections)
    pages[METHODOLOGY] = methodology_page(sizing, lang)
    pages[CALCULATOR] = calculator_page(lang)
    _data.html_blocks[CALCULATOR] = {HTML_BLOCK: calculator_html(sizing, playbook, lang)}  # the default plan
    for path, markdown in pages.items():
        files.append(File.generated(config, path, content=markdown))
    for name, data in (("roles", playbook_to_data(playbook)), ("sizing", sizing_to_data(sizing))):
        export = json.dumps(data, ensure_ascii=False, indent=1)
        files.append(File.generated(config, f"data/{name}.json", content=export))
    files.append(File.generated(config, "data/calculator.zip", content=browser_bundle()))  # the browser's Python
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the HTML blocks that hold data text into their pages, after Markdown has run."""
    blocks = _data.html_blocks.get(page.file.src_uri)
    return substitute(html, blocks) if blocks else html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Generated pages are edited in roles.yaml: point the edit button at the role's line."""
    if page.file.generated_by and config.repo_url:
        playbook = _data.playbook
        assert playbook
        source = (page_sources(page.file.src_uri) or ("roles.yaml",))[0]
        blob = config.repo_url.rstrip("/") + "/blob/main/" + source
        line = next((playbook.line_of(r.id) for r in playbook.roles if role_path(r.id) == page.file.src_uri), 0)
        page.edit_url = f"{blob}#L{line}" if line else blob
    return context


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(ROLES_FILE))
    server.watch(str(SIZING_FILE))
    server.watch(str(ROOT / "calculator"))
    return server
