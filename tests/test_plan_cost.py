"""The founder's plan: cost arithmetic, the team you have and the hires, comparison, share links with vs."""

from __future__ import annotations

import base64
import json
import math
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.engine.compare import compare
from calculator.engine.founder_data import founder_data
from calculator.engine.scenario import ScenarioError, parse_scenario, scenario_to_data
from calculator.engine.share import ShareLinkError
from calculator.engine.share_compare import decode_pair, encode_pair, split_vs, vs_of_url
from calculator.engine.sizing.cost import Money, plan_cost, role_cost
from calculator.engine.sizing.costdata import CostModel
from calculator.engine.sizing.plan import size
from calculator.engine.sizing.team import existing_people, fit
from tests.sizing_fixtures import MODEL, PANEL, PLAYBOOK, plan_for
from tests.test_sizing_model import NUMERIC_INPUTS, _set, scenarios

COST = MODEL.cost
assert isinstance(COST, CostModel)
SOLO = {"channels": {"wechat_oa": {"posts_per_week": 2}}, "city_tier": "tier2"}
LIVE = {"channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 42}}, "ad_spend_per_month": 30000}


def typical_person(role: str, tier: str) -> float:
    """One person in ``role`` a month, computed by hand from sizing.yaml's figures."""
    base = COST.salary(role).typical * COST.tier(tier).factor.typical  # type: ignore[union-attr]
    extra = COST.variable(role)
    return base * (1 + COST.on_costs.typical) + base * (extra.typical if extra else 0.0)


def test_every_role_of_the_playbook_has_a_dated_graded_pay_band() -> None:
    assert {r.id for r in PLAYBOOK.roles} == {role for role, _ in COST.salaries}
    for _, band in COST.salaries:
        assert band.at("low") <= band.typical <= band.at("high")
        assert band.grade in ("S", "S-", "A") and band.dated
        assert band.source is not None or band.note is not None
    assert [t.id for t in COST.tiers] == ["tier1", "new_tier1", "tier2", "tier3"]
    assert COST.on_cost_basis.en.count("16%") == 1  # the official basis is named


def floor(tier: str) -> float:
    return min(typical_person(r, tier) for r, _ in COST.salaries)


def test_a_one_person_plan_costs_its_work_and_the_rest_of_the_seat_at_the_floor() -> None:
    plan = plan_for(SOLO)
    cost = plan_cost(plan, MODEL)
    assert cost is not None and plan.total_headcount == 1
    (position,) = plan.positions
    work = sum(share * typical_person(role, "tier2") for role, share in position.shares)
    by_hand = work + (1 - position.fte - position.lead_share) * floor("tier2")
    assert cost.monthly.typical == pytest.approx(by_hand)
    assert cost.positions[0].person.monthly.typical == pytest.approx(by_hand)  # one person
    assert cost.annual.typical == pytest.approx(cost.monthly.typical * 12)
    assert cost.annual.high == pytest.approx(cost.monthly.high * 13)  # 13 months at the high end
    assert cost.monthly.low < cost.monthly.typical < cost.monthly.high


def test_total_is_work_at_role_rates_plus_the_rest_of_the_seats_at_the_floor() -> None:
    plan = plan_for(LIVE)
    cost = plan_cost(plan, MODEL)
    assert cost is not None
    tier = COST.default_tier
    placed = [(r, s) for p in plan.positions for r, s in p.shares]
    placed += [(MODEL.leadership.role, p.lead_share) for p in plan.positions if p.lead_share]
    all_fte = sum(p.fte + p.lead_share for p in plan.positions)  # outsourced work included
    by_hand = sum(s * typical_person(r, tier) for r, s in placed) + (plan.total_headcount - all_fte) * floor(tier)
    assert cost.monthly.typical == pytest.approx(by_hand)
    for end in ("low", "typical", "high"):
        assert math.fsum(r.monthly.at(end) for r in cost.positions) == pytest.approx(cost.monthly.at(end))
        parts = cost.base.at(end) + cost.on_costs.at(end) + cost.variable.at(end)
        assert parts == pytest.approx(cost.monthly.at(end))
    host = role_cost(COST, "host", tier)
    assert host is not None and host.variable.typical == pytest.approx(host.base.typical * 0.4)  # commission


def test_city_tier_scales_every_figure_by_its_factor() -> None:
    plans = {t.id: plan_for({**LIVE, "city_tier": t.id}) for t in COST.tiers}
    costs = {t: plan_cost(p, MODEL) for t, p in plans.items()}
    ratio = costs["tier3"].monthly.typical / costs["tier1"].monthly.typical  # type: ignore[union-attr]
    assert ratio == pytest.approx(COST.tier("tier3").factor.typical / COST.tier("tier1").factor.typical)
    assert len({p.total_headcount for p in plans.values()}) == 1  # the tier changes pay, not the team
    default = plan_for(LIVE)
    assert plan_cost(default, MODEL).tier == COST.default_tier == "new_tier1"  # type: ignore[union-attr]


def test_a_role_without_a_pay_band_is_named_not_priced() -> None:
    model = replace(MODEL, cost=replace(COST, salaries=tuple(s for s in COST.salaries if s[0] != "host")))
    cost = plan_cost(plan_for(LIVE), model)
    assert cost is not None and cost.unpriced == ("host",)


def test_the_team_you_have_covers_positions_and_leaves_the_hires_in_order() -> None:
    plan = plan_for({**LIVE, "existing_team": {"host": 1, "content": 1, "data": 5}})
    cost = plan_cost(plan, MODEL)
    team = fit(MODEL, plan, existing_people(plan), cost)
    counted = sum(p.count for p in plan.positions if p.kind != "outsourced")
    assert team.covered_count + team.hires_count == counted == plan.total_headcount
    assert any(plan.positions[c.position].roles == ("host",) and c.covered == 1 for c in team.covers)
    order = [s.position for s in plan.hiring_order]
    assert [h.position for h in team.hires] == sorted((h.position for h in team.hires), key=order.index)
    running = 0.0
    for h in team.hires:
        running += h.cost.typical
        assert h.cumulative.typical == pytest.approx(running)
    assert team.added_monthly.typical == pytest.approx(running)
    unused = dict((team.people[i].roles, n) for i, n in team.unused)
    assert unused[("data",)] >= 3  # a small team does not need five analysts


def test_an_existing_head_takes_the_head_seat() -> None:
    big = {"channels": {"douyin": {"posts_per_week": 14, "live_hours_per_week": 84}}, "ad_spend_per_month": 100000}
    plan = plan_for({**big, "existing_team": {"director": 1}})
    head = next(i for i, p in enumerate(plan.positions) if p.kind == "head")
    team = fit(MODEL, plan, existing_people(plan), None)
    assert next(c for c in team.covers if c.position == head).covered == 1
    assert all(h.position != head for h in team.hires)


def test_a_whole_team_in_place_needs_no_hires() -> None:
    plan = plan_for(LIVE)
    people: dict[str, int] = {}
    for p in plan.positions:
        if p.kind != "outsourced":
            role = "director" if p.kind == "head" else p.main_role
            people[role] = people.get(role, 0) + p.count
    covered = plan_for({**LIVE, "existing_team": people})
    data = founder_data(covered, MODEL)
    assert data["hires"] == [] and data["existing_team"]["hires_count"] == 0
    assert data["existing_team"]["added_monthly_cost"] == {"low": 0, "typical": 0, "high": 0}


def test_scenario_fields_validate_and_keep_a_canonical_form() -> None:
    s = parse_scenario({**SOLO, "existing_team": {"video": 1, "content": 0, "host": 2}}, MODEL)
    assert scenario_to_data(s) == {**SOLO, "existing_team": {"host": 2, "video": 1}}
    assert parse_scenario({**SOLO, "city_tier": "new_tier1"}, MODEL).city_tier is None  # the default
    with pytest.raises(ScenarioError) as caught:
        parse_scenario({"city_tier": "tier0", "existing_team": {"designer": 1, "host": -1, "video": 0.5}}, MODEL)
    paths = sorted(p.path for p in caught.value.problems)
    assert paths == ["city_tier", "existing_team.designer", "existing_team.host", "existing_team.video"]
    assert "allowed: tier1, new_tier1, tier2, tier3" in caught.value.report()


def test_comparison_counts_deltas_and_the_hiring_path_from_a_to_b() -> None:
    a, b = plan_for(SOLO), plan_for(LIVE)
    c = compare(a, b, MODEL)
    assert c.headcount_delta == b.total_headcount - a.total_headcount
    assert sum(r.delta for r in c.positions) == c.headcount_delta
    assert c.path.hires_count + c.path.covered_count == b.total_headcount
    assert c.path.covered_count <= a.total_headcount
    assert c.monthly_delta.typical == pytest.approx(c.b_cost.monthly.typical - c.a_cost.monthly.typical)  # type: ignore[union-attr]
    same = compare(b, b, MODEL)
    assert same.headcount_delta == 0 and same.path.hires == () and all(r.delta == 0 for r in same.positions)
    data = founder_data(a, MODEL, b)["compare"]
    assert data["b"]["total_headcount"] == b.total_headcount
    assert data["summary"]["en"].endswith("/month") and "+" in data["summary"]["zh"]


def test_share_links_carry_plan_b_after_vs() -> None:
    a, b = parse_scenario(SOLO, MODEL), parse_scenario(LIVE, MODEL)
    fragment = encode_pair(a, b)
    assert fragment.startswith("scenario=") and "&vs=" in fragment
    assert decode_pair("#" + fragment, MODEL) == (a, b)
    assert decode_pair(encode_pair(a, None), MODEL) == (a, None)
    assert split_vs("scenario=x&vs=y") == ("scenario=x", "y")
    assert vs_of_url("http://x/calculator/#" + fragment, MODEL) == b
    assert vs_of_url("http://x/calculator/#scenario=abc&vs=@@", MODEL) is None


@pytest.mark.parametrize(
    ("vs", "message"),
    [
        ("@@@", "damaged"),
        ("", "empty"),
        (base64.urlsafe_b64encode(json.dumps({"city_tier": "x"}).encode()).decode(), "city_tier"),
        (base64.urlsafe_b64encode(json.dumps({"existing_team": {"host": -2}}).encode()).decode(), "existing_team.host"),
    ],
)
def test_a_malformed_vs_names_the_field(vs: str, message: str) -> None:
    a = encode_pair(parse_scenario(SOLO, MODEL), None)
    with pytest.raises(ShareLinkError) as caught:
        decode_pair(f"{a}&vs={vs}", MODEL)
    assert caught.value.reason == "compare"
    assert str(caught.value).startswith("vs (the plan B to compare with)") and message in str(caught.value)
    with pytest.raises(ShareLinkError, match="more than one"):
        decode_pair(f"{a}&vs=x&vs=y", MODEL)


def test_calibration_panel_costs_by_tier_are_finite_and_ordered() -> None:
    for case in PANEL:
        costs = [plan_cost(plan_for(replace(case.scenario, city_tier=t.id)), MODEL) for t in COST.tiers]
        typical = [c.monthly.typical for c in costs if c is not None]
        assert typical == sorted(typical, reverse=True) and all(math.isfinite(v) and v > 0 for v in typical)


def _monthly(scenario: dict[str, Any]) -> Money:
    cost = plan_cost(plan_for(scenario), MODEL)
    assert cost is not None
    return cost.monthly


@settings(max_examples=150, deadline=None)
@given(scenarios, st.sampled_from(NUMERIC_INPUTS), st.floats(0.01, 3))
def test_property_more_work_never_lowers_the_cost(base: dict[str, Any], path_steps: Any, factor: float) -> None:
    path, steps = path_steps
    node: Any = base
    for key in path:
        node = node.get(key, 0) if isinstance(node, dict) else 0
    current = float(node or 0)
    bigger = min(current + max(current * factor, steps[1]), steps[-1] * 2)
    limit = {"live_hours_per_week": 168, "service_hours_per_week": 168, "campaigns_per_year": 52}.get(path[-1])
    bigger = min(bigger, limit) if limit is not None else bigger
    if path[-1] in ("campaigns_per_year", "groups", "contacts"):
        bigger = int(bigger)
    if bigger <= current:
        return
    before, after = _monthly(base), _monthly(_set(base, path, bigger))
    for end in ("low", "typical", "high"):
        assert before.at(end) <= after.at(end) + 1e-6, (path, current, bigger, end, before, after)


ROLES = [r.id for r in PLAYBOOK.roles]


@settings(max_examples=60, deadline=None)
@given(scenarios, st.dictionaries(st.sampled_from(ROLES), st.integers(0, 4)), st.sampled_from(ROLES))
def test_property_more_people_in_place_never_means_more_hires(
    base: dict[str, Any], team: dict[str, int], extra: str
) -> None:
    def hires(people: dict[str, int]) -> int:
        plan = plan_for({**base, "existing_team": people})
        return fit(MODEL, plan, existing_people(plan), None).hires_count

    more = {**team, extra: team.get(extra, 0) + 1}
    assert hires(more) <= hires(team) <= hires({}) == plan_for(base).total_headcount


@pytest.mark.parametrize(("path", "steps"), NUMERIC_INPUTS, ids=lambda v: ".".join(v) if isinstance(v, tuple) else "")
def test_each_input_swept_upwards_never_lowers_the_cost(path: tuple[str, ...], steps: list[float]) -> None:
    base: dict[str, Any] = {**LIVE, "private_domain": {"groups": 5}, "comments_per_week": 200, "goals": ["conversion"]}
    costs = [_monthly(_set(base, path, value)) for value in steps]
    for end in ("low", "typical", "high"):
        values = [c.at(end) for c in costs]
        assert all(a <= b + 1e-6 for a, b in zip(values, values[1:], strict=False)), (path, end, values)


def test_the_calculator_page_links_every_preset_to_its_own_share_link() -> None:
    from calculator.engine.share import decode, share_fragment
    from calculator.pages.calculator_page import calculator_html

    assert len(MODEL.presets) >= 5 and all(p.description.zh and p.description.en for p in MODEL.presets)
    page = calculator_html(MODEL, PLAYBOOK, "zh")
    for preset in MODEL.presets:
        # a shared link's form: the scenario, the model version and its numbers (no "other model" notice)
        fragment = share_fragment(size(parse_scenario(preset.scenario, MODEL), MODEL))
        assert f'href="#{fragment.replace("&", "&amp;")}"' in page and f'data-preset="{preset.id}"' in page
        assert decode(fragment, MODEL) == parse_scenario(preset.scenario, MODEL)
    assert 'name="city_tier"' in page and 'name="existing_team.host"' in page
