"""A plan as CSV and Markdown, for consultants to paste into a report. Standard library only."""

from __future__ import annotations

import csv
import io
import re

from .founder_export import founder_csv, founder_markdown
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.wording import Wording

HEADERS = {
    "zh": {
        "section_positions": "职位",
        "section_roles": "岗位",
        "position": "职位",
        "count": "人数",
        "fte": "FTE",
        "roles": "承担的岗位",
        "role": "岗位",
        "driver": "工时来源",
        "hours": "小时/周",
        "formula": "公式",
        "total": "合计",
        "title": "团队编制方案",
        "hiring": "招聘顺序",
        "peak": "大促冲刺期",
        "link": "方案链接",
        "range": "人数范围",
        "version": "模型版本",
        "people": "人",
    },
    "en": {
        "section_positions": "Positions",
        "section_roles": "Roles",
        "position": "Position",
        "count": "People",
        "fte": "FTE",
        "roles": "Roles carried",
        "role": "Role",
        "driver": "Driver",
        "hours": "h/week",
        "formula": "Formula",
        "total": "Total",
        "title": "Team plan",
        "hiring": "Hiring order",
        "peak": "Campaign peak",
        "link": "Link to this plan",
        "range": "Headcount range",
        "version": "Model version",
        "people": "people",
    },
}


def plan_to_csv(plan: Plan, model: SizingModel, lang: str, vs: Plan | None = None) -> str:
    """Two tables in one CSV: positions (with totals), then every role's drivers."""
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h["section_positions"], h["count"], h["fte"], h["roles"]])
    for p in plan.positions:
        carried = "; ".join(f"{w.name(role, lang)} {w.n(share)}" for role, share in p.shares)
        writer.writerow([w.title(p, lang), p.count, w.n(p.fte + p.lead_share), carried])
    writer.writerow([h["total"], plan.total_headcount, w.n(plan.total_fte), ""])
    writer.writerow(
        [
            h["range"],
            f"{plan.headcount_range[0]}-{plan.headcount_range[1]}",
            "",
            h["version"] + " " + plan.model_version,
        ]
    )
    writer.writerow([])
    writer.writerow([h["section_roles"], h["fte"], h["driver"], h["hours"], h["formula"]])
    for role in plan.roles:
        for driver in role.drivers:
            row = [w.name(role.id, lang), w.n(role.fte), driver.label[lang], w.n(driver.hours_per_week)]
            writer.writerow([*row, w.driver_formula(driver, lang)])
    founder_csv(writer, plan, model, lang, vs)
    return out.getvalue()


# CommonMark lets a backslash escape any ASCII punctuation: data text stays text in whatever
# Markdown tool the export is pasted into, and stays readable as plain text.
_INLINE = re.compile(r"([\\`*_\[\]{}<>&|~!#$^])")
_LINE_START = re.compile(r"\A(?:[-+=.]|\d+[.)])")
_LINE_BREAKS = re.compile("[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def _cell(text: str) -> str:
    """Data text as Markdown that renders as exactly that text, on one line (tables included)."""
    escaped = _INLINE.sub(r"\\\1", _LINE_BREAKS.sub(" ", text).strip())
    return _LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)


def plan_to_markdown(plan: Plan, model: SizingModel, lang: str, link: str = "", vs: Plan | None = None) -> str:
    """A plan a person can paste into a document: headline, range, positions, hiring order, peak, drivers."""
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    unit = h["people"]
    lines = [f"# {h['title']}: {plan.total_headcount} {unit} / {w.n(plan.total_fte)} FTE", ""]
    lines += [_cell(w.headcount_range(plan, lang)), "", _cell(w.lead_decision(plan, lang)), ""]
    lines += [f"- {_cell(text)}" for text in w.warnings(plan, lang)]
    if plan.warnings:
        lines.append("")
    if link:
        lines += [f"{h['link']}: <{link}>", ""]
    lines += [f"| {h['position']} | {h['count']} | {h['fte']} | {h['roles']} |", "| --- | ---: | ---: | --- |"]
    for p in plan.positions:
        carried = ", ".join(f"{w.name(role, lang)} {w.n(share)}" for role, share in p.shares)
        lines.append(f"| {_cell(w.title(p, lang))} | {p.count} | {w.n(p.fte + p.lead_share)} | {_cell(carried)} |")
    lines += [f"| **{h['total']}** | **{plan.total_headcount}** | **{w.n(plan.total_fte)}** | |", ""]
    lines += [f"## {h['hiring']}", ""]
    for s in plan.hiring_order:
        p = plan.positions[s.position]
        lines.append(f"{s.step}. **{_cell(w.title(p, lang))} ×{s.count}**: {_cell(w.reason(p, plan, lang))}")
    lines += ["", *founder_markdown(plan, model, lang, _cell, vs)]
    if plan.peak:
        lines += ["", f"## {h['peak']}", "", _cell(w.peak(plan, lang))]
    lines += ["", f"## {h['section_roles']}", ""]
    for role in plan.roles:
        if not role.drivers:
            continue
        lines += [
            f"### {_cell(w.name(role.id, lang))}: {w.n(role.fte)} FTE",
            "",
            _cell(w.role_formula(plan, role.id, lang)),
            "",
        ]
        lines += [f"- {_cell(d.label[lang])}: {_cell(w.driver_formula(d, lang))}" for d in role.drivers]
        lines.append("")
    lines.append(f"{h['version']} {plan.model_version}")
    return "\n".join(lines) + "\n"
