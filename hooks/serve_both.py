"""MkDocs hook: `mkdocs serve` of the Chinese site also builds the English site into it.

The two languages are two builds into one folder; a preview should show both, so the
language switcher works while editing. Only active for `serve`, not for `build`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class _State:
    """What this hook keeps between events (set in on_startup)."""

    serving: bool = False


_state = _State()


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(ROOT / "docs" / "en"))
    # shared assets, among them the sources of the generated assets/css/site.css (hooks/assets.py)
    server.watch(str(ROOT / "docs" / "assets"))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    if not _state.serving or config.extra.get("vendor_prefix"):
        return
    english = load_config(str(ROOT / "mkdocs.en.yml"), site_dir=str(Path(config.site_dir) / "en"))
    english["site_url"] = config.site_url.rstrip("/") + "/en/" if config.site_url else None
    english["strict"] = config.strict
    build(english)
