"""The founder sections of the CSV and Markdown exports: cost, the team you have, hires, comparison.

Called from one line in each of :func:`.export.plan_to_csv` and :func:`.export.plan_to_markdown`.
Markdown cells go through the export's own escaping (``cell``). Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .compare import Comparison, compare
from .founder_words import FounderWords, money, money_range, signed, signed_money
from .sizing.cost import PlanCost, plan_cost
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.team import TeamFit, existing_people, fit


def _parts(plan: Plan, model: SizingModel, vs: Plan | None) -> tuple[PlanCost | None, TeamFit, Comparison | None]:
    cost = plan_cost(plan, model)
    return cost, fit(model, plan, existing_people(plan), cost), (compare(plan, vs, model) if vs else None)


def founder_csv(writer: Any, plan: Plan, model: SizingModel, lang: str, vs: Plan | None = None) -> None:
    """Rows for ``writer`` (a :func:`csv.writer`): cost, existing team, hires, comparison, each after a blank row."""
    w = FounderWords(model, lang, plan.decimals)
    ui, (cost, team, c) = w.ui, _parts(plan, model, vs)
    if cost is not None:
        tier, _ = w.tier(cost.tier)
        writer.writerow([])
        writer.writerow([ui["cost"], tier, ui["low"], ui["typical"], ui["high"]])
        for i, row in enumerate(cost.positions):
            title = w.words.title(plan.positions[i], lang)
            writer.writerow([title, w.words.n(row.people), *(round(row.monthly.at(e)) for e in _ENDS)])
        writer.writerow([ui["monthly"], plan.total_headcount, *(round(cost.monthly.at(e)) for e in _ENDS)])
        writer.writerow([ui["annual"], "", *(round(cost.annual.at(e)) for e in _ENDS)])
    if plan.scenario.existing_team:
        writer.writerow([])
        writer.writerow([ui["covered"], ui["people"], ""])
        for cover in (x for x in team.covers if x.covered):
            title = w.words.title(plan.positions[cover.position], lang)
            writer.writerow([title, f"{cover.covered}/{cover.seats}", w.people(team.people, cover.filled)])
    _csv_hires(writer, w, ui["hires"], plan, team)
    if c is not None:
        writer.writerow([])
        writer.writerow([ui["compare"], ui["col_a"], ui["col_b"], ui["col_delta"]])
        writer.writerow([ui["headcount"], c.a.total_headcount, c.b.total_headcount, signed(c.headcount_delta, 0)])
        writer.writerow([ui["fte"], w.words.n(c.a.total_fte), w.words.n(c.b.total_fte), signed(c.fte_delta, 4)])
        if c.a_cost and c.b_cost:
            a, b = round(c.a_cost.monthly.typical), round(c.b_cost.monthly.typical)
            writer.writerow([ui["cost_month"], a, b, signed(b - a, 0)])
        for r in c.positions:
            writer.writerow([w.delta_title(c, r), r.a, r.b, signed(r.delta, 0)])
        _csv_hires(writer, w, ui["path"], c.b, c.path)


_ENDS = ("low", "typical", "high")


def _csv_hires(writer: Any, w: FounderWords, heading: str, plan: Plan, team: TeamFit) -> None:
    writer.writerow([])
    writer.writerow([heading, w.ui["people"], w.ui["monthly"], "Σ"])
    for h in team.hires:
        title = w.words.title(plan.positions[h.position], w.lang)
        writer.writerow([f"{h.step}. {title}", h.people, round(h.cost.typical), round(h.cumulative.typical)])


def founder_markdown(
    plan: Plan, model: SizingModel, lang: str, cell: Callable[[str], str], vs: Plan | None = None
) -> list[str]:
    """Markdown lines: cost, the team you have, hires and (with ``vs``) the comparison."""
    w = FounderWords(model, lang, plan.decimals)
    ui, (cost, team, c) = w.ui, _parts(plan, model, vs)
    lines: list[str] = []
    if cost is not None:
        tier, cities = w.tier(cost.tier)
        rate = f"{w.words.n(cost.on_cost_rate.typical * 100)}%"
        lines += [f"## {ui['cost']}", "", cell(ui["cost_intro"].format(tier=tier, cities=cities, rate=rate)), ""]
        lines += [f"| | {ui['low']} | {ui['typical']} | {ui['high']} |", "| --- | ---: | ---: | ---: |"]
        lines.append(f"| {ui['monthly']} | " + " | ".join(money(cost.monthly.at(e)) for e in _ENDS) + " |")
        lines.append(f"| {ui['annual']} | " + " | ".join(money(cost.annual.at(e)) for e in _ENDS) + " |")
        lines += ["", f"| {ui['position']} | {ui['people']} | {ui['position_cost']} |", "| --- | ---: | ---: |"]
        for i, row in enumerate(cost.positions):
            title = cell(w.words.title(plan.positions[i], lang))
            lines.append(f"| {title} | {w.words.n(row.people)} | {money_range(row.monthly)} |")
        lines.append("")
    lines += [f"## {ui['team']}", ""]
    for cover in (x for x in team.covers if x.covered):
        title = w.words.title(plan.positions[cover.position], lang)
        by = w.people(team.people, cover.filled)
        lines.append(
            "- " + cell(ui["covered_item"].format(title=title, covered=cover.covered, seats=cover.seats, by=by))
        )
    lines += ["", f"### {ui['hires']}", ""]
    lines += _md_hires(w, plan, team, ui["hire_item"], cell) or [cell(ui["no_hires"])]
    m = team.added_monthly
    lines += ["", cell(ui["added"].format(cost=money(m.typical), low=money(m.low), high=money(m.high))), ""]
    if c is not None:
        lines += [f"## {ui['compare']}", "", cell(ui["summary"].format(changes=w.changes(c))), ""]
        lines += [f"| | A | B | {ui['col_delta']} |", "| --- | ---: | ---: | ---: |"]
        lines.append(
            f"| {ui['headcount']} | {c.a.total_headcount} | {c.b.total_headcount} | {signed(c.headcount_delta, 0)} |"
        )
        if c.a_cost and c.b_cost:
            a, b = money(c.a_cost.monthly.typical), money(c.b_cost.monthly.typical)
            lines.append(f"| {ui['cost_month']} | {a} | {b} | {signed_money(c.monthly_delta.typical)} |")
        lines += [f"| {cell(w.delta_title(c, r))} | {r.a} | {r.b} | {signed(r.delta, 0)} |" for r in c.positions]
        lines += ["", f"### {ui['path']}", ""]
        lines += _md_hires(w, c.b, c.path, ui["path_item"], cell) or [cell(ui["no_path"])]
        lines.append("")
    return lines


def _md_hires(w: FounderWords, plan: Plan, team: TeamFit, template: str, cell: Callable[[str], str]) -> list[str]:
    out = []
    for h in team.hires:
        title = w.words.title(plan.positions[h.position], w.lang)
        text = template.format(
            title=title, n=h.people, cost=money(h.cost.typical), cumulative=money(h.cumulative.typical)
        )
        out.append(f"{h.step}. {cell(text)}")
    return out
