"""A founder's plan as JSON-able data: ``cost``, ``existing_team``, ``hires`` and ``compare``.

Added to the plan's JSON (:func:`.sizing.plan_data.plan_to_data`) by the CLI and the browser.
Money is in CNY a month unless a key says ``annual``, rounded to the fen. Standard library only.
"""

from __future__ import annotations

from typing import Any

from .compare import Comparison, compare
from .founder_words import FounderWords
from .scenario import scenario_to_data
from .sizing.cost import Money, PlanCost, plan_cost
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.team import Hire, Person, TeamFit, existing_people, fit
from .sizing.wording import LANGS


def money_data(m: Money) -> dict[str, float]:
    return {"low": round(m.low, 2), "typical": round(m.typical, 2), "high": round(m.high, 2)}


def _texts(model: SizingModel, decimals: int, make: Any) -> dict[str, str]:
    return {lang: make(FounderWords(model, lang, decimals)) for lang in LANGS}


def cost_to_data(cost: PlanCost, plan: Plan, model: SizingModel) -> dict[str, Any]:
    d = plan.decimals
    return {
        "currency": cost.currency,
        "city_tier": cost.tier,
        "on_cost_rate": money_data(cost.on_cost_rate),
        "months_per_year": money_data(cost.months_per_year),
        "monthly_total": money_data(cost.monthly),
        "annual_total": money_data(cost.annual),
        "unpriced_roles": list(cost.unpriced),
        "monthly_breakdown": {
            "base": money_data(cost.base),
            "on_costs": money_data(cost.on_costs),
            "variable": money_data(cost.variable),
        },
        "positions": [
            {
                "title": _texts(model, d, lambda w, i=row.position: w.words.title(plan.positions[i], w.lang)),
                "roles": list(plan.positions[row.position].roles),
                "kind": plan.positions[row.position].kind,
                "people": round(row.people, d),
                "paid_as": row.person.role,
                "per_person_monthly": money_data(row.person.monthly),
                "monthly": money_data(row.monthly),
                "annual": money_data(Money(*(row.monthly.at(e) * cost.months_per_year.at(e) for e in _ENDS))),
            }
            for row in cost.positions
        ],
    }


_ENDS = ("low", "typical", "high")


def _group(model: SizingModel, person: Person, count: int) -> dict[str, Any]:
    return {"roles": list(person.roles), "count": count}


def hires_to_data(hires: tuple[Hire, ...], plan: Plan, model: SizingModel) -> list[dict[str, Any]]:
    return [
        {
            "step": h.step,
            "title": _texts(model, plan.decimals, lambda w, i=h.position: w.words.title(plan.positions[i], w.lang)),
            "roles": list(plan.positions[h.position].roles),
            "count": h.people,
            "monthly_cost": money_data(h.cost),
            "cumulative_monthly_cost": money_data(h.cumulative),
        }
        for h in hires
    ]


def team_to_data(team: TeamFit, plan: Plan, model: SizingModel) -> dict[str, Any]:
    return {
        "given": {role: n for role, n in plan.scenario.existing_team},
        "covered": [
            {
                "title": _texts(model, plan.decimals, lambda w, i=c.position: w.words.title(plan.positions[i], w.lang)),
                "roles": list(plan.positions[c.position].roles),
                "seats": c.seats,
                "covered": c.covered,
                "by": [_group(model, team.people[i], n) for i, n in c.filled],
            }
            for c in team.covers
            if c.covered
        ],
        "unused": [_group(model, team.people[i], n) for i, n in team.unused],
        "hires_count": team.hires_count,
        "added_monthly_cost": money_data(team.added_monthly),
    }


def compare_to_data(c: Comparison, model: SizingModel) -> dict[str, Any]:
    def side(plan: Plan, cost: PlanCost | None) -> dict[str, Any]:
        return {
            "scenario": scenario_to_data(plan.scenario),
            "total_headcount": plan.total_headcount,
            "total_fte": round(plan.total_fte, plan.decimals),
            "monthly_total": money_data(cost.monthly) if cost else None,
        }

    d = c.b.decimals
    return {
        "a": side(c.a, c.a_cost),
        "b": side(c.b, c.b_cost),
        "delta": {
            "total_headcount": c.headcount_delta,
            "total_fte": round(c.fte_delta, d),
            "monthly_total": money_data(c.monthly_delta),
        },
        "positions": [
            {
                "title": _texts(model, d, lambda w, r=r: w.delta_title(c, r)),
                "roles": list(r.roles),
                "a": r.a,
                "b": r.b,
                "delta": r.delta,
            }
            for r in c.positions
        ],
        "summary": _texts(model, d, lambda w: w.changes(c)),
        "hires": hires_to_data(c.path.hires, c.b, model),
        "released": [_group(model, c.path.people[i], n) for i, n in c.path.unused],
    }


def founder_data(plan: Plan, model: SizingModel, vs: Plan | None = None) -> dict[str, Any]:
    """What a founder's plan adds: ``cost``, ``existing_team`` (when given), ``hires``, ``compare`` (with ``vs``)."""
    cost = plan_cost(plan, model)
    team = fit(model, plan, existing_people(plan), cost)
    out: dict[str, Any] = {}
    if cost is not None:
        out["cost"] = cost_to_data(cost, plan, model)
    if plan.scenario.existing_team:
        out["existing_team"] = team_to_data(team, plan, model)
    out["hires"] = hires_to_data(team.hires, plan, model)
    if vs is not None:
        out["compare"] = compare_to_data(compare(plan, vs, model), model)
    return out
