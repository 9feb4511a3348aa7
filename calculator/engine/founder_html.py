"""The result's founder sections as HTML: people cost, the team you have and the hires, plan A vs B.

Called from one line of :func:`.result_html.ResultRenderer.render`. Built with ElementTree
(:mod:`.html`), which escapes every text, like the rest of the result. Standard library only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .compare import Comparison, compare
from .founder_words import FounderWords, money, money_range, signed, signed_money
from .html import TABLE_CLASS, element
from .share import share_fragment
from .sizing.cost import PlanCost, plan_cost
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.team import TeamFit, existing_people, fit


def _money_row(parent: ET.Element, label: str, values: list[float]) -> None:
    row = element(parent, "tr")
    element(row, "th", label, scope="row")
    for value in values:
        element(row, "td", money(value), class_="num")


def cost_section(root: ET.Element, plan: Plan, cost: PlanCost, w: FounderWords, methodology: str) -> None:
    ui, n = w.ui, w.words.n
    part = element(root, "section", None, class_="calc-section calc-section--cost")
    tier, cities = w.tier(cost.tier)
    element(part, "h3", f"{ui['cost']}（{tier}）" if w.lang == "zh" else f"{ui['cost']} ({tier})", id="calc-cost")
    rate = f"{n(cost.on_cost_rate.typical * 100)}%"
    element(part, "p", ui["cost_intro"].format(tier=tier, cities=cities, rate=rate))
    table = element(part, "table", None, class_=TABLE_CLASS)
    head = element(element(table, "thead"), "tr")
    for label in ("", ui["low"], ui["typical"], ui["high"]):
        element(head, "th", label, scope="col")
    body = element(table, "tbody")
    ends = ("low", "typical", "high")
    _money_row(body, ui["monthly"], [cost.monthly.at(e) for e in ends])
    _money_row(body, ui["annual"], [cost.annual.at(e) for e in ends])
    element(
        part,
        "p",
        ui["breakdown"].format(
            base=money(cost.base.typical), on=money(cost.on_costs.typical), variable=money(cost.variable.typical)
        ),
    )
    table = element(part, "table", None, class_=TABLE_CLASS)
    head = element(element(table, "thead"), "tr")
    for label in (ui["position"], ui["people"], ui["per_person"], ui["position_cost"]):
        element(head, "th", label, scope="col")
    body = element(table, "tbody")
    for row in cost.positions:
        tr = element(body, "tr")
        element(tr, "td", w.words.title(plan.positions[row.position], w.lang))
        element(tr, "td", n(row.people), class_="num")
        element(tr, "td", money(row.person.monthly.typical), class_="num")
        element(tr, "td", money_range(row.monthly), class_="num")
    foot = element(element(table, "tfoot"), "tr")
    element(foot, "th", ui["total"], scope="row")
    element(foot, "td", str(plan.total_headcount), class_="num")
    element(foot, "td", "")
    element(foot, "td", money_range(cost.monthly), class_="num")
    if cost.unpriced:
        names = ui["sep"].join(w.words.name(r, w.lang) for r in cost.unpriced)
        element(part, "p", ui["unpriced"].format(roles=names), class_="calc-warnings")
    note = element(part, "p", ui["cost_note"].format(months=n(cost.months_per_year.typical)) + " ", class_="calc-note")
    link = element(note, "a", ui["methodology"], href=methodology + "#cost")
    link.tail = "。" if w.lang == "zh" else "."


def _hire_list(parent: ET.Element, plan: Plan, team: TeamFit, w: FounderWords, template: str) -> None:
    items = element(parent, "ol", None, class_="calc-hires")
    for h in team.hires:
        title = w.words.title(plan.positions[h.position], w.lang)
        text = template.format(
            title=title, n=h.people, cost=money(h.cost.typical), cumulative=money(h.cumulative.typical)
        )
        element(items, "li", text)


def team_section(root: ET.Element, plan: Plan, team: TeamFit, w: FounderWords) -> None:
    ui = w.ui
    part = element(root, "section", None, class_="calc-section calc-section--team")
    element(part, "h3", ui["team"], id="calc-team")
    covered = [c for c in team.covers if c.covered]
    if covered:
        element(part, "h4", ui["covered"])
        items = element(part, "ul", None, class_="calc-covered")
        for c in covered:
            title = w.words.title(plan.positions[c.position], w.lang)
            by = w.people(team.people, c.filled)
            element(items, "li", ui["covered_item"].format(title=title, covered=c.covered, seats=c.seats, by=by))
    element(part, "h4", ui["hires"])
    if team.hires:
        _hire_list(part, plan, team, w, ui["hire_item"])
    else:
        element(part, "p", ui["no_hires"])
    if team.unused:
        element(part, "p", ui["unused"].format(who=w.people(team.people, team.unused)))
    m = team.added_monthly
    element(part, "p", ui["added"].format(cost=money(m.typical), low=money(m.low), high=money(m.high)))


def compare_section(root: ET.Element, c: Comparison, w: FounderWords, a_fragment: str) -> None:
    ui, d = w.ui, c.b.decimals
    part = element(root, "section", None, class_="calc-section calc-section--compare")
    element(part, "h3", ui["compare"], id="calc-compare")
    element(part, "p", ui["compare_intro"])
    element(part, "p", ui["summary"].format(changes=w.changes(c)), class_="calc-compare-summary")
    table = element(part, "table", None, class_=TABLE_CLASS)
    head = element(element(table, "thead"), "tr")
    for label in ("", ui["col_a"], ui["col_b"], ui["col_delta"]):
        element(head, "th", label, scope="col")
    body = element(table, "tbody")
    rows = [
        (ui["headcount"], str(c.a.total_headcount), str(c.b.total_headcount), signed(c.headcount_delta, 0)),
        (ui["fte"], w.words.n(c.a.total_fte), w.words.n(c.b.total_fte), signed(c.fte_delta, d)),
    ]
    if c.a_cost and c.b_cost:
        delta = signed_money(c.monthly_delta.typical)
        rows.append((ui["cost_month"], money(c.a_cost.monthly.typical), money(c.b_cost.monthly.typical), delta))
    rows += [(w.delta_title(c, r), str(r.a), str(r.b), signed(r.delta, 0)) for r in c.positions]
    for label, a, b, delta in rows:
        tr = element(body, "tr")
        element(tr, "th", label, scope="row")
        for value in (a, b, delta):
            element(tr, "td", value, class_="num")
    element(part, "h4", ui["path"])
    if c.path.hires:
        _hire_list(part, c.b, c.path, w, ui["path_item"])
    else:
        element(part, "p", ui["no_path"])
    if c.path.unused:
        element(part, "p", ui["released"].format(who=w.people(c.path.people, c.path.unused)))
    element(element(part, "p"), "a", ui["stop"], href="#" + a_fragment, class_="calc-compare-stop")


def founder_sections(
    root: ET.Element, plan: Plan, model: SizingModel, lang: str, methodology: str, vs: Plan | None = None
) -> None:
    """Cost, the team you have and the hires, and (with ``vs``) the comparison, appended to ``root``."""
    w = FounderWords(model, lang, plan.decimals)
    cost = plan_cost(plan, model)
    if cost is not None:
        cost_section(root, plan, cost, w, methodology)
    if plan.scenario.existing_team:  # without one, the hiring order above is the list of hires
        team_section(root, plan, fit(model, plan, existing_people(plan), cost), w)
    if vs is not None:
        compare_section(root, compare(plan, vs, model), w, share_fragment(plan))
