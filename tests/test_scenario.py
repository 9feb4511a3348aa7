"""Scenario parsing: every mistake names the field and what is allowed."""

from __future__ import annotations

from typing import Any

import pytest

from calculator.engine.scenario import (
    ChannelActivity,
    Scenario,
    ScenarioError,
    default_scenario,
    parse_scenario,
    scenario_to_data,
)
from tests.sizing_fixtures import MODEL


def messages(raw: Any) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(raw, MODEL)
    return [str(p) for p in info.value.problems]


def test_example_from_the_issue() -> None:
    raw = {
        "channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 42}, "xiaohongshu": {"posts_per_week": 3}},
        "private_domain": {"groups": 10, "contacts": 1500},
        "comments_per_week": 150,
        "campaigns_per_year": 2,
        "goals": ["conversion"],
    }
    s = parse_scenario(raw, MODEL)
    assert s.channels == (ChannelActivity("douyin", 7, 42), ChannelActivity("xiaohongshu", 3, 0))
    assert (s.groups, s.contacts, s.comments_per_week, s.campaigns_per_year, s.goals) == (
        10,
        1500,
        150,
        2,
        ("conversion",),
    )
    assert s.live_hours_per_week == 42


def test_every_field_is_optional() -> None:
    assert parse_scenario({}, MODEL) == Scenario()
    assert parse_scenario({"private_domain": {}}, MODEL) == Scenario()


def test_canonical_form_round_trips_and_orders_ids() -> None:
    raw = {
        "goals": ["conversion", "awareness"],
        "channels": {
            "zhihu": {"posts_per_week": 1.0},
            "douyin": {"posts_per_week": 0},
            "wechat_oa": {"posts_per_week": 2.5},
        },
    }
    s = parse_scenario(raw, MODEL)
    data = scenario_to_data(s)
    assert data == {
        "channels": {"wechat_oa": {"posts_per_week": 2.5}, "zhihu": {"posts_per_week": 1}},
        "goals": ["awareness", "conversion"],
    }
    assert list(data["channels"]) == ["wechat_oa", "zhihu"]
    assert parse_scenario(data, MODEL) == s


def test_default_scenario_comes_from_sizing_yaml() -> None:
    s = default_scenario(MODEL)
    assert scenario_to_data(s) == MODEL.default_scenario
    assert s.channels and s.goals


def test_unknown_channel_lists_the_allowed_ids() -> None:
    [msg] = messages({"channels": {"tiktok": {"posts_per_week": 1}}})
    assert "channels.tiktok" in msg and "'tiktok'" in msg
    assert "wechat_oa" in msg and "zhihu" in msg


def test_unknown_goal_lists_the_allowed_ids() -> None:
    [msg] = messages({"goals": ["fame"]})
    assert "goals[0]" in msg and "awareness, growth, retention, conversion" in msg


def test_negative_number() -> None:
    [msg] = messages({"comments_per_week": -5})
    assert "comments_per_week" in msg and "-5" in msg and "out of range" in msg


def test_absurd_number_above_the_data_limit() -> None:
    [msg] = messages({"channels": {"douyin": {"live_hours_per_week": 200}}})
    assert "channels.douyin.live_hours_per_week" in msg and "168" in msg


def test_wrong_type() -> None:
    [msg] = messages({"private_domain": {"groups": "ten"}})
    assert "private_domain.groups" in msg and "integer" in msg and "'ten'" in msg


def test_bool_is_not_a_number() -> None:
    [msg] = messages({"campaigns_per_year": True})
    assert "campaigns_per_year" in msg and "boolean" in msg


def test_fraction_where_a_whole_number_is_needed() -> None:
    [msg] = messages({"private_domain": {"contacts": 10.5}})
    assert "private_domain.contacts" in msg and "integer" in msg


def test_duplicate_goal() -> None:
    [msg] = messages({"goals": ["growth", "growth"]})
    assert "goals[1]" in msg and "duplicate" in msg


def test_live_hours_on_a_channel_that_does_not_live_stream() -> None:
    [msg] = messages({"channels": {"wechat_oa": {"live_hours_per_week": 3}}})
    assert "channels.wechat_oa.live_hours_per_week" in msg and "does not live-stream" in msg and "douyin" in msg


def test_unknown_field_and_not_an_object() -> None:
    [msg] = messages({"budget": 100})
    assert "budget" in msg and "allowed: channels, private_domain" in msg
    [msg] = messages([1, 2])
    assert "scenario" in msg and "a list" in msg


def test_every_problem_is_reported_at_once() -> None:
    problems = messages({"comments_per_week": -1, "goals": ["fame"], "channels": {"x": {}}})
    assert len(problems) == 3
