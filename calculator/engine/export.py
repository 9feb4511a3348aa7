"""A plan as CSV and Markdown, for consultants to paste into a report. Standard library only."""

from __future__ import annotations

import csv
import io
import re

from .fmt import fmt
from .sizing import Plan

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
    },
}


def plan_to_csv(plan: Plan, lang: str) -> str:
    """Two tables in one CSV: positions (with totals), then every role's drivers."""
    h, d = HEADERS[lang], plan.decimals
    titles = {r.id: r.title[lang] for r in plan.roles}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h["section_positions"], h["count"], h["fte"], h["roles"]])
    for p in plan.positions:
        carried = "; ".join(f"{titles[role]} {fmt(share, d)}" for role, share in p.shares)
        writer.writerow([p.title[lang], p.count, fmt(p.fte, d), carried])
    writer.writerow([h["total"], plan.total_headcount, fmt(plan.total_fte, d), ""])
    writer.writerow([])
    writer.writerow([h["section_roles"], h["fte"], h["driver"], h["hours"], h["formula"]])
    for role in plan.roles:
        for driver in role.drivers:
            row = [titles[role.id], fmt(role.fte, d), driver.label[lang], fmt(driver.hours_per_week, d)]
            writer.writerow([*row, driver.formula[lang]])
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


def plan_to_markdown(plan: Plan, lang: str, link: str = "") -> str:
    """A plan a person can paste into a document: headline, positions, hiring order, peak, drivers."""
    h, d = HEADERS[lang], plan.decimals
    titles = {r.id: r.title[lang] for r in plan.roles}
    lines = [f"# {h['title']}: {plan.total_headcount} / {fmt(plan.total_fte, d)} FTE", ""]
    lines += [_cell(plan.lead_decision[lang]), ""]
    if link:
        lines += [f"{h['link']}: <{link}>", ""]
    lines += [f"| {h['position']} | {h['count']} | {h['fte']} | {h['roles']} |", "| --- | ---: | ---: | --- |"]
    for p in plan.positions:
        carried = ", ".join(f"{titles[role]} {fmt(share, d)}" for role, share in p.shares)
        lines.append(f"| {_cell(p.title[lang])} | {p.count} | {fmt(p.fte, d)} | {_cell(carried)} |")
    lines += [f"| **{h['total']}** | **{plan.total_headcount}** | **{fmt(plan.total_fte, d)}** | |", ""]
    lines += [f"## {h['hiring']}", ""]
    lines += [f"{s.step}. **{_cell(s.title[lang])} ×{s.count}**: {_cell(s.reason[lang])}" for s in plan.hiring_order]
    if plan.peak:
        lines += ["", f"## {h['peak']}", "", _cell(plan.peak.formula[lang])]
    lines += ["", f"## {h['section_roles']}", ""]
    for role in plan.roles:
        if not role.drivers:
            continue
        lines += [f"### {_cell(titles[role.id])}: {fmt(role.fte, d)} FTE", "", _cell(role.formula[lang]), ""]
        lines += [f"- {_cell(driver.label[lang])}: {_cell(driver.formula[lang])}" for driver in role.drivers]
        lines.append("")
    return "\n".join(lines)
