"""The founder sections of the CSV and Markdown exports: cost, the team you have, hires, comparison.

The CSV gains header rows and columns of its one positions table (:func:`.export.plan_to_csv`); the
Markdown gains sections after the hiring order (:func:`.export.plan_to_markdown`).
Markdown cells go through the export's own escaping (``cell``). Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable

from .compare import Comparison, compare
from .founder_words import FounderWords, money, money_range, signed, signed_money
from .sizing.cost import PlanCost, plan_cost
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.team import TeamFit, existing_people, fit


def _parts(plan: Plan, model: SizingModel, vs: Plan | None) -> tuple[PlanCost | None, TeamFit, Comparison | None]:
    cost = plan_cost(plan, model)
    return cost, fit(model, plan, existing_people(plan), cost), (compare(plan, vs, model) if vs else None)


def founder_csv_header(plan: Plan, model: SizingModel, lang: str, vs: Plan | None = None) -> list[list[str]]:
    """Header-block rows (what, value): city tier, monthly and annual cost, hires left and what they add,
    and with ``vs`` plan B's totals and the change from A."""
    w = FounderWords(model, lang, plan.decimals)
    ui, (cost, team, c) = w.ui, _parts(plan, model, vs)
    rows: list[list[str]] = []
    if cost is not None:
        rows.append([ui["cost"], w.tier(cost.tier)[0]])
        for period, amount in ((ui["monthly"], cost.monthly), (ui["annual"], cost.annual)):
            rows += [[f"{ui['cost']}: {period} ({ui[e]})", str(round(amount.at(e)))] for e in _ENDS]
    rows.append([ui["hires"], str(team.hires_count)])
    rows.append([f"{ui['hires']}: {ui['monthly']} ({ui['typical']})", str(round(team.added_monthly.typical))])
    if c is not None:
        rows.append([f"{ui['compare']}: {ui['headcount']} (B)", str(c.b.total_headcount)])
        rows.append([f"{ui['compare']}: {ui['headcount']} ({ui['col_delta']})", signed(c.headcount_delta, 0)])
        if c.a_cost and c.b_cost:
            rows.append([f"{ui['compare']}: {ui['cost_month']} (B)", str(round(c.b_cost.monthly.typical))])
            delta = signed_money(c.monthly_delta.typical)
            rows.append([f"{ui['compare']}: {ui['cost_month']} ({ui['col_delta']})", delta])
        steps = [f"{h.step}. {w.words.title(c.b.positions[h.position], lang)} ×{h.people}" for h in c.path.hires]
        rows.append([ui["path"], "; ".join(steps) or ui["no_path"]])
    return rows


def compare_path(plan: Plan, vs: Plan, model: SizingModel) -> TeamFit:
    """Plan B's positions filled first by plan A's people: what remains is the hiring from A to B."""
    return compare(plan, vs, model).path


def founder_csv_columns(
    plan: Plan, model: SizingModel, lang: str, team: TeamFit | None = None
) -> tuple[list[str], list[list[str]]]:
    """Columns the positions table gains, and their cells per position (in ``plan.positions`` order): people
    already there, people to hire, and the position's monthly cost (low, typical, high) when priced.
    ``team``: who is already there (plan B of a comparison: plan A's people, :attr:`.compare.Comparison.path`)."""
    w = FounderWords(model, lang, plan.decimals)
    ui, (cost, own, _) = w.ui, _parts(plan, model, None)
    team = team or own
    covered = {cover.position: cover.covered for cover in team.covers}
    hired = {hire.position: hire.people for hire in team.hires}
    head = [ui["covered"], ui["hires"]]
    if cost is not None:
        head += [f"{ui['monthly']} ({ui[e]})" for e in _ENDS]
    priced = {row.position: row.monthly for row in cost.positions} if cost is not None else {}
    rows = []
    for i in range(len(plan.positions)):
        row = [str(covered.get(i, 0)), str(hired.get(i, 0))]
        if cost is not None:
            row += [str(round(priced[i].at(e))) if i in priced else "" for e in _ENDS]
        rows.append(row)
    return head, rows


_ENDS = ("low", "typical", "high")


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
