"""``python -m calculator`` for a founder: the cost and hires objects, --vs, and bad founder input (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import run

A = {"channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 42}}, "existing_team": {"host": 1}}
B = {"channels": {"douyin": {"posts_per_week": 14, "live_hours_per_week": 84}}, "city_tier": "tier1"}


def test_json_has_cost_and_hires_in_hiring_order() -> None:
    result = run("-", stdin=json.dumps(A))
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    cost = plan["cost"]
    assert cost["currency"] == "CNY" and cost["city_tier"] == "new_tier1"
    assert set(cost["monthly_total"]) == {"low", "typical", "high"}
    assert cost["monthly_total"]["low"] < cost["monthly_total"]["typical"] < cost["monthly_total"]["high"]
    total = sum(p["monthly"]["typical"] for p in cost["positions"])
    assert total == pytest.approx(cost["monthly_total"]["typical"], abs=0.05)
    assert len(cost["positions"]) == len(plan["positions"])
    hires = plan["hires"]
    assert sum(h["count"] for h in hires) == plan["total_headcount"] - 1  # one host is already there
    assert [h["step"] for h in hires] == list(range(1, len(hires) + 1))
    assert hires[-1]["cumulative_monthly_cost"] == plan["existing_team"]["added_monthly_cost"]
    assert plan["existing_team"]["covered"][0]["by"] == [{"roles": ["host"], "count": 1}]


def test_vs_adds_a_compare_object(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps(B), encoding="utf-8")
    result = run("-", "--vs", str(path), "--link", "http://x/calculator/", stdin=json.dumps(A))
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    compare = plan["compare"]
    assert compare["a"]["total_headcount"] == plan["total_headcount"]
    assert compare["delta"]["total_headcount"] == compare["b"]["total_headcount"] - plan["total_headcount"]
    assert sum(p["delta"] for p in compare["positions"]) == compare["delta"]["total_headcount"]
    assert compare["hires"] and "&vs=" in plan["link"]
    table = run("-", "--vs", str(path), "--format", "table", "--lang", "zh", stdin=json.dumps(A))
    assert table.returncode == 0 and "方案对比" in table.stdout and "人力成本" in table.stdout


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        (
            {"city_tier": "tier5"},
            "city_tier: the text 'tier5' is not allowed (allowed: tier1, new_tier1, tier2, tier3)",
        ),
        ({"existing_team": {"host": -1}}, "existing_team.host: -1 is out of range"),
        ({"existing_team": {"host": 1.5}}, "existing_team.host: expected integer from 0 to 1,000"),
        ({"existing_team": {"designer": 1}}, "existing_team.designer: the text 'designer' is not allowed"),
        ({"existing_team": [1]}, "existing_team: expected a mapping"),
    ],
)
def test_bad_founder_input_names_the_field_and_exits_2(scenario: dict[str, object], message: str) -> None:
    result = run("-", stdin=json.dumps(scenario))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_bad_vs_names_vs_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"existing_team": {"host": -3}}', encoding="utf-8")
    result = run("-", "--vs", str(bad), stdin=json.dumps(A))
    assert result.returncode == 2 and result.stderr.startswith("error: --vs: plan B cannot be sized")
    assert "existing_team.host" in result.stderr
    missing = run("-", "--vs", str(tmp_path / "none.json"), stdin="{}")
    assert missing.returncode == 2 and "--vs:" in missing.stderr and "cannot read" in missing.stderr
    both = run("-", "--vs", "-", stdin="{}")
    assert both.returncode == 2 and "--vs" in both.stderr
