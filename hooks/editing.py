"""MkDocs hook: what editors need: the generated schema reference page and "last updated" dates.

Thin adapter: the reference is rendered by ``calculator.render.reference``, dates come from
git history through ``calculator.render.updated`` (no history, no date; the build never fails for it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator.check import load_all  # noqa: E402
from calculator.errors import DataError  # noqa: E402
from calculator.model import Playbook  # noqa: E402
from calculator.render.pages import SCHEMA_REFERENCE  # noqa: E402
from calculator.render.reference import schema_reference_page  # noqa: E402
from calculator.render.updated import last_updated as last_updated_line  # noqa: E402
from calculator.render.updated import page_date  # noqa: E402

_playbook: dict[str, Playbook] = {}


def _lang(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:  # for the role blocks' line numbers; hooks/playbook.py reports any data error
        _playbook["current"] = load_all(ROOT)[0]  # the load hooks/playbook.py made (cached)
    except DataError:
        _playbook.pop("current", None)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, SCHEMA_REFERENCE, content=schema_reference_page(_lang(config))))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    playbook = _playbook.get("current")
    if playbook is None:
        return markdown
    docs_dir = Path(os.path.relpath(config.docs_dir, ROOT)).as_posix()
    day = page_date(ROOT, page.file.src_uri, bool(page.file.generated_by), docs_dir, playbook)
    return markdown + last_updated_line(day, _lang(config))
