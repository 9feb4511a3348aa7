"""A plan as JSON-able data (the CLI's JSON and the browser's answer): the keys of model 1.x, plus the new ones.

Keys kept from 1.x: scenario, total_headcount, total_fte, execution_headcount, dedicated_lead,
lead_decision, productive_hours, roles, positions, hiring_order, peak. Added in 2.0: model_version,
total_headcount_range, headcount_range_note, warnings, and per position kind / part_time / counted,
per peak headcount / extra_people / weeks_per_year / cover.
"""

from __future__ import annotations

from typing import Any

from ..model import Text
from ..scenario import scenario_to_data
from .model import SizingModel
from .plan import Plan
from .wording import LANGS, Wording


def _text(make: Any) -> dict[str, str]:
    return {lang: make(lang) for lang in LANGS}


def plan_to_data(plan: Plan, model: SizingModel) -> dict[str, Any]:
    """The plan as JSON-able data: fixed key order, floats rounded to the model's decimals."""
    w = Wording(model, plan.decimals)

    def r(value: float) -> float:
        return round(value, plan.decimals)

    def title(i: int) -> dict[str, str]:
        return _text(lambda lang: w.title(plan.positions[i], lang))

    positions = [
        {
            "title": title(i),
            "roles": list(p.roles),
            "shares": {role: r(v) for role, v in p.shares},
            "fte": r(p.fte),
            "count": p.count,
            "combined": p.kind == "combined",
            "kind": p.kind,
            "part_time": p.part_time,
            "counted": p.kind != "outsourced",
            "leads": p.leads,
            "reason": _text(lambda lang, p=p: w.reason(p, plan, lang)),
        }
        for i, p in enumerate(plan.positions)
    ]
    pk = plan.peak
    return {
        "model_version": plan.model_version,
        "scenario": scenario_to_data(plan.scenario),
        "total_headcount": plan.total_headcount,
        "total_headcount_range": list(plan.headcount_range),
        "headcount_range_note": _text(lambda lang: w.headcount_range(plan, lang)),
        "total_fte": r(plan.total_fte),
        "execution_headcount": plan.leadership.execution_headcount,
        "dedicated_lead": plan.dedicated_lead,
        "lead_decision": _text(lambda lang: w.lead_decision(plan, lang)),
        "warnings": [
            {"id": wn.id, **{lang: text for lang, text in zip(LANGS, texts, strict=True)}}
            for wn, texts in zip(
                plan.warnings, zip(w.warnings(plan, "zh"), w.warnings(plan, "en"), strict=True), strict=True
            )
        ],
        "productive_hours": {"production": r(plan.productive_hours), "coverage": r(plan.productive_hours)},
        "roles": {
            role.id: {
                "title": model.role(role.id).name.to_data(),
                "group": model.role(role.id).group,
                "fte": r(role.fte),
                "weight": r(role.weight),
                "weighted_by": list(role.weighted_by),
                "production_hours": r(role.production_hours),
                "coverage_hours": r(role.coverage_hours),
                "formula": _text(lambda lang, role=role: w.role_formula(plan, role.id, lang)),
                "drivers": [
                    {
                        "id": d.id,
                        "label": d.label.to_data(),
                        "kind": d.kind,
                        "inputs": {d.quantity_id: r(d.quantity), d.rate_path: r(d.rate)},
                        "hours_per_week": r(d.hours_per_week),
                        "counted": d.counted,
                        "formula": _text(lambda lang, d=d: w.driver_formula(d, lang)),
                    }
                    for d in role.drivers
                ],
            }
            for role in plan.roles
        },
        "positions": positions,
        "hiring_order": [
            {
                "step": s.step,
                "title": title(s.position),
                "roles": list(plan.positions[s.position].roles),
                "count": s.count,
                "reason": positions[s.position]["reason"],
            }
            for s in plan.hiring_order
        ],
        "peak": None
        if pk is None
        else {
            "campaigns_per_year": pk.campaigns_per_year,
            "weeks": pk.weeks_each,
            "weeks_per_year": pk.weeks_per_year,
            "multiplier": r(pk.multiplier),
            "roles": {role: r(v) for role, v in pk.roles},
            "total_fte": r(pk.total_fte),
            "extra_fte": r(pk.extra_fte),
            "headcount": pk.headcount,
            "extra_people": pk.extra_people,
            "cover": pk.cover,
            "formula": _text(lambda lang: w.peak(plan, lang)),
        },
    }


__all__ = ["Text", "plan_to_data"]
