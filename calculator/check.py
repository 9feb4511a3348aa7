"""``python -m calculator.check [--lang zh|en] [DIR]`` (``make check``): validate every data file without building.

Prints every problem (file:line:col: key.path: message), then a count; exit 1 on problems.
Messages are in Chinese or English: ``--lang``, else the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``: Chinese when it starts with ``zh``), else English. In GitHub Actions
(``GITHUB_ACTIONS=true``) each problem is also printed as a workflow command
(``::error file=roles.yaml,line=N,col=M::message``), which GitHub shows on the pull request's
changed lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from .datafiles.load import DATA_DIR, PANEL_FILE, load_panel, read_all
from .engine.errors import DataError, Problem
from .engine.messages_zh import translate

LANGS = ("zh", "en")


def check(root: Path = DATA_DIR) -> list[Problem]:
    """Every problem in the data files under ``root`` (an empty list when all is well)."""
    try:
        _, sizing = read_all(root)
        load_panel(root / PANEL_FILE, sizing)  # the calibration panel's scenarios must fit the model
    except DataError as exc:
        return exc.problems
    return []


def locale_lang(environ: Mapping[str, str] = os.environ) -> str:
    """``zh`` when the first locale variable set names Chinese, else ``en`` (gettext's order)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, lang: str) -> str:
    """``problem`` as a GitHub Actions ``::error`` command (file relative to the repository root)."""
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        props += [f"line={problem.line}", f"col={problem.column or 1}"]
    props.append(f"title={_escape_property(problem.path or problem.file)}")
    message = translate(problem.message, lang)
    return f"::error {','.join(props)}::{_escape_data(f'{problem.path}: {message}' if problem.path else message)}"


def _arguments(argv: list[str]) -> tuple[str | None, Path] | str:
    """(--lang value or None, folder), or a usage message."""
    lang, rest = None, []
    items = iter(argv)
    for arg in items:
        if arg == "--lang":
            lang = next(items, "")
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    if lang is not None and lang not in LANGS:
        return f"--lang {lang!r} is not a language of the site (allowed: {', '.join(LANGS)})"
    if len(rest) > 1:
        return "usage: python -m calculator.check [--lang zh|en] [DIR]"
    return lang, Path(rest[0]) if rest else DATA_DIR


def main(argv: list[str] | None = None, environ: Mapping[str, str] = os.environ) -> int:
    parsed = _arguments(list(sys.argv[1:] if argv is None else argv))
    if isinstance(parsed, str):
        print(parsed, file=sys.stderr)
        return 2
    lang, root = parsed[0] or locale_lang(environ), parsed[1]
    problems = check(root)
    if problems:
        if environ.get("GITHUB_ACTIONS") == "true":
            for problem in DataError(problems).problems:
                print(annotation(problem, lang))
        print(DataError(problems).report(lang), file=sys.stderr)
        return 1
    print("数据文件全部有效。" if lang == "zh" else "All data files are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
