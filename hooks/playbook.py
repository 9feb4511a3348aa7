"""MkDocs hook: load roles.yaml and sizing.yaml once per build and add the generated pages.

Thin adapter: loading, validation and rendering live in the ``calculator`` package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from calculator.bundle import browser_bundle
from calculator.check import locale_lang
from calculator.datafiles.calibration import Case
from calculator.datafiles.load import PANEL_FILE, ROLES_FILE, SIZING_FILE, load_all, load_panel
from calculator.engine.errors import DataError
from calculator.engine.model import Playbook
from calculator.engine.playbook import playbook_to_data
from calculator.engine.sizing.model import SizingModel
from calculator.pages.calculator_page import HTML_BLOCK, calculator_html, calculator_page
from calculator.pages.glossary import GlossaryExtension, glossary_terms
from calculator.pages.methodology import methodology_page, role_sizing_section
from calculator.pages.nav import CALCULATOR, METHODOLOGY, role_path, site_nav
from calculator.pages.rawhtml import substitute
from calculator.pages.roles import page_blocks, playbook_pages
from calculator.pages.tables import prewrap_tables
from calculator.pages.updated import page_sources
from calculator.snapshot import SnapshotError
from calculator.snapshot import site_path as snapshot_site_path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class _State:
    """What this hook keeps between the events of one build (set in on_config)."""

    playbook: Playbook | None = None
    sizing: SizingModel | None = None
    panel: tuple[Case, ...] = ()
    #: page src_uri -> {block key: HTML}: placed after Markdown ran, never read by it
    html_blocks: dict[str, dict[str, str]] = field(default_factory=dict)


_state = _State()


def language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def calculator_url(config: MkDocsConfig) -> str:
    """The calculator page's address on the published site (for the prerendered plan's share link)."""
    page = CALCULATOR.removesuffix(".md") + ("/" if config.use_directory_urls else ".html")
    return (config.site_url or "") + page if config.site_url else ""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        playbook, sizing = load_all(ROOT)
        panel = load_panel(ROOT / PANEL_FILE, sizing)
    except DataError as exc:
        raise PluginError(f"the data files have errors:\n{exc.report(locale_lang())}") from None
    _state.playbook, _state.sizing, _state.panel, _state.html_blocks = playbook, sizing, panel, {}
    config.nav = site_nav(playbook, language(config))
    # the glossary's tooltips: first use of each term on every page (after Markdown parsed it)
    config.markdown_extensions.append(GlossaryExtension(glossary_terms(playbook.glossary, language(config))))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    playbook, sizing, lang = _state.playbook, _state.sizing, language(config)
    assert playbook and sizing  # on_config has loaded them or stopped the build
    sections = {r.id: role_sizing_section(sizing, r.id, lang) for r in playbook.roles}
    pages = playbook_pages(playbook, lang, sections)
    pages[METHODOLOGY] = methodology_page(sizing, lang, _state.panel)
    # sizing.json is the validated document itself: the browser validates it with the same specs
    exports = {
        name: json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        for name, data in (("roles", playbook_to_data(playbook)), ("sizing", sizing.document))
    }
    bundle = browser_bundle()  # the browser's Python
    pages[CALCULATOR] = calculator_page(lang)
    _state.html_blocks.update(page_blocks(playbook, lang, config.use_directory_urls))  # diagrams and JDs
    _state.html_blocks[CALCULATOR] = {  # the default plan
        HTML_BLOCK: calculator_html(
            sizing,
            playbook,
            lang,
            config.use_directory_urls,
            calculator_url(config),
            _snapshot(config, bundle, exports),
        )
    }
    for path, markdown in pages.items():
        files.append(File.generated(config, path, content=markdown))
    for name, export in exports.items():
        files.append(File.generated(config, f"data/{name}.json", content=export))
    files.append(File.generated(config, "data/calculator.zip", content=bundle))
    return files


def _snapshot(config: MkDocsConfig, bundle: bytes, exports: dict[str, bytes]) -> str:
    """The Pyodide snapshot of this build's engine and data (hooks/snapshot.py writes it); none offline."""
    if config.extra.get("offline"):
        return ""
    try:
        path = snapshot_site_path(bundle, exports["roles"], exports["sizing"], ROOT / "node_modules" / "pyodide")
    except SnapshotError as exc:
        raise PluginError(str(exc)) from None
    return str(config.extra.get("vendor_prefix", "")) + path


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the HTML blocks that hold data text into their pages, after Markdown has run; wrap
    the tables as Material's script would at start-up (calculator/pages/tables.py)."""
    blocks = _state.html_blocks.get(page.file.src_uri)
    return prewrap_tables(substitute(html, blocks) if blocks else html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Generated pages are edited in roles.yaml: point the edit button at the role's line."""
    if page.file.generated_by and config.repo_url:
        playbook = _state.playbook
        assert playbook
        source = (page_sources(page.file.src_uri) or ("roles.yaml",))[0]
        blob = config.repo_url.rstrip("/") + "/blob/main/" + source
        line = next((playbook.line_of(r.id) for r in playbook.roles if role_path(r.id) == page.file.src_uri), 0)
        page.edit_url = f"{blob}#L{line}" if line else blob
    return context


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(ROOT / ROLES_FILE))
    server.watch(str(ROOT / SIZING_FILE))
    server.watch(str(ROOT / PANEL_FILE))
    server.watch(str(ROOT / "calculator"))
    return server
