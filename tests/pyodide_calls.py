"""Call the page's Python entry points (calculator.engine.browser.Calculator) under Pyodide in Node, as the
Web Worker does (tests/js/calls.mjs): one Node process for a batch of calls."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from calculator.bundle import browser_bundle
from calculator.engine.browser import Calculator
from calculator.engine.playbook import playbook_to_data
from tests.sitebuild import ROOT
from tests.sizing_fixtures import MODEL, PLAYBOOK

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (the README's set-up installs it)")


def cpython_calculator(folder: Path, lang: str) -> Calculator:
    """The same entry point under CPython, from the data files :func:`pyodide_calls` wrote to ``folder``."""
    roles, sizing = ((folder / f"{name}.json").read_text(encoding="utf-8") for name in ("roles", "sizing"))
    return Calculator(roles, sizing, lang, "../roles/", "../methodology/")


def pyodide_calls(calls: list[tuple[str, str]], folder: Path, lang: str = "en") -> list[dict[str, Any]]:
    """Each call is (method, argument); each answer the JSON the page gets, or {"fatal": ...}."""
    (folder / "calculator.zip").write_bytes(browser_bundle())
    roles = playbook_to_data(PLAYBOOK)
    (folder / "roles.json").write_text(json.dumps(roles, ensure_ascii=False), encoding="utf-8")
    sizing = MODEL.document
    (folder / "sizing.json").write_text(json.dumps(sizing, ensure_ascii=False), encoding="utf-8")
    files = [str(folder / name) for name in ("calculator.zip", "roles.json", "sizing.json")]
    run = subprocess.run(
        ["node", str(ROOT / "tests/js/calls.mjs"), *files, lang],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    answers: list[dict[str, Any]] = json.loads(run.stdout)["answers"]
    return answers
