"""A plan as CSV and Markdown, for consultants to paste into a report. Standard library only (and segno's QR).

Both are self-contained: the inputs, the model version, the link that reopens the plan (in Markdown
with its QR code), positions, hiring order and the campaign peak. Each is a list of section
functions (:data:`CSV_HEADER`, :data:`MARKDOWN_SECTIONS`): another section is one more entry.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from .fmt import fmt
from .founder_export import compare_path, founder_csv_columns, founder_csv_header, founder_markdown
from .plan_inputs import scenario_inputs
from .qr import qr_png_data_uri
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.wording import Wording

HEADERS = {
    "zh": {
        "section_roles": "每个数字从哪来",
        "position_no": "序号",
        "position": "职位",
        "count": "人数",
        "fte": "FTE",
        "roles": "承担的岗位（FTE）",
        "hiring_step": "招聘顺序",
        "role": "岗位",
        "steady": "平时 FTE",
        "at_peak": "冲刺期 FTE",
        "total": "合计",
        "plan": "方案",
        "title": "团队编制方案",
        "title_numbers": "{n} 人（{fte} FTE）",
        "positions": "职位与人数",
        "hiring": "招聘顺序",
        "peak": "大促冲刺期",
        "no_peak": "没有节点大促，因此没有冲刺期。",
        "peak_people": "冲刺期人数",
        "link": "方案链接",
        "qr": "方案链接二维码",
        "qr_note": "扫码在计算器里打开这个方案。",
        "inputs": "输入",
        "range": "人数范围",
        "version": "模型版本",
        "people": "人",
    },
    "en": {
        "section_roles": "Where every number comes from",
        "position_no": "No.",
        "position": "Position",
        "count": "People",
        "fte": "FTE",
        "roles": "Roles carried (FTE)",
        "hiring_step": "Hiring step",
        "role": "Role",
        "steady": "Steady FTE",
        "at_peak": "Peak FTE",
        "total": "Total",
        "plan": "Plan",
        "title": "Team plan",
        "title_numbers": "{n} people ({fte} FTE)",
        "positions": "Positions and headcount",
        "hiring": "Hiring order",
        "peak": "Campaign peak",
        "no_peak": "No node campaigns, so no peak.",
        "peak_people": "People at the peak",
        "link": "Link to this plan",
        "qr": "QR code of the link to this plan",
        "qr_note": "Scan to open this plan in the calculator.",
        "inputs": "Inputs",
        "range": "Headcount range",
        "version": "Model version",
        "people": "people",
    },
}


def title(plan: Plan, lang: str) -> str:
    """ "Team plan: 10 people (8.67 FTE)": the title of both exports, with its units."""
    h = HEADERS[lang]
    numbers = h["title_numbers"].format(n=plan.total_headcount, fte=fmt(plan.total_fte, plan.decimals))
    return f"{h['title']}{'：' if lang == 'zh' else ': '}{numbers}"


def _hiring_steps(plan: Plan) -> dict[int, int]:
    """Position index -> its step in the hiring order."""
    return {s.position: s.step for s in plan.hiring_order}


# --------------------------------------------------------------------------- CSV


def csv_header(plan: Plan, model: SizingModel, lang: str, link: str) -> list[list[str]]:
    """The header block: two columns (what, value): title, model version, link, range, peak, every input."""
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    rows = [[h["title"], title(plan, lang)], [h["version"], plan.model_version]]
    if link:
        rows.append([h["link"], link])
    low, high = plan.headcount_range
    rows.append([h["range"], f"{low}–{high} {h['people']}"])
    if plan.peak is not None:
        rows.append([h["peak_people"], f"{plan.peak.headcount} {h['people']}"])
        rows.append([h["peak"], w.peak(plan, lang)])
    rows += [[f"{h['inputs']}: {label}", value] for label, value in scenario_inputs(plan.scenario, model, lang)]
    return rows


def csv_positions(plan: Plan, model: SizingModel, lang: str) -> list[list[str]]:
    """The table: a row per position, once each, so the People and FTE columns sum to the plan's totals."""
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    steps = _hiring_steps(plan)
    rows = [[h["position_no"], h["position"], h["count"], h["fte"], h["roles"], h["hiring_step"]]]
    for i, p in enumerate(plan.positions):
        carried = "; ".join(f"{w.name(role, lang)} {w.n(share)}" for role, share in p.shares)
        people = p.count if p.kind != "outsourced" else 0
        rows.append([str(i + 1), w.title(p, lang), str(people), w.n(p.fte + p.lead_share), carried, str(steps[i])])
    return rows


def csv_table(plan: Plan, model: SizingModel, lang: str, vs: Plan | None = None) -> list[list[str]]:
    """The positions with their cost and who is already there; compared with ``vs``, a Plan column (A, B)
    and B's positions below A's (People and FTE then sum to each plan's totals per Plan value)."""
    rows: list[list[str]] = []
    for label, one in (("A", plan), ("B", vs)) if vs is not None else (("", plan),):
        head, *body = csv_positions(one, model, lang)
        # plan B's "to hire" column: hires from A to B (A's people stay where they fit)
        team = compare_path(plan, vs, model) if vs is not None and one is vs else None
        extra_head, extra = founder_csv_columns(one, model, lang, team)
        table = [head + extra_head] + [row + cells for row, cells in zip(body, extra, strict=True)]
        if vs is not None:
            table = [[HEADERS[lang]["plan"], *table[0]]] + [[label, *row] for row in table[1:]]
        rows += table if not rows else table[1:]
    return rows


def plan_to_csv(plan: Plan, model: SizingModel, lang: str, link: str = "", vs: Plan | None = None) -> str:
    """One tidy table (a row per position), after a header block of what and value; a blank line between."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(csv_header(plan, model, lang, link) + founder_csv_header(plan, model, lang, vs))
    writer.writerow([])
    writer.writerows(csv_table(plan, model, lang, vs))
    return out.getvalue()


# --------------------------------------------------------------------------- Markdown

# CommonMark lets a backslash escape any ASCII punctuation: data text stays text in whatever
# Markdown tool the export is pasted into, and stays readable as plain text.
_INLINE = re.compile(r"([\\`*_\[\]{}<>&|~!#$^])")
_LINE_START = re.compile(r"\A(?:[-+=.]|\d+[.)])")
_LINE_BREAKS = re.compile("[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def _cell(text: str) -> str:
    """Data text as Markdown that renders as exactly that text, on one line (tables included)."""
    escaped = _INLINE.sub(r"\\\1", _LINE_BREAKS.sub(" ", text).strip())
    return _LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], escaped)


def md_summary(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    w = Wording(model, plan.decimals)
    lines = [f"# {_cell(title(plan, lang))}", "", _cell(w.headcount_range(plan, lang)), ""]
    lines += [_cell(w.lead_decision(plan, lang)), ""]
    if plan.warnings:
        lines += [*(f"- {_cell(text)}" for text in w.warnings(plan, lang)), ""]
    return lines


def md_link(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    """The link and its QR code (a PNG data URI: it shows wherever the Markdown is rendered, no file beside)."""
    if not link:
        return []
    h = HEADERS[lang]
    return [f"## {h['link']}", "", f"<{link}>", "", f"![{h['qr']}]({qr_png_data_uri(link)})", "", h["qr_note"], ""]


def md_inputs(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    sep = "：" if lang == "zh" else ": "
    lines = [f"## {HEADERS[lang]['inputs']}", ""]
    lines += [f"- {_cell(label)}{sep}{_cell(value)}" for label, value in scenario_inputs(plan.scenario, model, lang)]
    return [*lines, ""]


def md_positions(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    lines = [f"## {h['positions']}", ""]
    lines += [f"| {h['position']} | {h['count']} | {h['fte']} | {h['roles']} |", "| --- | ---: | ---: | --- |"]
    for p in plan.positions:
        carried = ", ".join(f"{w.name(role, lang)} {w.n(share)}" for role, share in p.shares)
        people = p.count if p.kind != "outsourced" else 0
        lines.append(f"| {_cell(w.title(p, lang))} | {people} | {w.n(p.fte + p.lead_share)} | {_cell(carried)} |")
    return [*lines, f"| **{h['total']}** | **{plan.total_headcount}** | **{w.n(plan.total_fte)}** | |", ""]


def md_hiring(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    w = Wording(model, plan.decimals)
    lines = [f"## {HEADERS[lang]['hiring']}", ""]
    for s in plan.hiring_order:
        p = plan.positions[s.position]
        count = f" ×{s.count}" if p.kind != "outsourced" else ""
        lines.append(f"{s.step}. **{_cell(w.title(p, lang))}{count}**: {_cell(w.reason(p, plan, lang))}")
    return [*lines, ""]


def md_peak(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    """The peak sentence and, per role, FTE in steady weeks and at the peak."""
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    if plan.peak is None:
        return [f"## {h['peak']}", "", h["no_peak"], ""]
    lines = [f"## {h['peak']}", "", _cell(w.peak(plan, lang)), ""]
    lines += [f"| {h['role']} | {h['steady']} | {h['at_peak']} |", "| --- | ---: | ---: |"]
    steady = {r.id: r.fte for r in plan.roles}
    for role_id, fte in plan.peak.roles:
        if fte or steady.get(role_id):
            lines.append(f"| {_cell(w.name(role_id, lang))} | {w.n(steady.get(role_id, 0.0))} | {w.n(fte)} |")
    return [*lines, ""]


def md_drivers(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    h, w = HEADERS[lang], Wording(model, plan.decimals)
    lines = [f"## {h['section_roles']}", ""]
    for role in plan.roles:
        if not role.drivers:
            continue
        lines += [f"### {_cell(w.name(role.id, lang))}: {w.n(role.fte)} FTE", ""]
        lines += [_cell(w.role_formula(plan, role.id, lang)), ""]
        lines += [f"- {_cell(d.label[lang])}: {_cell(w.driver_formula(d, lang))}" for d in role.drivers]
        lines.append("")
    return lines


def md_version(plan: Plan, model: SizingModel, lang: str, link: str) -> list[str]:
    return [f"{HEADERS[lang]['version']} {plan.model_version}"]


Section = Callable[[Plan, SizingModel, str, str], list[str]]
#: the Markdown export, in order
MARKDOWN_SECTIONS: tuple[Section, ...] = (
    md_summary,
    md_link,
    md_inputs,
    md_positions,
    md_hiring,
    md_peak,
    md_drivers,
    md_version,
)


def plan_to_markdown(plan: Plan, model: SizingModel, lang: str, link: str = "", vs: Plan | None = None) -> str:
    """A plan a person can paste into a document: title with units, link and QR, inputs, positions, hiring,
    cost, the team already there and (with ``vs``) the comparison, peak, drivers."""
    lines: list[str] = []
    for section in MARKDOWN_SECTIONS:
        lines += section(plan, model, lang, link)
        if section is md_hiring:
            lines += founder_markdown(plan, model, lang, _cell, vs)
    return "\n".join(lines) + "\n"
