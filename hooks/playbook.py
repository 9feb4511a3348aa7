"""MkDocs hook: load roles.yaml once per build and add the generated pages.

Thin adapter: loading, validation and rendering live in the ``calculator`` package.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator.errors import DataError  # noqa: E402
from calculator.playbook import load_playbook, playbook_to_data  # noqa: E402
from calculator.render.pages import playbook_pages, role_path, site_nav  # noqa: E402

ROLES_FILE = ROOT / "roles.yaml"
_state: dict[str, object] = {}


def language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        playbook = load_playbook(ROLES_FILE)
    except DataError as exc:
        raise PluginError(f"roles.yaml has errors:\n{exc.report()}") from None
    _state["playbook"] = playbook
    config.nav = site_nav(playbook, language(config))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    playbook = _state["playbook"]
    for path, markdown in playbook_pages(playbook, language(config)).items():  # type: ignore[arg-type]
        files.append(File.generated(config, path, content=markdown))
    export = json.dumps(playbook_to_data(playbook), ensure_ascii=False, indent=1)  # type: ignore[arg-type]
    files.append(File.generated(config, "data/roles.json", content=export))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Generated pages are edited in roles.yaml: point the edit button at the role's line."""
    if page.file.generated_by and config.repo_url:
        playbook = _state["playbook"]
        blob = config.repo_url.rstrip("/") + "/blob/main/roles.yaml"
        line = next((playbook.line_of(r.id) for r in playbook.roles if role_path(r.id) == page.file.src_uri), 0)  # type: ignore[attr-defined]
        page.edit_url = f"{blob}#L{line}" if line else blob
    return context


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(ROLES_FILE))
    server.watch(str(ROOT / "calculator"))
    return server
