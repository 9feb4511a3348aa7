"""The methodology page's "people cost" section and each role page's pay band, from sizing.yaml's ``cost``.

The figures are the very :class:`~calculator.engine.sizing.costdata.Figure` objects the engine prices
plans with; the calibration panel's costs by city tier are computed by the engine. Every data string
goes through :func:`md_text`; ids appear in code spans.
"""

from __future__ import annotations

from dataclasses import replace

from ..datafiles.calibration import Case
from ..engine.founder_words import money
from ..engine.sizing.cost import plan_cost, role_cost
from ..engine.sizing.costdata import CostModel, Figure
from ..engine.sizing.model import SizingModel
from ..engine.sizing.plan import size
from ..engine.sizing.specs import URL_PATTERN
from . import md_text, md_url

ANCHOR = "cost"
UI = {
    "zh": {
        "title": "人力成本",
        "intro": "计算器按城市等级给出每月与每年的人力成本（低 / 典型 / 高）。一个岗位的月费率 = 薪酬带 × 城市系数 ×"
        "（1 + 单位社保公积金费率）+ 浮动薪酬。方案成本 = Σ 各岗位 FTE × 该岗位费率 +（总人数 − Σ FTE）× 最低岗位费率："
        "每个岗位的工作按该岗位计价，凑整到整人的余量按最低费率计（没有人拿得比最便宜的岗位少），"
        "因此工作量增加时成本不会下降。三个端点各取所有数字的同一端。薪酬带为参照等级（{ref}）的税前月薪。",
        "tiers": "城市等级与薪酬系数",
        "bands": "各岗位薪酬带（税前月薪，元）",
        "on_costs": "社保、公积金与发薪月数",
        "variable": "浮动薪酬",
        "calibration": "校准场景的月成本（典型值，元/月）",
        "col_tier": "城市等级",
        "col_cities": "代表城市",
        "col_factor": "系数",
        "col_role": "岗位",
        "col_ref": "参照等级 低–典型–高",
        "col_grade": "依据",
        "col_source": "出处与日期",
        "col_item": "项目",
        "col_value": "数值",
        "col_scenario": "场景",
        "col_people": "人数",
        "role_title": "薪酬与成本",
        "role_band": "税前月薪（{tier}）：{low}–{high}，典型 {typical} {grade}；单位社保公积金约 {rate}。",
        "role_tiers": "各城市等级的典型月成本（含社保公积金与浮动薪酬）：",
        "role_variable": "浮动薪酬：{label} {value} {grade}。",
        "role_none": "sizing.yaml 中尚无该岗位的薪酬带。",
        "role_more": "出处与各等级系数见[测算方法：人力成本]({link}#cost)。",
        "adapted": "据出处调整",
    },
    "en": {
        "title": "People cost",
        "intro": (
            "The calculator gives the monthly and annual people cost (low / typical / high) by city tier. "
            "A role's monthly rate = its pay band × the tier's factor × (1 + the employer's on-cost rate) "
            "+ its variable pay. A plan costs Σ FTE(role) × rate(role) + (headcount − Σ FTE) × the cheapest "
            "rate: each role's work at its own rate, the rounding up to whole people at the cheapest (nobody "
            "is paid less than the cheapest job), so more work never lowers the cost. Each end takes every "
            "figure at that end. Pay bands are monthly gross pay at the reference tier ({ref})."
        ),
        "tiers": "City tiers and pay factors",
        "bands": "Pay bands by role (monthly gross, CNY)",
        "on_costs": "Social insurance, housing fund and months of pay",
        "variable": "Variable pay",
        "calibration": "Monthly cost of the calibration scenarios (typical, CNY a month)",
        "col_tier": "City tier",
        "col_cities": "Cities",
        "col_factor": "Factor",
        "col_role": "Role",
        "col_ref": "Reference tier low–typical–high",
        "col_grade": "Basis",
        "col_source": "Source and date",
        "col_item": "Item",
        "col_value": "Value",
        "col_scenario": "Scenario",
        "col_people": "People",
        "role_title": "Pay and cost",
        "role_band": "Monthly gross pay ({tier}): {low}–{high}, typically {typical} {grade}; employer on-costs about "
        "{rate}.",
        "role_tiers": "Typical monthly cost by city tier (with on-costs and variable pay):",
        "role_variable": "Variable pay: {label} {value} {grade}.",
        "role_none": "sizing.yaml has no pay band for this role yet.",
        "role_more": "Sources and tier factors: [methodology: people cost]({link}#cost).",
        "adapted": "adapted",
    },
}


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows), ""]


def _pct(value: float) -> str:
    return f"{round(value * 100, 1):g}%"


def provenance(f: Figure, lang: str) -> tuple[str, str]:
    """(grade, source and date) of a cost figure: [S], [S-] or [A] with the assumption's note."""
    if f.source is None:
        note = md_text(f.note[lang]) if f.note else ""
        return "[A]", f"{note} ({md_text(f.dated)})"
    title = md_text(f.source.title)
    if f.source.url and URL_PATTERN.match(f.source.url):
        title = f"[{title}]({md_url(f.source.url)})"
    note = f": {md_text(f.source.note[lang])}" if f.source.note else ""
    adapted = f" ({UI[lang]['adapted']})" if f.source.adapted else ""
    return f"[{f.source.grade}]", f"{title}, {md_text(f.source.date)}{note}{adapted}"


def _band(f: Figure) -> str:
    return f"{money(f.at('low'))}–{money(f.typical)}–{money(f.at('high'))}"


def _calibration(m: SizingModel, cost: CostModel, panel: tuple[Case, ...], lang: str) -> list[str]:
    ui = UI[lang]
    head = [ui["col_scenario"], ui["col_people"], *(t.name[lang] for t in cost.tiers)]
    rows = []
    for case in panel:
        plans = [size(replace(case.scenario, city_tier=t.id), m) for t in cost.tiers]
        costs = [plan_cost(p, m) for p in plans]
        cells = [money(c.monthly.typical) if c else "—" for c in costs]
        rows.append([md_text(case.name[lang]), str(plans[0].total_headcount), *cells])
    return _table([md_text(h) for h in head], rows)


def cost_section(m: SizingModel, lang: str, panel: tuple[Case, ...] = ()) -> list[str]:
    """The methodology page's section on people cost, as Markdown lines."""
    cost = m.cost
    if cost is None:
        return []
    ui = UI[lang]
    ref = cost.tier(cost.reference_tier).name[lang]
    lines = ["", f"## {ui['title']} {{#{ANCHOR}}}", "", ui["intro"].format(ref=md_text(ref)), ""]
    lines += [f"### {ui['tiers']}", ""]
    rows = []
    for t in cost.tiers:
        grade, source = provenance(t.factor, lang)
        rows.append(
            [md_text(t.name[lang]) + f" `{t.id}`", md_text(t.cities[lang]), f"{t.factor.typical:g}", grade, source]
        )
    lines += _table([ui["col_tier"], ui["col_cities"], ui["col_factor"], ui["col_grade"], ui["col_source"]], rows)
    lines += [f"### {ui['bands']}", ""]
    rows = []
    for role, band in cost.salaries:
        grade, source = provenance(band, lang)
        name = md_text(m.role(role).name[lang]) if role in m.role_ids else f"`{role}`"
        rows.append([name, _band(band), grade, source])
    lines += _table([ui["col_role"], ui["col_ref"], ui["col_grade"], ui["col_source"]], rows)
    lines += [f"### {ui['on_costs']}", "", md_text(cost.on_cost_basis[lang]), ""]
    rows = []
    for f, shown in ((cost.on_costs, _pct), (cost.months_per_year, lambda v: f"{v:g}")):
        grade, source = provenance(f, lang)
        value = f"{shown(f.at('low'))}–{shown(f.typical)}–{shown(f.at('high'))}"
        rows.append([md_text(f.label[lang]), value, grade, source])
    lines += _table([ui["col_item"], ui["col_value"], ui["col_grade"], ui["col_source"]], rows)
    if cost.variable_pay:
        lines += [f"### {ui['variable']}", ""]
        rows = []
        for _, f in cost.variable_pay:
            grade, source = provenance(f, lang)
            value = f"{_pct(f.at('low'))}–{_pct(f.typical)}–{_pct(f.at('high'))}"
            rows.append([md_text(f.label[lang]), value, grade, source])
        lines += _table([ui["col_item"], ui["col_value"], ui["col_grade"], ui["col_source"]], rows)
    if panel:
        lines += [f"### {ui['calibration']}", ""] + _calibration(m, cost, panel, lang)
    return lines


def role_cost_section(m: SizingModel, role_id: str, lang: str, link: str) -> list[str]:
    """A role page's pay band, its cost by city tier and the variable pay, as Markdown lines."""
    cost = m.cost
    if cost is None:
        return []
    ui = UI[lang]
    lines = ["", f"### {ui['role_title']}", ""]
    band = cost.salary(role_id)
    if band is None:
        return [*lines, ui["role_none"], ""]
    grade, _ = provenance(band, lang)
    tier = md_text(cost.tier(cost.reference_tier).name[lang])
    lines.append(
        ui["role_band"].format(
            tier=tier,
            low=money(band.at("low")),
            high=money(band.at("high")),
            typical=money(band.typical),
            grade=grade,
            rate=_pct(cost.on_costs.typical),
        )
    )
    extra = cost.variable(role_id)
    if extra is not None:
        lines += [
            "",
            ui["role_variable"].format(
                label=md_text(extra.label[lang]), value=_pct(extra.typical), grade=provenance(extra, lang)[0]
            ),
        ]
    lines += ["", ui["role_tiers"], ""]
    for t in cost.tiers:
        person = role_cost(cost, role_id, t.id)
        if person is not None:
            lines.append(f"- {md_text(t.name[lang])}: {money(person.monthly.typical)}")
    lines += ["", ui["role_more"].format(link=link), ""]
    return lines
