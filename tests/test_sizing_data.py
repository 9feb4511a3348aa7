"""sizing.yaml: validation with line numbers, JSON round trip, cross-check with roles.yaml."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from calculator.errors import DataError
from calculator.model import Text
from calculator.playbook import ROLE_IDS
from calculator.sizing_data import SizingModel, check_against_roles, load_sizing, sizing_from_json, sizing_to_data

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "sizing.yaml").read_text(encoding="utf-8")
MODEL = load_sizing(ROOT / "sizing.yaml")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def load_text(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "sizing.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_sizing(path)
    return [str(p) for p in info.value.problems]


def edit(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def test_the_shipped_file_loads() -> None:
    assert [c.id for c in MODEL.channels] == [
        "wechat_oa",
        "wechat_channels",
        "douyin",
        "kuaishou",
        "xiaohongshu",
        "bilibili",
        "weibo",
        "zhihu",
    ]
    assert [g.id for g in MODEL.goals] == ["awareness", "growth", "retention", "conversion"]
    assert [r.id for r in MODEL.extra_roles] == ["host", "room_control"]
    assert MODEL.capacity.production_hours == 24 and MODEL.capacity.coverage_hours == 30


def test_json_round_trip() -> None:
    data = sizing_to_data(MODEL)
    assert sizing_from_json(json.loads(json.dumps(data, ensure_ascii=False))) == MODEL


def test_unknown_key_with_line_number(tmp_path: Path) -> None:
    text = edit("    value: 40\n", "    value: 40\n    colour: red\n")
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, 'colour: red')}:" in msg
    assert "capacity.hours_per_week.colour" in msg and "unknown key 'colour'" in msg


def test_missing_unit_with_line_number(tmp_path: Path) -> None:
    text = edit("  utilisation:\n    value: 0.8\n    unit: *fraction\n", "  utilisation:\n    value: 0.8\n")
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, 'utilisation:')}:" in msg
    assert "capacity.utilisation" in msg and "missing required key 'unit'" in msg


def test_negative_value_with_line_number(tmp_path: Path) -> None:
    text = edit("value: 0.25", "value: -0.25")
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, 'value: -0.25')}:" in msg
    assert "capacity.shrinkage.value" in msg and "out of range" in msg


def test_unknown_role_id_with_line_number(tmp_path: Path) -> None:
    text = edit("      design_tech:\n        value: 1\n", "      designer:\n        value: 1\n")
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, 'designer:')}:" in msg
    assert "channels[0].hours_per_post.designer" in msg and "unknown role 'designer'" in msg and "design_tech" in msg


def test_missing_english_with_line_number(tmp_path: Path) -> None:
    text = edit('label: {zh: "每周标准工时", en: "Standard working week"}', 'label: {zh: "每周标准工时"}')
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, '每周标准工时')}:" in msg
    assert "capacity.hours_per_week.label" in msg and "missing the en text" in msg


def test_every_problem_at_once(tmp_path: Path) -> None:
    text = edit("value: 0.25", "value: -0.25")
    text = edit("    value: 40\n", "    value: 40\n    colour: red\n", text)
    text = edit("      design_tech:\n        value: 1\n", "      designer:\n        value: 1\n", text)
    assert len(load_text(tmp_path, text)) == 3


def test_source_or_assumption_is_required(tmp_path: Path) -> None:
    text = edit(
        '    source:\n      title: "Gregorian calendar"\n',
        "",
    )
    [msg] = load_text(tmp_path, text)
    assert "campaigns.weeks_per_year" in msg and "source" in msg and "assumption" in msg


def test_assumption_needs_a_note(tmp_path: Path) -> None:
    old = (
        "    assumption: true\n"
        '    note: {zh: "618、双11预售约在节点前3–4周开始；取3周", '
        'en: "618 and Double 11 presales start about 3–4 weeks before the day; 3 weeks used"}\n'
    )
    text = edit(old, "    assumption: true\n")
    [msg] = load_text(tmp_path, text)
    assert "campaigns.peak_weeks" in msg and "note" in msg


def test_goal_weight_below_one_is_rejected(tmp_path: Path) -> None:
    # Weights below 1 would let adding a goal lower a role.
    text = edit("        value: 1.2\n        unit: &weight", "        value: 0.8\n        unit: &weight")
    [msg] = load_text(tmp_path, text)
    assert "goals[0].weights.content.value" in msg and "out of range" in msg


def test_missing_channel_is_reported(tmp_path: Path) -> None:
    start = TEXT.index("  - id: zhihu")
    end = TEXT.index("\ncommunity:")
    [msg] = load_text(tmp_path, TEXT[:start] + TEXT[end + 1 :])
    assert "channels" in msg and "missing zhihu" in msg


def test_bad_default_scenario_is_reported_with_its_line(tmp_path: Path) -> None:
    text = edit("  goals: [conversion]", "  goals: [fame]")
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, 'goals: [fame]')}:" in msg
    assert "default_scenario.goals[0]" in msg


def test_yaml_syntax_error(tmp_path: Path) -> None:
    [msg] = load_text(tmp_path, TEXT.replace("capacity:\n", "capacity: [\n", 1))
    assert "YAML syntax error" in msg


def test_json_path_has_no_line_numbers() -> None:
    data = sizing_to_data(MODEL)
    data["capacity"]["shrinkage"]["value"] = -1
    with pytest.raises(DataError) as info:
        sizing_from_json(data)
    [problem] = info.value.problems
    assert problem.file == "sizing.json" and problem.line == 0 and problem.path == "capacity.shrinkage.value"


def test_check_against_roles() -> None:
    assert check_against_roles(MODEL, ROLE_IDS) == []
    problems = check_against_roles(MODEL, [r for r in ROLE_IDS if r != "design_tech"])
    assert problems
    assert all("'design_tech'" in p.message for p in problems)
    assert any(p.path == "channels[0].hours_per_post.design_tech" for p in problems)


def test_check_against_roles_sees_extra_roles() -> None:
    model: SizingModel = replace(MODEL, extra_roles=MODEL.extra_roles[:1])
    problems = check_against_roles(model, ROLE_IDS)
    assert {p.path for p in problems} >= {"live.on_air_hours_per_live_hour.room_control", "packing.titles.room_control"}


def test_text_helper_is_indexable() -> None:
    assert MODEL.packing.title("host") == Text("主播", "Live host")
