"""MkDocs hook: what editors need: the generated schema reference page and "last updated" dates.

Thin adapter: the reference is rendered by ``calculator.pages.reference``, dates come from
git history through ``calculator.pages.updated`` (no history, no date; the build never fails for it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from calculator.check import locale_lang
from calculator.datafiles.load import load_all
from calculator.engine.errors import DataError
from calculator.engine.model import Playbook
from calculator.pages.reference import reference_pages
from calculator.pages.updated import last_updated as last_updated_line
from calculator.pages.updated import page_date

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class _State:
    """What this hook keeps between the events of one build (set in on_config)."""

    playbook: Playbook | None = None


_state = _State()


def _lang(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:  # the role blocks' line numbers date the role pages (a build shares one read of the files)
        _state.playbook = load_all(ROOT)[0]
    except DataError as exc:
        raise PluginError(f"the data files have errors:\n{exc.report(locale_lang())}") from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, markdown in reference_pages(_lang(config)).items():
        files.append(File.generated(config, path, content=markdown))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    playbook = _state.playbook
    assert playbook  # on_config has loaded it or stopped the build
    docs_dir = Path(os.path.relpath(config.docs_dir, ROOT)).as_posix()
    day = page_date(ROOT, page.file.src_uri, bool(page.file.generated_by), docs_dir, playbook)
    return markdown + last_updated_line(day, _lang(config))
