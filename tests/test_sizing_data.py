"""sizing.yaml (model 2.0): the shipped file, its JSON form, and its checks against roles.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator.datafiles.load import load_sizing, read_all
from calculator.engine.errors import DataError
from calculator.engine.sizing.loading import roles_from_playbook, sizing_from_json
from calculator.engine.sizing.model import CHANNEL_IDS, GOAL_IDS, iter_parameters
from tests.sitebuild import ROOT, copy_repo
from tests.sizing_fixtures import MODEL, PLAYBOOK

TEXT = (ROOT / "sizing.yaml").read_text(encoding="utf-8")


def test_the_shipped_file_loads_with_every_channel_goal_and_role() -> None:
    assert tuple(c.id for c in MODEL.channels) == CHANNEL_IDS
    assert tuple(g.id for g in MODEL.goals) == GOAL_IDS
    assert MODEL.role_ids == tuple(r.id for r in PLAYBOOK.roles)
    assert MODEL.model_version == "2.0"
    assert MODEL.capacity.productive_hours() == 30


def test_every_parameter_has_a_source_or_is_an_assumption_with_a_note() -> None:
    found = iter_parameters(MODEL)
    assert len(found) > 100
    for _, path, _, p in found:
        assert (p.source is None) == p.assumption, path
        assert p.assumption is False or p.note is not None, path
        if p.low is not None and p.high is not None and "concurrency" not in path:
            assert p.low <= p.value <= p.high, path  # the low end gives the smaller team


def test_sizing_json_is_the_validated_document_and_loads_the_same_model() -> None:
    again = sizing_from_json(
        json.loads(json.dumps(MODEL.document, ensure_ascii=False)), roles_from_playbook(PLAYBOOK.roles)
    )
    assert again == MODEL


def test_every_position_the_calculator_proposes_is_a_playbook_role_with_its_name() -> None:
    names = {r.id: r.name for r in PLAYBOOK.roles}
    assert {r.id: r.name for r in MODEL.roles} == names
    specialists = {r.id for r in PLAYBOOK.roles if r.group == "specialist"}
    assert {"host", "room_control", "ad_buyer", "customer_service", "video", "assistant_host"} <= specialists
    assert len([r for r in PLAYBOOK.roles if r.group == "core"]) == 6


def test_combining_rules_come_from_roles_yaml_both_ways() -> None:
    assert MODEL.can_share("content", "design_tech") and MODEL.can_share("design_tech", "content")
    assert not MODEL.can_share("host", "ad_buyer")
    assert not MODEL.can_share("design_tech", "host")
    assert not MODEL.can_share("campaign", "room_control")


def _data_dir(tmp_path: Path, roles: str | None = None, sizing: str | None = None) -> Path:
    repo = copy_repo(tmp_path)
    if roles is not None:
        (repo / "roles.yaml").write_text(roles, encoding="utf-8")
    if sizing is not None:
        (repo / "sizing.yaml").write_text(sizing, encoding="utf-8")
    return repo


def test_a_role_added_to_roles_yaml_alone_is_hired_last_and_sized_when_given_work(tmp_path: Path) -> None:
    roles = (ROOT / "roles.yaml").read_text(encoding="utf-8")
    block = roles[roles.index("  - id: data\n") : roles.index("  - id: design_tech\n")]
    added = block.replace("  - id: data\n", "  - id: analyst\n", 1).replace(
        "    reports_to: director", "    reports_to: data"
    )
    repo = _data_dir(tmp_path, roles=roles + "\n" + added)
    playbook, model = read_all(repo)
    assert model.hiring[-1].role == "analyst" and "analyst" in model.role_ids


def test_a_role_missing_from_roles_yaml_is_reported_at_its_line_in_sizing_yaml(tmp_path: Path) -> None:
    sizing = TEXT.replace("      room_control:\n        value: 0.8", "      floor_manager:\n        value: 0.8", 1)
    path = tmp_path / "sizing.yaml"
    path.write_text(sizing, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_sizing(path, PLAYBOOK)
    [problem] = caught.value.problems
    line = next(i for i, text in enumerate(sizing.splitlines(), 1) if "floor_manager:" in text)
    assert (
        problem.line == line and "unknown role 'floor_manager'" in problem.message and "room_control" in problem.message
    )


def test_without_a_valid_roles_yaml_sizing_yaml_is_still_checked_on_its_own(tmp_path: Path) -> None:
    sizing = TEXT.replace("    value: 0.25\n    low: 0.2\n", "    value: 2\n    low: 0.2\n", 1)
    path = tmp_path / "sizing.yaml"
    path.write_text(sizing, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_sizing(path, None)
    assert [p.path for p in caught.value.problems] == ["capacity.shrinkage.value"]
