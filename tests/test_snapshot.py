"""The calculator's Pyodide memory snapshot: made at build time in Node, restored as the worker does.

These are Pyodide's private ``_makeSnapshot`` / ``_loadSnapshot`` options (pinned 314.0.7): this test
makes a snapshot from the test data with ``calculator/snapshot.mjs``, restores it in Node with an
empty standard library archive (as ``calc-worker.js`` does) and checks that the restored calculator
answers exactly as CPython's does, importing nothing after the restore. The browser side (snapshot
start, fallbacks, the page's start-up details) is in ``tests/test_browser_startup.py``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from calculator.bundle import browser_bundle
from calculator.engine.playbook import playbook_to_data
from calculator.engine.scenario import ScenarioError, parse_scenario
from calculator.engine.share import encode
from calculator.snapshot import PREFIX, SUFFIX, make, site_path
from tests.pyodide_calls import cpython_calculator, needs_node
from tests.sitebuild import ROOT
from tests.sizing_fixtures import MODEL, PLAYBOOK
from tests.test_parity import batch

PYODIDE = ROOT / "node_modules" / "pyodide"
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)


def inputs() -> tuple[bytes, bytes, bytes]:
    roles = json.dumps(playbook_to_data(PLAYBOOK), ensure_ascii=False).encode("utf-8")
    sizing = json.dumps(MODEL.document, ensure_ascii=False).encode("utf-8")
    return browser_bundle(), roles, sizing


def calls() -> list[tuple[str, str]]:
    """Every entry point: scenarios (valid and not), the form as typed, share links good and bad."""
    made: list[tuple[str, str]] = [("run", json.dumps(s)) for s in batch()]
    made += [
        ("run_form", json.dumps({"fields": {"comments_per_week": "1,5", "private_domain.groups": "12"}})),
        ("run_form", json.dumps({"fields": {"comments_per_week": "１２０"}, "goals": ["retention"]})),
        ("open_link", "scenario=%%%"),
        ("run", "[1, 2"),
    ]
    for scenario in batch()[:10]:
        try:
            made.append(("open_link", encode(parse_scenario(scenario, MODEL))))
        except ScenarioError:  # an invalid scenario has no link; run() covers it
            continue
    return made


def test_the_name_changes_with_every_input() -> None:
    bundle, roles, sizing = inputs()
    name = site_path(bundle, roles, sizing, PYODIDE)
    assert name.startswith(PREFIX) and name.endswith(SUFFIX)
    assert site_path(bundle, roles, sizing, PYODIDE) == name  # same inputs, same name
    assert site_path(bundle, roles.replace(b"}", b" }", 1), sizing, PYODIDE) != name
    assert site_path(bundle, roles, sizing + b" ", PYODIDE) != name
    assert site_path(bundle + b"\0", roles, sizing, PYODIDE) != name


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot made now from the test data (a fresh cache: Node runs), once for this module."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLAYBOOK_CACHE", str(cache))
        bundle, roles, sizing = inputs()
        name = site_path(bundle, roles, sizing, PYODIDE)
        made = make(name, bundle, roles, sizing)
        assert not made.cached and made.report["python"] == "3.14.2" and made.report["pyodide"] == "314.0.7"
        assert make(name, bundle, roles, sizing).cached  # the next build reuses it
    return made.path


@needs_node
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_restored_snapshot_answers_like_cpython(tmp_path: Path, snapshot: Path, lang: str) -> None:
    bundle, roles, sizing = inputs()
    name = site_path(bundle, roles, sizing, PYODIDE)
    (tmp_path / "empty.zip").write_bytes(EMPTY_ZIP)
    batch_calls = calls()
    run = subprocess.run(
        ["node", str(ROOT / "tests/js/restore.mjs"), str(snapshot), str(tmp_path / "empty.zip"), lang],
        input=json.dumps(batch_calls),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    restored = json.loads(run.stdout)
    assert restored["python"] == "3.14.2" and restored["name"] == Path(name).name
    assert restored["late"] == []  # every module the page uses is in the snapshot
    assert restored["missing"] == "None"  # the standard library archive is not there: nothing stale is read
    (tmp_path / "roles.json").write_bytes(roles)
    (tmp_path / "sizing.json").write_bytes(sizing)
    cpython = cpython_calculator(tmp_path, lang)
    url = "http://x/calculator/"
    expected = [json.loads(getattr(cpython, method)(argument, url)) for method, argument in batch_calls]
    assert [a.get("ok") for a in restored["answers"]].count(True) >= 20
    assert restored["answers"] == expected
