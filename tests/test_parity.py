"""The engine under Pyodide (Node, the pinned npm package) gives exactly CPython's results."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.bundle import browser_bundle
from calculator.engine.playbook import playbook_to_data
from calculator.engine.scenario import ScenarioError, parse_scenario
from calculator.engine.sizing.plan import size
from calculator.engine.sizing.plan_data import plan_to_data
from tests.sizing_fixtures import MODEL, PLAYBOOK

ROOT = Path(__file__).resolve().parent.parent
CHANNELS = [c.id for c in MODEL.channels]
LIVE = [c.id for c in MODEL.channels if c.live]
GOALS = [g.id for g in MODEL.goals]


def batch() -> list[object]:
    """A varied, fixed batch: empty, solo, the default, every channel, big and fractional teams, bad input."""
    scenarios: list[object] = [
        {},
        {"channels": {"wechat_oa": {"posts_per_week": 3}}},
        MODEL.default_scenario,
        {
            "channels": {
                "xiaohongshu": {"posts_per_week": 7, "format": "image"},
                "bilibili": {"posts_per_week": 1, "format": "long"},
            }
        },
        {
            "ad_spend_per_month": 300000,
            "creator_collaborations_per_month": 40,
            "service_hours_per_week": 98,
            "channels": {"douyin": {"live_hours_per_week": 42}},
            "comments_per_week": 3000,
            "campaigns_per_year": 9,
        },
        {"channels": {c: {"posts_per_week": 5} for c in CHANNELS}, "goals": GOALS},
        {"channels": {c: {"posts_per_week": 2.5, "live_hours_per_week": 12.5} for c in LIVE}, "goals": ["retention"]},
        {"private_domain": {"groups": 40, "contacts": 20000}, "comments_per_week": 900, "goals": ["retention"]},
        {"campaigns_per_year": 6, "channels": {"douyin": {"posts_per_week": 14, "live_hours_per_week": 84}}},
        {"channels": {"bilibili": {"posts_per_week": 0.5}}, "comments_per_week": 7.25, "goals": ["awareness"]},
        {"channels": {"nope": {}}},
        {"comments_per_week": -1},
    ]
    for i in range(1, 13):  # a sweep through team sizes
        scenarios.append(
            {
                "channels": {CHANNELS[i % 8]: {"posts_per_week": i * 2}, "douyin": {"live_hours_per_week": i * 4}},
                "private_domain": {"groups": i, "contacts": i * 500},
                "campaigns_per_year": i % 5,
                "goals": GOALS[: i % 5],
            }
        )
    return scenarios


def cpython(raw: object) -> object:
    try:
        return plan_to_data(size(parse_scenario(raw, MODEL), MODEL), MODEL)
    except ScenarioError as exc:
        return {"error": [str(p) for p in exc.problems]}


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (the README's set-up installs it)")
def test_pyodide_results_equal_cpython(tmp_path: Path) -> None:
    bundle = tmp_path / "calculator.zip"
    bundle.write_bytes(browser_bundle())
    sizing = tmp_path / "sizing.json"
    sizing.write_text(json.dumps(MODEL.document, ensure_ascii=False), encoding="utf-8")
    roles = tmp_path / "roles.json"
    roles.write_text(json.dumps(playbook_to_data(PLAYBOOK), ensure_ascii=False), encoding="utf-8")
    scenarios = batch()
    run = subprocess.run(
        ["node", str(ROOT / "tests/js/parity.mjs"), str(bundle), str(sizing), str(roles)],
        input=json.dumps(scenarios),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    pyodide = json.loads(run.stdout)
    assert pyodide["python"] != sys.version.split()[0] or sys.version_info >= (3, 14)  # really another interpreter
    expected = [json.loads(json.dumps(cpython(s), sort_keys=True)) for s in scenarios]
    assert len(pyodide["results"]) == len(expected)
    for scenario, theirs, ours in zip(scenarios, pyodide["results"], expected, strict=True):
        assert theirs == ours, scenario
    assert sum("error" in r for r in expected) == 2  # the bad inputs fail the same way on both
