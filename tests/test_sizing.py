"""The sizing engine: golden scenarios with the arithmetic written out, unit tests, properties."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator.datafiles.load import load_sizing
from calculator.engine.fmt import fmt
from calculator.engine.model import Text
from calculator.engine.scenario import parse_scenario
from calculator.engine.sizing import COVERAGE, PRODUCTION, Plan, plan_to_data, size
from calculator.engine.sizing_data import CHANNEL_IDS, GOAL_IDS, Parameter, SizingModel

ROOT = Path(__file__).resolve().parent.parent
MODEL = load_sizing(ROOT / "sizing.yaml")
LIVE_CHANNELS = [c.id for c in MODEL.channels if c.live]


def plan_of(raw: dict[str, Any], model: SizingModel = MODEL) -> Plan:
    return size(parse_scenario(raw, model), model)


def fte(plan: Plan) -> dict[str, float]:
    return {r.id: r.fte for r in plan.roles}


# --------------------------------------------------------------------------- goldens


def test_solo_creator_three_official_account_articles_is_one_all_rounder() -> None:
    plan = plan_of({"channels": {"wechat_oa": {"posts_per_week": 3}}})
    # content:     3 articles x 3.5 h + 2 h upkeep = 12.5 h; 12.5 / 24 = 0.5208 -> 0.52
    # design_tech: 3 x 1 h = 3 h; 3 / 24 = 0.125 -> 0.12
    # data:        1 active channel x 2 h reporting = 2 h; 2 / 24 -> 0.08
    # campaign:    1 active channel x 2 h always-on = 2 h -> 0.08
    # director:    2 h + 0.80 execution FTE x 1.5 h = 3.2 h; 3.2 / 24 -> 0.13
    assert fte(plan) == {
        "director": 0.13,
        "content": 0.52,
        "user": 0.0,
        "campaign": 0.08,
        "data": 0.08,
        "design_tech": 0.12,
        "host": 0.0,
        "room_control": 0.0,
    }
    assert plan.total_fte == 0.93
    # 0.93 FTE fits one person: the first combination (everything) packs it.
    assert plan.total_headcount == 1
    [position] = plan.positions
    assert position.title.en == "New-media all-rounder"
    assert position.count == 1 and position.combined
    assert not plan.dedicated_lead
    assert plan.peak is None
    assert plan.role("content").drivers[0].formula.en == "3 × 3.5 h/post = 10.5 h/week"


BRAND = {
    "channels": {
        "douyin": {"posts_per_week": 7, "live_hours_per_week": 42},
        "wechat_oa": {"posts_per_week": 2},
        "xiaohongshu": {"posts_per_week": 5},
        "wechat_channels": {"posts_per_week": 5},
        "bilibili": {"posts_per_week": 1},
    },
    "private_domain": {"groups": 10, "contacts": 3000},
    "comments_per_week": 300,
    "campaigns_per_year": 4,
    "goals": ["conversion", "growth"],
}


def test_brand_team_with_daily_douyin_lives() -> None:
    plan = plan_of(BRAND)
    role = {r.id: r for r in plan.roles}
    # content: posts 2x3.5 + 5x1.5 + 7x1.5 + 5x1 + 1x4 = 34; upkeep 2+1.5+2+1.5+1.5 = 8.5;
    #          live scripts 42 x 0.25 = 10.5; node 4 x 24 / 52 = 1.85 -> 54.85 h
    #          growth weight 1.1: 1.1 x 54.85 / 24 = 2.514 -> 2.51
    assert role["content"].production_hours == 54.85 and role["content"].weight == 1.1
    assert role["content"].fte == 2.51
    # design_tech: 2x1 + 5x2.5 + 7x2.5 + 5x1 + 1x8 = 45; node 1.85 -> 46.85 h / 24 = 1.952 -> 1.95
    assert role["design_tech"].fte == 1.95
    # user: groups 10x1 + contacts 3000/1000x3 + comments 300x5/60 + node 4x12/52 = 10+9+25+0.92 = 44.92 h
    #       weight 1.2 (conversion and growth): 1.2 x 44.92 / 24 = 2.246; live chat 42 x 0.5 = 21 h / 30 = 0.7
    #       -> 2.946 -> 2.95
    assert (role["user"].production_hours, role["user"].coverage_hours) == (44.92, 21.0)
    assert role["user"].weighted_by == ("growth", "conversion")
    assert role["user"].fte == 2.95
    # campaign: always-on 5x2 + live offers 42x0.25 + node 4x60/52 = 10+10.5+4.62 = 25.12 h
    #           weight 1.3 (conversion): 1.3 x 25.12 / 24 = 1.361 -> 1.36
    assert role["campaign"].fte == 1.36
    # data: reporting 5x2 + node 4x12/52 = 10.92 h x 1.2 / 24 = 0.546; ad buying 42x0.5 = 21 / 30 = 0.7 -> 1.25
    assert role["data"].fte == 1.25
    # host: prep 42x0.5 = 21 / 24 = 0.875; on air 42 / 30 = 1.4 -> 2.275 -> 2.27 (binary rounding)
    assert role["host"].fte == 2.27
    # room control: prep 42x0.25 = 10.5 / 24 = 0.4375; on air 42 / 30 = 1.4 -> 1.84
    assert role["room_control"].fte == 1.84
    # director: 2 + (2.51+1.95+2.95+1.36+1.25+2.27+1.84 = 14.13) x 1.5 = 23.195 -> 23.2 h / 24 = 0.967 -> 0.97
    assert role["director"].fte == 0.97
    assert plan.total_fte == 15.1
    # Positions: content 2 whole + 0.51 -> 3; design 1 + 0.95 -> 2; user 2 + 0.95 -> 3; host 2 + 0.27 -> 3;
    # room control 1 + 0.84 -> 2; campaign 1 + data 1 whole; remainders campaign 0.36 + data 0.25 -> one
    # "Campaigns & data" position; execution headcount 16 > span 5 -> a dedicated director.
    counts = {p.title.en: p.count for p in plan.positions}
    assert counts == {
        "Head of new-media operations": 1,
        "Content operator": 3,
        "Live host": 3,
        "Live-room controller": 2,
        "Designer / video editor": 2,
        "User operator": 3,
        "Campaign operator": 1,
        "Campaigns & data": 1,
        "Data analyst": 1,
    }
    assert plan.execution_headcount == 16 and plan.dedicated_lead
    assert plan.total_headcount == 17
    assert 12 <= plan.total_headcount <= 18  # the brief's sanity range for such a brand
    assert plan.hiring_order[0].title.en == "Head of new-media operations"
    # Peak: routine x 1.5 and each campaign's hours over 3 weeks, e.g. campaign role:
    # (10 + 10.5) x 1.5 + 60 / 3 = 50.75 h x 1.3 / 24 = 2.749 -> 2.75
    assert plan.peak is not None
    assert dict(plan.peak.roles)["campaign"] == 2.75
    assert plan.peak.total_fte > plan.total_fte
    assert plan.peak.extra_fte == round(plan.peak.total_fte - plan.total_fte, 2)


def test_empty_scenario_needs_nobody() -> None:
    plan = plan_of({})
    assert plan.total_fte == 0 and plan.total_headcount == 0 and plan.positions == ()
    assert plan.role("director").fte == 0
    # The lead formula says what happened instead of "2 h/week + 0 FTE x 1.5 ... = 0 h/week".
    [lead] = plan.role("director").drivers
    assert lead.formula == Text("没有执行工作 → 0 小时/周", "no execution work → 0 h/week")
    assert plan.lead_decision.en == "No execution work, so no lead load."


def test_work_that_rounds_to_zero_fte_still_gets_someone() -> None:
    # user: 1 comment x 5 min / 60 = 0.08 h; 0.08 / 24 = 0.003 -> 0 FTE, but there is work.
    # director: there is execution work, so 2 h + 0 FTE x 1.5 = 2 h; 2 / 24 = 0.083 -> 0.08 FTE.
    plan = plan_of({"comments_per_week": 1})
    assert plan.role("user").production_hours == 0.08 and plan.role("user").fte == 0
    assert plan.role("director").fte == 0.08 and plan.total_fte == 0.08
    lead = plan.role("director").drivers[-1]
    assert lead.formula.en == "2 h/week + 0 FTE × 1.5 h per execution FTE per week = 2 h/week"
    # Both go into the all-rounder combination: one part-time person, not "no execution work".
    assert plan.total_headcount == 1
    [position] = plan.positions
    assert dict(position.shares) == {"director": 0.08, "user": 0.0}
    assert "No execution work" not in plan.lead_decision.en


def test_player_coach_lead_joins_a_position_instead_of_becoming_a_head() -> None:
    # user: 20 groups x 1 h + 300 comments x 5 / 60 = 20 + 25 = 45 h; 45 / 24 = 1.875 -> 1.88 FTE
    # director: 2 h + 1.88 x 1.5 = 4.82 h; 4.82 / 24 = 0.2008 -> 0.2 FTE; total 2.08 FTE
    # Execution: user operator x2 (1 whole + 0.88) = 2 people, within the span of 5: no dedicated head.
    # The lead's 0.2 FTE fits no combination; it joins the position with the most room (the only one,
    # 2 - 1.88 = 0.12 spare): 2.08 FTE for 2 people is 0.08 above capacity, within the 0.15 threshold.
    plan = plan_of({"private_domain": {"groups": 20}, "comments_per_week": 300})
    assert (plan.role("user").fte, plan.role("director").fte, plan.total_fte) == (1.88, 0.2, 2.08)
    assert not plan.dedicated_lead and plan.execution_headcount == 2
    assert plan.total_headcount == 2  # was 3: a 0.2-FTE "Head of new-media operations" of its own
    [position] = plan.positions
    assert position.title.en == "User operator (incl. team lead)"
    assert position.title.zh == "用户运营（含负责人）"
    assert dict(position.shares) == {"user": 1.88, "director": 0.2} and position.count == 2
    assert "beyond one player-coach" not in position.reason.en  # the dedicated head's hiring reason
    assert "within the span of control" in position.reason.en and "0.08 FTE above" in position.reason.en
    assert "Head" not in " ".join(s.title.en for s in plan.hiring_order)


def test_player_coach_lead_that_does_not_fit_adds_a_person_to_its_position() -> None:
    # user: 26 groups x 1 h = 26 h / 24 = 1.08 FTE -> one user operator (0.08 < 0.15 stays with them).
    # director: 2 + 1.08 x 1.5 = 3.62 h / 24 = 0.15 FTE. It joins the user operator: 1.23 FTE is more than
    # 1 x (1 + 0.15), so the position has 2 people; never a lead-only position.
    plan = plan_of({"private_domain": {"groups": 26}})
    assert plan.execution_headcount == 1 and not plan.dedicated_lead
    [position] = plan.positions
    assert dict(position.shares) == {"user": 1.08, "director": 0.15} and position.count == 2
    assert "more than 1 can, so 2 people" in position.reason.en


BIG = {
    "channels": {
        "douyin": {"posts_per_week": 14, "live_hours_per_week": 84},
        "xiaohongshu": {"posts_per_week": 14},
        "wechat_oa": {"posts_per_week": 7},
    },
    "private_domain": {"groups": 20, "contacts": 20000},
    "campaigns_per_year": 4,
}


def test_big_team_has_one_head_and_team_leads_for_the_rest() -> None:
    plan = plan_of(BIG)
    # execution FTE 22.07; director: 2 + 22.07 x 1.5 = 35.105 -> 35.11 h; 35.11 / 24 = 1.463 -> 1.46 FTE.
    assert plan.role("director").production_hours == 35.11 and plan.role("director").fte == 1.46
    assert plan.dedicated_lead and plan.execution_headcount == 25
    # One head carries 1 FTE; the other 0.46 FTE is one team lead (was: "Head of new-media operations" x2).
    heads = [p for p in plan.positions if p.title.en == "Head of new-media operations"]
    assert [(p.count, p.fte) for p in heads] == [(1, 1.0)]
    [team_lead] = [p for p in plan.positions if p.title.en == "Team lead"]
    assert (team_lead.count, team_lead.fte, team_lead.roles) == (1, 0.46, ("director",))
    assert plan.total_headcount == 27
    assert plan.hiring_order[0].title.en == "Head of new-media operations"
    assert plan.hiring_order[-1].title.en == "Team lead"
    assert plan.lead_decision.en.endswith("the head carries 1 FTE, 1 × Team lead the other 0.46 FTE.")
    assert plan.lead_decision.zh.endswith("其余 0.46 FTE 由 1 名组长分担。")


def test_one_live_hour_is_not_two_extra_hires() -> None:
    # host: 1 h on air / 30 + 0.5 h prep / 24 = 0.054 -> 0.05; room control: 1 / 30 + 0.25 / 24 = 0.04.
    # Both are below absorb_below (0.2 FTE) and the all-rounder (0.41 FTE) has room: one person, 0.5 FTE.
    plan = plan_of({"channels": {"douyin": {"live_hours_per_week": 1}}})
    assert (plan.role("host").fte, plan.role("room_control").fte, plan.total_fte) == (0.05, 0.04, 0.5)
    assert plan.total_headcount == 1  # was 3
    [position] = plan.positions
    assert position.title.en == "New-media all-rounder" and position.fte == 0.5
    assert {"host", "room_control"} <= set(position.roles)
    assert "Also carries Live host 0.05 FTE (below 0.2 FTE" in position.reason.en


def test_two_live_hours_do_not_trigger_a_dedicated_head() -> None:
    base: dict[str, Any] = {
        "channels": {"douyin": {"posts_per_week": 7}, "wechat_oa": {"posts_per_week": 2}},
        "private_domain": {"groups": 8},
        "comments_per_week": 100,
        "campaigns_per_year": 2,
    }
    live = {**base, "channels": {**base["channels"], "douyin": {"posts_per_week": 7, "live_hours_per_week": 2}}}
    before, after = plan_of(base), plan_of(live)
    assert (before.total_fte, before.execution_headcount, before.dedicated_lead) == (3.2, 4, False)
    # host: 2 / 30 + 1 / 24 = 0.108 -> 0.11; room control: 2 / 30 + 0.5 / 24 = 0.0875 -> 0.09 FTE.
    # Each was a person of its own, making 6 execution people > span 5 and a dedicated head for 3.53 FTE.
    assert after.total_fte == 3.53 and after.execution_headcount == 4 and not after.dedicated_lead
    assert all(p.roles not in (("host",), ("room_control",)) for p in after.positions)


def test_live_crew_is_named_as_extra_roles() -> None:
    plan = plan_of({"channels": {"douyin": {"live_hours_per_week": 30}}})
    names = {p.roles[0] for p in plan.positions if not p.combined}
    assert {"host", "room_control"} <= names


# --------------------------------------------------------------------------- units


def test_fmt_rounds_and_strips_zeros() -> None:
    assert fmt(10.5, 2) == "10.5"
    assert fmt(2.0, 2) == "2"
    assert fmt(1 / 3, 2) == "0.33"
    assert fmt(0.0001, 2) == "0"


def test_weight_takes_the_highest_goal_weight_not_the_product() -> None:
    # user: conversion 1.2, retention 1.3 -> 1.3 (not 1.56)
    plan = plan_of({"private_domain": {"groups": 24}, "goals": ["retention", "conversion"]})
    assert plan.role("user").weight == 1.3
    assert plan.role("user").weighted_by == ("retention",)
    # 24 groups x 1 h = 24 h x 1.3 / 24 = 1.3
    assert plan.role("user").fte == 1.3


def test_drivers_are_typed_and_sum_to_the_role_hours() -> None:
    plan = plan_of(BRAND)
    for role in plan.roles:
        prod = sum(d.hours_per_week for d in role.drivers if d.kind == PRODUCTION)
        cov = sum(d.hours_per_week for d in role.drivers if d.kind == COVERAGE)
        assert round(prod, 2) == role.production_hours
        assert round(cov, 2) == role.coverage_hours


def test_small_remainder_is_absorbed_by_existing_people() -> None:
    # 26 groups x 1 h = 26 h / 24 = 1.08 FTE user: 0.08 < 0.15 -> one user operator carries it
    # (the execution team is one person; the lead's share is the next test's subject).
    plan = plan_of({"private_domain": {"groups": 26}})
    assert plan.role("user").fte == 1.08
    assert plan.execution_headcount == 1


def test_no_dedicated_director_within_span_of_control() -> None:
    plan = plan_of({"channels": {"douyin": {"posts_per_week": 14}}, "private_domain": {"groups": 20}})
    assert not plan.dedicated_lead
    assert all(p.roles != ("director",) for p in plan.positions)
    assert any("director" in p.roles for p in plan.positions)


def test_position_capacity_from_data_is_respected() -> None:
    plan = plan_of(BRAND)
    capacity = MODEL.packing.position_capacity.value
    for p in plan.positions:
        if p.combined:
            assert p.fte <= p.count * capacity


def test_plan_to_data_has_the_interface_fields() -> None:
    data = plan_to_data(plan_of(BRAND))
    assert isinstance(data["total_headcount"], int)
    assert set(data) >= {"total_headcount", "total_fte", "roles", "positions", "hiring_order", "peak"}
    assert set(data["roles"]["content"]) >= {"fte", "drivers"}
    assert set(data["positions"][0]) >= {"roles", "fte", "count", "title"}
    json.dumps(data, allow_nan=False)


def test_numbers_come_from_the_data() -> None:
    # Doubling hours per Official Account article doubles that driver: nothing is hard-coded.
    ch = MODEL.channel("wechat_oa")
    pairs = tuple((r, replace(p, value=p.value * 2)) for r, p in ch.hours_per_post)
    model = replace(
        MODEL, channels=tuple(replace(c, hours_per_post=pairs) if c.id == "wechat_oa" else c for c in MODEL.channels)
    )
    before = plan_of({"channels": {"wechat_oa": {"posts_per_week": 3}}}).role("content").drivers[0]
    after = plan_of({"channels": {"wechat_oa": {"posts_per_week": 3}}}, model).role("content").drivers[0]
    assert after.hours_per_week == 2 * before.hours_per_week


# --------------------------------------------------------------------------- properties

amount = st.one_of(st.just(0), st.integers(0, 60), st.floats(0, 60, allow_nan=False).map(lambda x: round(x, 1)))


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    channels = {}
    for cid in draw(st.lists(st.sampled_from(CHANNEL_IDS), unique=True, max_size=5)):
        entry: dict[str, Any] = {"posts_per_week": draw(amount)}
        if cid in LIVE_CHANNELS:
            entry["live_hours_per_week"] = draw(amount)
        channels[cid] = entry
    return {
        "channels": channels,
        "private_domain": {"groups": draw(st.integers(0, 60)), "contacts": draw(st.integers(0, 20000))},
        "comments_per_week": draw(st.integers(0, 2000)),
        "campaigns_per_year": draw(st.integers(0, 12)),
        "goals": draw(st.lists(st.sampled_from(GOAL_IDS), unique=True, max_size=4)),
    }


def numbers(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return []


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(scenarios())
def test_never_negative_nan_or_infinite(raw: dict[str, Any]) -> None:
    for n in numbers(plan_to_data(plan_of(raw))):
        assert math.isfinite(n) and n >= 0


@SETTINGS
@given(scenarios(), st.sampled_from(CHANNEL_IDS), st.integers(1, 20))
def test_more_cadence_never_means_fewer_fte(raw: dict[str, Any], channel: str, more: int) -> None:
    before = plan_of(raw)
    entry = dict(raw["channels"].get(channel, {}))
    entry["posts_per_week"] = entry.get("posts_per_week", 0) + more
    after = plan_of({**raw, "channels": {**raw["channels"], channel: entry}})
    for b, a in zip(before.roles, after.roles, strict=True):
        assert a.fte >= b.fte, b.id
    assert after.total_fte >= before.total_fte


@SETTINGS
@given(scenarios(), st.sampled_from(LIVE_CHANNELS), st.integers(1, 20))
def test_more_live_hours_never_means_fewer_fte(raw: dict[str, Any], channel: str, more: int) -> None:
    before = plan_of(raw)
    entry = dict(raw["channels"].get(channel, {}))
    entry["live_hours_per_week"] = entry.get("live_hours_per_week", 0) + more
    after = plan_of({**raw, "channels": {**raw["channels"], channel: entry}})
    assert all(a.fte >= b.fte for b, a in zip(before.roles, after.roles, strict=True))


@SETTINGS
@given(scenarios(), st.sampled_from(GOAL_IDS))
def test_adding_a_goal_never_lowers_the_roles_it_weights(raw: dict[str, Any], goal: str) -> None:
    if goal in raw["goals"]:
        return
    before = fte(plan_of(raw))
    after = fte(plan_of({**raw, "goals": [*raw["goals"], goal]}))
    for role, _ in MODEL.goal(goal).weights:
        assert after[role] >= before[role]
    assert all(after[r] >= before[r] for r in before)


def test_deterministic_across_processes_and_hash_seeds() -> None:
    """The CLI in two processes with different hash seeds: byte-identical plans (no set or dict-order luck)."""
    scenario = json.dumps({**BRAND, "channels": {**BRAND["channels"], "kuaishou": {"live_hours_per_week": 3}}})
    outputs = []
    for seed in ("1", "2"):
        for args in ((), ("--format", "table", "--lang", "en")):
            result = subprocess.run(
                [sys.executable, "-m", "calculator", "-", *args],
                input=scenario.encode(),
                capture_output=True,
                cwd=ROOT,
                env={**os.environ, "PYTHONHASHSEED": seed},
                timeout=60,
            )
            assert result.returncode == 0, result.stderr.decode()
            outputs.append(result.stdout)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


@SETTINGS
@given(scenarios())
def test_headcount_consistent_with_positions(raw: dict[str, Any]) -> None:
    plan = plan_of(raw)
    assert plan.total_headcount == sum(p.count for p in plan.positions)
    # All work is placed: positions carry the total FTE (within rounding).
    assert sum(p.fte for p in plan.positions) == pytest.approx(plan.total_fte, abs=0.01 * (len(plan.positions) + 1))
    # Nobody is hired for no work, and any work (hours, even at 0.00 FTE) gets someone.
    has_work = {r.id for r in plan.roles if r.production_hours + r.coverage_hours > 0}
    assert (plan.total_headcount == 0) == (not has_work)
    assert {role for p in plan.positions for role in p.roles} == has_work
    # Whole people cover the work up to the rounding threshold.
    below = MODEL.packing.round_down_below.value
    for p in plan.positions:
        assert p.count >= 1
        assert p.fte <= p.count * (MODEL.packing.position_capacity.value + below) + 1e-9
    assert plan.dedicated_lead == (plan.execution_headcount > MODEL.leadership.span_of_control.value)


@SETTINGS
@given(scenarios())
def test_the_head_appears_once_and_only_when_dedicated(raw: dict[str, Any]) -> None:
    plan = plan_of(raw)
    lead = MODEL.leadership.role
    head = MODEL.packing.title(lead)
    heads = [p for p in plan.positions if p.title == head]
    assert len(heads) == (1 if plan.dedicated_lead else 0)
    assert all(p.count == 1 for p in heads)
    if not plan.dedicated_lead:
        assert all(p.roles != (lead,) for p in plan.positions)
    # Every bit of lead work is carried somewhere.
    carried = sum(v for p in plan.positions for r, v in p.shares if r == lead)
    assert carried == pytest.approx(plan.role(lead).fte, abs=1e-9)


@SETTINGS
@given(scenarios())
def test_peak_is_never_below_steady(raw: dict[str, Any]) -> None:
    plan = plan_of(raw)
    if plan.peak is None:
        assert raw["campaigns_per_year"] == 0
        return
    steady = fte(plan)
    assert all(v >= steady[r] for r, v in plan.peak.roles)


def test_parameters_are_all_labelled() -> None:
    def walk(value: Any) -> list[Parameter]:
        if isinstance(value, Parameter):
            return [value]
        if isinstance(value, tuple):
            return [p for v in value for p in walk(v)]
        if hasattr(value, "__dataclass_fields__"):
            return [p for name in value.__dataclass_fields__ for p in walk(getattr(value, name))]
        return []

    params = walk(MODEL)
    assert len(params) > 50
    for p in params:
        assert (p.source is not None) != p.assumption
        assert p.unit.zh and p.unit.en and p.label.zh and p.label.en


def test_engine_runs_without_pyyaml_as_in_the_browser() -> None:
    """Pyodide gets the model as JSON: the engine path must not import PyYAML (or anything outside stdlib)."""
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "sys.modules['yaml'] = None\n"
        "sys.modules['jinja2'] = None\n"
        "from calculator.engine.sizing_data import sizing_from_json\n"
        "from calculator.engine.scenario import parse_scenario, default_scenario\n"
        "from calculator.engine.sizing import size, plan_to_data\n"
        "model = sizing_from_json(json.loads(sys.stdin.read()))\n"
        "print(plan_to_data(size(default_scenario(model), model))['total_headcount'])\n"
    )
    from calculator.engine.sizing_data import sizing_to_data

    result = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(sizing_to_data(MODEL)),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == size(MODEL.default_scenario or parse_scenario({}, MODEL), MODEL).total_headcount
