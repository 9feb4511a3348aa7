"""Sizing model 2.0: what a practitioner would check in a plan, and the panel it was calibrated on."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sizing_fixtures import MODEL, PANEL, plan_for

NUMERIC_INPUTS: list[tuple[tuple[str, ...], list[float]]] = [
    (("channels", "wechat_oa", "posts_per_week"), [0, 1, 2, 3, 5, 7, 10, 14, 21, 40]),
    (("channels", "douyin", "posts_per_week"), [0, 1, 3, 5, 7, 14, 21, 30]),
    (("channels", "douyin", "live_hours_per_week"), [0, 2, 6, 12, 20, 28, 42, 56, 84, 112, 168]),
    (("channels", "xiaohongshu", "posts_per_week"), [0, 0.5, 2, 5, 10, 20]),
    (("channels", "bilibili", "posts_per_week"), [0, 1, 2, 4]),
    (("channels", "kuaishou", "live_hours_per_week"), [0, 10, 40, 100]),
    (("private_domain", "groups"), [0, 1, 3, 10, 20, 40, 80, 150, 300]),
    (("private_domain", "contacts"), [0, 500, 3000, 8000, 20000, 50000, 100000, 200000]),
    (("comments_per_week",), [0, 50, 200, 1000, 3000, 10000, 30000]),
    (("service_hours_per_week",), [0, 20, 40, 60, 98, 168]),
    (("campaigns_per_year",), [0, 1, 2, 4, 6, 9, 12, 24, 52]),
    (("ad_spend_per_month",), [0, 10000, 50000, 100000, 300000, 1000000, 3000000]),
    (("creator_collaborations_per_month",), [0, 5, 20, 60, 120, 300]),
]


def _set(scenario: dict[str, Any], path: tuple[str, ...], value: float) -> dict[str, Any]:
    out = copy.deepcopy(scenario)
    node = out
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return out


def _figures(scenario: dict[str, Any]) -> tuple[int, int, int, int]:
    plan = plan_for(scenario)
    low, high = plan.headcount_range
    return plan.total_headcount, low, high, plan.peak.headcount if plan.peak else plan.total_headcount


@pytest.mark.parametrize("case", PANEL, ids=lambda c: c.id)
def test_calibration_panel_lands_in_the_expected_range(case: Any) -> None:
    plan = plan_for(case.scenario)
    low, high = case.expected
    assert low <= plan.total_headcount <= high, (
        f"{case.id}: model says {plan.total_headcount} people ({plan.total_fte:.2f} FTE), "
        f"panel expects {low}-{high} because: {case.basis.en}"
    )
    assert plan.headcount_range[0] <= plan.total_headcount <= plan.headcount_range[1]


@pytest.mark.parametrize(("path", "steps"), NUMERIC_INPUTS, ids=lambda v: ".".join(v) if isinstance(v, tuple) else "")
def test_more_of_any_input_never_means_fewer_people(path: tuple[str, ...], steps: list[float]) -> None:
    """Swept from several realistic starting points: headcount, both range ends and the peak never drop."""
    for case in PANEL[::3]:
        base = case.raw
        if path[0] == "channels" and "live" in path[-1] and not MODEL.channel(path[1]).live:
            continue
        before = None
        for value in steps:
            now = _figures(_set(base, path, value))
            if before is not None:
                assert all(a <= b for a, b in zip(before, now, strict=True)), (case.id, path, value, before, now)
            before = now


scenarios = st.fixed_dictionaries(
    {
        "channels": st.fixed_dictionaries(
            {
                "wechat_oa": st.fixed_dictionaries({"posts_per_week": st.integers(0, 14)}),
                "douyin": st.fixed_dictionaries(
                    {"posts_per_week": st.integers(0, 21), "live_hours_per_week": st.integers(0, 84)}
                ),
                "xiaohongshu": st.fixed_dictionaries(
                    {"posts_per_week": st.integers(0, 14), "format": st.sampled_from(["mixed", "image", "video"])}
                ),
            }
        ),
        "private_domain": st.fixed_dictionaries({"groups": st.integers(0, 100), "contacts": st.integers(0, 60000)}),
        "comments_per_week": st.integers(0, 8000),
        "campaigns_per_year": st.integers(0, 12),
        "ad_spend_per_month": st.integers(0, 800000),
        "creator_collaborations_per_month": st.integers(0, 100),
        "service_hours_per_week": st.integers(0, 100),
        "goals": st.lists(st.sampled_from(["awareness", "growth", "retention", "conversion"]), unique=True),
    }
)


@settings(max_examples=60, deadline=None)
@given(scenarios, st.sampled_from(NUMERIC_INPUTS), st.floats(0.01, 3))
def test_property_an_increase_never_lowers_the_plan(base: dict[str, Any], path_steps: Any, factor: float) -> None:
    path, steps = path_steps
    node: Any = base
    for key in path:
        node = node.get(key, 0) if isinstance(node, dict) else 0
    current = float(node or 0)
    bigger = min(current + max(current * factor, steps[1]), steps[-1] * 2)
    limit = {"live_hours_per_week": 168, "service_hours_per_week": 168, "campaigns_per_year": 52}.get(path[-1])
    if limit is not None:
        bigger = min(bigger, limit)
    if path[-1] in ("campaigns_per_year", "groups", "contacts"):
        bigger = int(bigger)
    if bigger <= current:
        return
    before, after = _figures(base), _figures(_set(base, path, bigger))
    assert all(a <= b for a, b in zip(before, after, strict=True)), (path, current, bigger, before, after)


def test_one_productive_hours_basis_without_a_second_discount() -> None:
    assert MODEL.capacity.productive_hours() == pytest.approx(40 * (1 - 0.25))
    plan = plan_for({"channels": {"wechat_oa": {"posts_per_week": 5}}})
    content = plan.role("content")
    assert content.fte == pytest.approx(content.production_hours / 30)


def test_goals_shift_effort_they_can_lower_a_role() -> None:
    base = {"channels": {"wechat_oa": {"posts_per_week": 7}, "douyin": {"posts_per_week": 5}}}
    neutral = plan_for(base).role("content").fte
    conversion = plan_for({**base, "goals": ["conversion"]}).role("content").fte
    awareness = plan_for({**base, "goals": ["awareness"]}).role("content").fte
    assert conversion < neutral < awareness
    both = plan_for({**base, "goals": ["awareness", "conversion"]}).role("content")
    assert both.weight == pytest.approx((1.15 + 0.9) / 2)  # averaged, not the maximum


def test_comments_are_customer_service_work_and_do_not_swamp_the_plan() -> None:
    plan = plan_for({"channels": {"douyin": {"posts_per_week": 7}}, "comments_per_week": 10000})
    assert plan.role("user").fte == 0
    assert 1 <= plan.role("customer_service").fte <= 3
    assert plan.total_headcount <= 6  # model 1 said 40


def test_service_hours_are_a_seat_and_replies_happen_inside_them() -> None:
    quiet = plan_for(
        {"channels": {"douyin": {"posts_per_week": 3}}, "comments_per_week": 100, "service_hours_per_week": 98}
    )
    assert quiet.role("customer_service").coverage_hours == pytest.approx(98)
    assert quiet.role("customer_service").production_hours == 0  # the replies fit inside the staffed hours


def test_paid_traffic_counts_the_larger_of_live_hours_and_budget() -> None:
    live = {"channels": {"douyin": {"live_hours_per_week": 42}}}
    by_hours = plan_for(live).role("ad_buyer").production_hours
    small_budget = plan_for({**live, "ad_spend_per_month": 50000}).role("ad_buyer").production_hours
    big_budget = plan_for({**live, "ad_spend_per_month": 1000000}).role("ad_buyer").production_hours
    assert by_hours == small_budget == pytest.approx(42 * 0.4)
    assert big_budget == pytest.approx(100 * 0.5)


def test_formats_change_the_work_by_multiples() -> None:
    def video_hours(fmt: str) -> float:
        return plan_for({"channels": {"bilibili": {"posts_per_week": 1, "format": fmt}}}).role("video").production_hours

    assert video_hours("long") >= 2 * video_hours("mid") >= 4 * video_hours("short") * 0.7
    image = plan_for({"channels": {"xiaohongshu": {"posts_per_week": 7, "format": "image"}}})
    video = plan_for({"channels": {"xiaohongshu": {"posts_per_week": 7, "format": "video"}}})
    assert image.role("video").fte == 0 < video.role("video").fte


def test_live_rooms_staff_the_seats_of_a_real_crew() -> None:
    plan = plan_for({"channels": {"douyin": {"live_hours_per_week": 42}}, "comments_per_week": 500})
    people = {p.main_role: p.count for p in plan.positions if p.kind == "role"}
    assert people.get("host") == 2  # 42 h on air plus preparation: two hosts
    carried = {r for p in plan.positions if p.kind != "outsourced" for r in p.roles}
    assert {"host", "room_control", "customer_service", "ad_buyer"} <= carried


def test_positions_only_combine_roles_that_can_share_a_person() -> None:
    small = MODEL.packing.min_share.value
    for case in PANEL:
        for p in plan_for(case.scenario).positions:
            for (a, sa), (b, sb) in itertools.combinations(p.shares, 2):
                ok = MODEL.can_share(a, b) or (
                    min(sa, sb) < small and MODEL.role(a).helps_out and MODEL.role(b).helps_out
                )
                assert ok, (case.id, p)


def test_leadership_by_workload_and_span() -> None:
    solo = plan_for({"channels": {"wechat_oa": {"posts_per_week": 5}}})
    assert solo.leadership.kind == "solo" and solo.total_headcount == 1
    for case in PANEL:
        plan = plan_for(case.scenario)
        lead = plan.leadership
        heads = [p for p in plan.positions if p.kind == "head"]
        assert len(heads) == (1 if plan.dedicated_lead else 0)
        if plan.dedicated_lead:
            assert lead.execution_headcount > MODEL.leadership.player_coach_span.value
            assert plan.positions[plan.hiring_order[0].position].kind == "head"  # hired first
        if lead.kind == "head_and_team_leads":
            assert lead.execution_headcount / lead.team_leads <= MODEL.leadership.team_lead_span.value
        # the lead share is carried by a working member, never a position of its own
        assert all(p.roles != (MODEL.leadership.role,) or p.kind == "head" for p in plan.positions)


def test_no_counted_position_below_the_minimum_share_except_a_whole_one_person_plan() -> None:
    for case in PANEL:
        plan = plan_for(case.scenario)
        for p in plan.positions:
            if p.kind in ("role", "combined") and plan.total_headcount > 1:
                assert p.fte + p.lead_share >= MODEL.packing.min_share.value, (case.id, p)


def test_extremes_come_with_warnings_and_inconsistent_inputs_are_named() -> None:
    everything = {
        "channels": {
            c.id: {"posts_per_week": 200, **({"live_hours_per_week": 168} if c.live else {})} for c in MODEL.channels
        },
        "private_domain": {"groups": 5000, "contacts": 10000000},
        "comments_per_week": 1000000,
        "campaigns_per_year": 52,
        "ad_spend_per_month": 100000000,
    }
    plan = plan_for(everything)
    ids = {w.id for w in plan.warnings}
    assert {"headcount", "live_hours", "posts", "comments"} <= ids
    assert plan.total_headcount < 7321  # model 1's answer
    lonely = plan_for({"ad_spend_per_month": 50000, "service_hours_per_week": 40})
    assert {w.id for w in lonely.warnings} >= {"spend_without_channel", "service_without_questions"}
    assert plan_for({"channels": {"wechat_oa": {"posts_per_week": 3}}}).warnings == ()


def test_peak_in_people_scales_with_the_number_of_campaigns() -> None:
    base = {"channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 42}}, "ad_spend_per_month": 300000}
    four = plan_for({**base, "campaigns_per_year": 4}).peak
    nine = plan_for({**base, "campaigns_per_year": 9}).peak
    assert four and nine
    assert four.weeks_per_year == 12 and nine.weeks_per_year == 27
    assert four.extra_people >= 1 and four.cover in ("overtime", "temporary")
    assert nine.cover == "permanent"  # peaks fill more than 20 weeks a year
    assert plan_for(base).peak is None


def test_range_brackets_the_point_estimate_and_is_wider_for_bigger_teams() -> None:
    small = plan_for(PANEL[0].scenario)
    big = plan_for(next(c for c in PANEL if c.id == "enterprise_matrix").scenario)
    assert small.headcount_range[0] <= small.total_headcount <= small.headcount_range[1]
    assert big.headcount_range[1] - big.headcount_range[0] > small.headcount_range[1] - small.headcount_range[0]


def test_plan_states_its_model_version() -> None:
    assert plan_for(PANEL[0].scenario).model_version == MODEL.model_version == "2.0"
