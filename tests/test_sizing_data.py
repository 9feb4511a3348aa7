"""sizing.yaml: validation with line numbers, JSON round trip, cross-check with roles.yaml."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from calculator.datafiles.load import load_all, load_sizing
from calculator.engine.errors import DataError
from calculator.engine.model import Text
from calculator.engine.playbook import ROLE_IDS
from calculator.engine.scenario import parse_scenario
from calculator.engine.sizing import size
from calculator.engine.sizing_data import (
    UNLISTED_HIRING_REASON,
    HiringEntry,
    Parameter,
    param,
    parameter_to_data,
    sizing_from_json,
    sizing_to_data,
)

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


def parameters(value: object) -> Iterator[Parameter]:
    """Every parameter inside a model object, depth first."""
    if isinstance(value, Parameter):
        yield value
    elif is_dataclass(value):
        for f in fields(value):
            yield from parameters(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from parameters(item)


def test_the_spec_driven_exporter_writes_parameters_as_sizing_json_does() -> None:
    """Spec.to_data, which writes roles.json, already gives sizing.json's parameter shape."""
    found = list(parameters(MODEL))
    assert len(found) > 50 and any(p.assumption for p in found) and any(p.source for p in found)
    for p in found:
        assert param(1e9).to_data(p) == parameter_to_data(p)


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


def test_text_helper_is_indexable() -> None:
    assert MODEL.packing.title("host") == Text("主播", "Live host")


def test_source_url_must_be_http_with_line_number(tmp_path: Path) -> None:
    text = edit(
        '      title: "Gregorian calendar"\n', '      title: "Gregorian calendar"\n      url: "javascript:alert(1)"\n'
    )
    [msg] = load_text(tmp_path, text)
    assert f"sizing.yaml:{line_of(text, 'javascript:')}:" in msg
    assert "campaigns.weeks_per_year.source.url" in msg and "http:// or https://" in msg
    ok = edit(
        '      title: "Gregorian calendar"\n', '      title: "Gregorian calendar"\n      url: "https://example.com/a"\n'
    )
    (tmp_path / "sizing.yaml").write_text(ok, encoding="utf-8")
    assert load_sizing(tmp_path / "sizing.yaml").campaigns.weeks_per_year.source.url == "https://example.com/a"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- roles from roles.yaml

ROLES_TEXT = (ROOT / "roles.yaml").read_text(encoding="utf-8")
VIDEO_TITLE = '    video: {zh: "视频编导", en: "Video producer"}\n'
VIDEO_HIRING = '  - role: video\n    reason: {zh: "要有人负责短视频。", en: "Someone must own the short videos."}\n'


def with_video_role() -> str:
    """roles.yaml with a seventh role, ``video`` (a copy of design_tech under a new id)."""
    block = ROLES_TEXT[ROLES_TEXT.index("  - id: design_tech") :]
    return ROLES_TEXT.rstrip("\n") + "\n\n" + block.replace("  - id: design_tech", "  - id: video", 1)


def write_data(tmp_path: Path, roles: str, sizing: str) -> Path:
    (tmp_path / "roles.yaml").write_text(roles, encoding="utf-8")
    (tmp_path / "sizing.yaml").write_text(sizing, encoding="utf-8")
    return tmp_path


def test_a_role_added_to_roles_yaml_alone_falls_back_to_its_name_and_is_hired_last(tmp_path: Path) -> None:
    # The editor's guide adds a role to roles.yaml only; make check must still pass.
    playbook, model = load_all(write_data(tmp_path, with_video_role(), TEXT))
    video = next(r for r in playbook.roles if r.id == "video")
    assert model.packing.title("video") == video.name
    assert model.hiring[-1] == HiringEntry("video", UNLISTED_HIRING_REASON)
    assert "video" in model.role_ids
    assert size(parse_scenario({"channels": {"douyin": {"posts_per_week": 7}}}, model), model).role("video").fte == 0


def test_without_roles_yaml_names_a_missing_title_or_hiring_place_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sizing.yaml"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_sizing(path, role_ids=(*ROLE_IDS, "video"))
    messages = [str(p) for p in info.value.problems]
    assert len(messages) == 2
    titles = f"sizing.yaml:{line_of(TEXT, '  titles:')}:"
    assert any(m.startswith(titles) and "packing.titles: missing a title for role 'video'" in m for m in messages)
    assert any("hiring: missing role 'video'" in m and "- role: video" in m for m in messages)


def test_a_role_added_to_roles_yaml_can_be_sized(tmp_path: Path) -> None:
    sizing = edit("    host: {zh: ", VIDEO_TITLE + "    host: {zh: ")
    sizing = edit("  - role: data\n", VIDEO_HIRING + "  - role: data\n", sizing)
    sizing = edit(
        "      design_tech:\n        value: 2.5\n",
        "      video:\n        value: 1\n        unit: *h_post\n        label: {zh: 编导, en: Directing}\n"
        "        assumption: true\n        note: {zh: 估计, en: an estimate}\n      design_tech:\n        value: 2.5\n",
        sizing,
    )
    playbook, model = load_all(write_data(tmp_path, with_video_role(), sizing))
    assert model.role_ids == (*[r.id for r in playbook.roles], "host", "room_control")
    assert "video" in model.role_ids
    plan = size(parse_scenario({"channels": {"wechat_channels": {"posts_per_week": 12}}}, model), model)
    # video: 12 posts x 1 h = 12 h; 12 / 24 = 0.5 FTE
    assert plan.role("video").fte == 0.5 and plan.role("video").title.en == "Video producer"
    assert any("video" in p.roles for p in plan.positions)
    # The browser's path: sizing.json with the role ids of roles.json.
    data = json.loads(json.dumps(sizing_to_data(model)))
    assert sizing_from_json(data, role_ids=[r.id for r in playbook.roles]) == model
    with pytest.raises(DataError):
        sizing_from_json(data)  # the six defaults do not know video


def test_a_role_missing_from_roles_yaml_is_reported_at_its_line_in_sizing_yaml(tmp_path: Path) -> None:
    roles = ROLES_TEXT.replace("design_tech", "designer")  # the playbook renamed a role; sizing.yaml did not
    with pytest.raises(DataError) as info:
        load_all(write_data(tmp_path, roles, TEXT))
    problems = info.value.problems
    assert problems and all(p.file == "sizing.yaml" and p.line > 0 for p in problems)
    first = next(p for p in problems if p.path == "channels[0].hours_per_post.design_tech")
    assert "unknown role 'design_tech'" in first.message and "roles.yaml" in first.message
    assert "designer" in first.message  # the allowed ids come from roles.yaml


def test_shipped_data_loads_with_roles_yaml() -> None:
    playbook, model = load_all(ROOT)
    assert model == MODEL and model.role_ids == (*ROLE_IDS, "host", "room_control")
    assert [r.id for r in playbook.roles] == list(ROLE_IDS)
