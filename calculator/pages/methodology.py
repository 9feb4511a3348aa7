"""The methodology page and each role page's "sizing" section, generated from the sizing model.

The page shows the very :class:`Parameter` objects the engine uses (listed once by
:func:`iter_parameters`), the calibration panel with the model's own results, and a worked
example computed by the engine, so its numbers and the calculator's cannot disagree. Every
data string goes through :func:`md_text`; ids (validated by pattern) appear in code spans.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..datafiles.calibration import Case
from ..engine.fmt import fmt
from ..engine.scenario import default_scenario
from ..engine.sizing.model import Parameter, SizingModel, iter_parameters
from ..engine.sizing.plan import Plan, size
from ..engine.sizing.specs import URL_PATTERN
from ..engine.sizing.wording import Wording
from . import md_text, md_url
from .cost_page import cost_section, role_cost_section

#: front matter: search lists a role page above this one for the role's own words
SEARCH_BELOW_ROLES = ("---", "search:", "  boost: 0.5", "---", "")

#: Markdown anchors of the page's sections (role pages link to them).
ANCHORS = (
    "formulas",
    "example",
    "calibration",
    "sources",
    "capacity",
    "channels",
    "workloads",
    "customer-service",
    "campaigns",
    "leadership",
    "goals",
    "packing",
    "combining",
    "hiring",
    "calibrated",
    "limits",
    "cost",
)
METHODOLOGY_LINK = "../methodology.md"

UI = {
    "zh": {
        "title": "团队编制测算方法",
        "intro": "本页由 sizing.yaml、roles.yaml 与 calibration.yaml 生成，与计算器使用同一份数据（模型版本 {version}）。"
        "每个数字都注明单位与依据：**[S]** 公开发布的数据，**[S-]** 较弱的出处（博客、行业网站），"
        "**[A]** 假设（可修改的经验估计）；“据出处调整”表示数值在出处基础上改过。",
        "formulas": "公式",
        "example": "算例：从输入到人数",
        "calibration": "校准：模型与实践的对照",
        "sources": "出处一览",
        "capacity": "人均产能",
        "channels": "渠道与内容形式",
        "workloads": "工作量表",
        "customer-service": "客服模型",
        "campaigns": "大促冲刺期",
        "leadership": "管理负荷与管理幅度",
        "goals": "目标权重",
        "packing": "职位合并与取整",
        "combining": "哪些岗位可以由一人兼任",
        "hiring": "招聘顺序",
        "calibrated": "校准范围与提醒",
        "limits": "输入上限",
        "col_param": "参数",
        "col_label": "含义",
        "col_value": "数值",
        "col_range": "范围",
        "col_unit": "单位",
        "col_grade": "依据",
        "col_source": "出处",
        "col_role": "岗位",
        "col_with": "可兼任",
        "col_helps": "可顺手承担少量工作",
        "col_scenario": "场景",
        "col_expected": "预期人数",
        "col_model": "模型结果",
        "col_basis": "预期的依据",
        "col_used": "用于",
        "in_range": "在范围内",
        "out_of_range": "超出范围",
        "yes": "是",
        "no": "否",
        "adapted": "据出处调整",
        "sizing": "编制测算",
        "role_intro": "该岗位的工作量来自以下参数（换算为每周工时）：",
        "role_formula": "换算成 FTE 与人数的方法见[公式]({link}#formulas)；参数的依据见对应章节。",
        "role_try": "用[编制计算器](../calculator.md)按你的渠道和频率试算这个岗位需要几个人。",
        "role_goals": "目标权重：",
        "role_combines": "可由同一人兼任的岗位：",
        "role_lead": "管理工作按团队人数与管理幅度决定，见[管理负荷与管理幅度]({link}#leadership)。",
        "role_none": "当前数据中没有参数直接分配到该岗位。",
        "calibration_intro": "{n} 个真实场景，每个都有从业者预期的人数范围与依据。`make test` 会逐个检查模型结果是否落在范围内；"
        "当前 {ok} 个在范围内。",
        "example_intro": "计算器默认场景的计算过程（与计算器页面的结果相同）：",
        "example_roles": "各岗位每周工时与 FTE：",
        "example_positions": "打包成职位：",
    },
    "en": {
        "title": "Team-sizing methodology",
        "intro": "Generated from sizing.yaml, roles.yaml and calibration.yaml, the same data the calculator uses "
        "(model version {version}). Every number shows its unit and basis: **[S]** a published figure, **[S-]** a weak "
        "source (blog, trade site), **[A]** an assumption (an editable estimate); “adapted” means the value was changed "
        "from the source's figure.",
        "formulas": "Formulas",
        "example": "Worked example: from inputs to people",
        "calibration": "Calibration: the model against practice",
        "sources": "Sources",
        "capacity": "Capacity of one person",
        "channels": "Channels and formats",
        "workloads": "The workload table",
        "customer-service": "Customer-service model",
        "campaigns": "Campaign peaks",
        "leadership": "Lead load and spans of control",
        "goals": "Goal weights",
        "packing": "Packing roles into positions",
        "combining": "Which roles one person may combine",
        "hiring": "Hiring order",
        "calibrated": "Calibrated range and warnings",
        "limits": "Input limits",
        "col_param": "Parameter",
        "col_label": "What it is",
        "col_value": "Value",
        "col_range": "Range",
        "col_unit": "Unit",
        "col_grade": "Basis",
        "col_source": "Source",
        "col_role": "Role",
        "col_with": "Can combine with",
        "col_helps": "Picks up small shares",
        "col_scenario": "Scenario",
        "col_expected": "Expected people",
        "col_model": "Model",
        "col_basis": "Why that range",
        "col_used": "Used for",
        "in_range": "in range",
        "out_of_range": "out of range",
        "yes": "yes",
        "no": "no",
        "adapted": "adapted",
        "sizing": "Sizing",
        "role_intro": "This role's workload comes from these parameters (turned into hours per week):",
        "role_formula": "How hours become FTE and people: see [formulas]({link}#formulas); each parameter's basis is in "
        "its section.",
        "role_try": "Try the [sizing calculator](../calculator.md) with your own channels and cadence.",
        "role_goals": "Goal weights:",
        "role_combines": "Roles one person may combine with this one:",
        "role_lead": "The lead work follows the team's size and the spans of control, see "
        "[lead load and spans of control]({link}#leadership).",
        "role_none": "No parameter in the current data assigns work to this role directly.",
        "calibration_intro": "{n} realistic scenarios, each with the headcount range a practitioner expects and why. "
        "`make test` checks that the model's result lands in every range; {ok} do now.",
        "example_intro": "The calculator's default scenario, step by step (the same result as on the calculator page):",
        "example_roles": "Hours per week and FTE per role:",
        "example_positions": "Packed into positions:",
    },
}

FORMULAS = {
    "zh": [
        "- 每人每周**有效工时** = {hours} × (1 − {shrinkage}) = **{productive}** 小时。损耗率已包含休假、会议、培训与沟通，"
        "所以不再乘利用率；按产出计的工作与直播在播、客服在线等排班工作用同一个基数。",
        "- 每个岗位的每周工时 = 各驱动项之和：每个渠道的发布条数 × 所选内容形式的每条工时、在运营渠道的平台运营、"
        "工作量表中的各项（渠道数、直播小时、群数、每千私域好友、节点大促 ÷ 52 周、每月达人合作 ÷ 4.33 周、每月每1万元投放）、"
        "客服模型。同一 pick_larger 组的工作量（直播投流与按预算投放）每个岗位只取较大者。",
        "- 岗位 FTE = 目标权重 × 产出类工时 ÷ {productive} + 排班类工时 ÷ {productive}。多个目标取各目标权重的**平均**"
        "（目标没有提到的岗位按 1 计），权重可以小于 1：目标是在岗位之间挪动精力，而不是只加人。",
        "- 评论与私信：每条分钟数 = 浏览 + 需回复比例 × 每次回复时长 ÷ 同时处理的会话数；设了客服在线时长时，"
        "在线时长（排班）与回复工时取较大者。",
        "- 职位：每个岗位先按整人计；余量（不足一人的部分）在“可兼任”的岗位之间用精确搜索打包成尽量少的职位，"
        "每个职位不超过 1 + 容差 {tolerance} FTE。低于最小份额 {min_share} FTE 的余量可以交给任何“可顺手承担”的岗位；"
        "哪里都放不下的列为兼职或外包，不计人数。余量越小越容易放下，所以**工作量增加时人数绝不会减少**（有测试逐项检验）。",
        "- 管理：团队不超过 {span} 人时，由一人兼任负责人（负责人工作 = {base} + {per} × (人数 − 1) 小时/周，一人团队为 0）；"
        "只有整个团队的工作量放不下时才多一人。超过 {span} 人设一名专职负责人（最先招聘）；超过 {head_span} 人另设组长，"
        "每位组长带不超过 {lead_span} 人，组长的管理工时（{per} 小时 × 人数）需要多配的人手一并计入。",
        "- 人数范围：把每个参数分别放在其合理范围的低端和高端，各算一次；单点估计总在范围之内。",
        "- 冲刺期：日常工作 × {mult}，每次大促的工时集中在节点前 {weeks} 周（大促重叠时不少于全年平摊值），"
        "冲刺期人数 = 平时人数 + 放不下的工作量（按同一容差取整）。每年冲刺超过 {permanent} 周时建议改为正式编制，"
        "增量不超过团队的 {overtime} 时可用加班覆盖，其余用临时人手或外包。",
    ],
    "en": [
        "- **Productive hours** per person per week = {hours} × (1 − {shrinkage}) = **{productive}** h. Shrinkage "
        "already covers leave, meetings, training and admin, so there is no second utilisation discount; output work "
        "and scheduled seats (on air, on service duty) share this one basis.",
        "- A role's hours per week = the sum of its drivers: posts per week × the hours per post of the chosen format, "
        "each active channel's platform work, the rows of the workload table (channels, live hours, groups, 1,000 "
        "contacts, node campaigns ÷ 52 weeks, creator deals a month ÷ 4.33 weeks, CNY 10,000 of monthly ad budget) "
        "and the customer-service model. Workloads of one pick_larger group (live-room ads and budget-based ads) "
        "count only the larger, per role.",
        "- Role FTE = goal weight × output hours ÷ {productive} + seat hours ÷ {productive}. Several goals **average** "
        "their weights (1 where a goal is silent), and weights may be below 1: goals move effort between roles rather "
        "than only adding people.",
        "- Comments and DMs: minutes per item = skim + reply share × handle time ÷ conversations at once; with "
        "service hours set, the staffed hours (a seat) and the reply hours count as the larger of the two.",
        "- Positions: each role's whole people first; the remainders (less than one person) are packed by an exact "
        "search into as few positions as possible among roles that can be combined, each at most 1 + the "
        "{tolerance} FTE tolerance. A remainder below the {min_share} FTE smallest share can go to any role that "
        "picks up small shares; one that fits nowhere is part-time or outsourced and not counted. A smaller "
        "remainder always fits where a larger one did, so **more work never means fewer people** (a test checks "
        "every input).",
        "- Leadership: up to {span} people, one member also leads (lead work = {base} + {per} × (people − 1) h a "
        "week, 0 for a one-person team); a person is added only when the whole team's work no longer fits. Above "
        "{span}, one dedicated head (hired first); above {head_span}, team leads too, at most {lead_span} people "
        "each, and the people needed for their lead work ({per} h × people) are added.",
        "- Headcount range: the plan computed once with every parameter at the low end of its range and once at "
        "the high end; the point estimate is always inside.",
        "- Peak: routine work × {mult}, each campaign's hours in its {weeks} weeks before the node (at least the "
        "yearly average when campaigns overlap); peak people = the usual team plus whole people for the work it "
        "cannot carry (same tolerance). More than {permanent} peak weeks a year: make them permanent staff; an "
        "increase within {overtime} of the team: overtime; otherwise temps or an agency.",
    ],
}


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _heading(anchor: str, lang: str) -> list[str]:
    return ["", f"## {UI[lang][anchor]} {{#{anchor}}}", ""]


def _num(value: float) -> str:
    return fmt(value)


def _provenance(p: Parameter, lang: str) -> tuple[str, str]:
    """(grade, source text) for a parameter: [S], [S-] or [A], and the source or the assumption's note."""
    ui = UI[lang]
    if p.source is None:
        return "[A]", md_text(p.note[lang]) if p.note else ""
    title = md_text(p.source.title)
    if p.source.url and URL_PATTERN.match(p.source.url):
        title = f"[{title}]({md_url(p.source.url)})"
    if p.source.note is not None:
        title += f" ({md_text(p.source.note[lang])})"
    if p.source.adapted:
        title += f" · {ui['adapted']}"
    return f"[{p.source.grade}]", title


def _range(p: Parameter) -> str:
    return f"{_num(p.low)}–{_num(p.high)}" if p.low is not None and p.high is not None else "—"


def _param_table(rows: Iterable[tuple[str, Parameter]], lang: str) -> list[str]:
    ui = UI[lang]
    head = [
        ui["col_param"],
        ui["col_label"],
        ui["col_value"],
        ui["col_range"],
        ui["col_unit"],
        ui["col_grade"],
        ui["col_source"],
    ]
    lines = [_row(head), _row(["---"] * len(head))]
    for path, p in rows:
        grade, source = _provenance(p, lang)
        lines.append(
            _row([f"`{path}`", md_text(p.label[lang]), _num(p.value), _range(p), md_text(p.unit[lang]), grade, source])
        )
    return lines


def _formulas(m: SizingModel, lang: str) -> list[str]:
    ld, pk, ca = m.leadership, m.packing, m.campaigns
    values = {
        "hours": _num(m.capacity.hours_per_week.value),
        "shrinkage": _num(m.capacity.shrinkage.value),
        "productive": _num(m.capacity.productive_hours()),
        "tolerance": _num(pk.tolerance.value),
        "min_share": _num(pk.min_share.value),
        "span": _num(ld.player_coach_span.value),
        "head_span": _num(ld.head_span.value),
        "lead_span": _num(ld.team_lead_span.value),
        "base": _num(ld.base_hours_per_week.value),
        "per": _num(ld.hours_per_report.value),
        "mult": _num(ca.peak_multiplier.value),
        "weeks": _num(ca.peak_weeks.value),
        "permanent": _num(ca.permanent_above_weeks.value),
        "overtime": f"{ca.overtime_share.value:.0%}",
    }
    return [line.format(**values) for line in FORMULAS[lang]]


def _example(m: SizingModel, lang: str) -> list[str]:
    ui, w = UI[lang], Wording(m)
    plan = size(default_scenario(m), m)
    lines = [ui["example_intro"], ""]
    for act in plan.scenario.channels:
        parts = []
        if act.posts_per_week:
            parts.append(f"{md_text(m.form.input('posts_per_week').label[lang])} {w.n(act.posts_per_week)}")
        if act.live_hours_per_week:
            parts.append(f"{md_text(m.form.input('live_hours_per_week').label[lang])} {w.n(act.live_hours_per_week)}")
        lines.append(f"- {md_text(m.channel(act.channel).name[lang])}: " + ", ".join(parts))
    lines += ["", ui["example_roles"], ""]
    for role in plan.roles:
        if not role.fte:
            continue
        lines.append(f"- **{md_text(m.role(role.id).name[lang])}**: {md_text(w.role_formula(plan, role.id, lang))}")
        for d in role.drivers:
            lines.append(f"    - {md_text(d.label[lang])}: {md_text(w.driver_formula(d, lang))}")
    lines += ["", ui["example_positions"], ""]
    for step in plan.hiring_order:
        p = plan.positions[step.position]
        lines.append(f"{step.step}. {md_text(w.title(p, lang))} × {p.count}")
    lines += ["", f"**{md_text(w.lead_decision(plan, lang))}** {md_text(w.headcount_range(plan, lang))}"]
    return lines


def _calibration(m: SizingModel, panel: tuple[Case, ...], lang: str) -> list[str]:
    ui = UI[lang]
    plans: list[Plan] = [size(c.scenario, m) for c in panel]
    ok = sum(c.expected[0] <= p.total_headcount <= c.expected[1] for c, p in zip(panel, plans, strict=True))
    lines = [ui["calibration_intro"].format(n=len(panel), ok=ok), ""]
    head = [ui["col_scenario"], ui["col_expected"], ui["col_model"], ui["col_range"], ui["col_basis"]]
    lines += [_row(head), _row(["---"] * len(head))]
    for c, p in zip(panel, plans, strict=True):
        low, high = c.expected
        hit = low <= p.total_headcount <= high
        expected = f"{low}" if low == high else f"{low}–{high}"
        verdict = f"{p.total_headcount} ({ui['in_range'] if hit else ui['out_of_range']})"
        lo, hi = p.headcount_range
        lines.append(_row([md_text(c.name[lang]), expected, verdict, f"{lo}–{hi}", md_text(c.basis[lang])]))
    return lines


def _sources(m: SizingModel, lang: str) -> list[str]:
    ui = UI[lang]
    seen: dict[str, tuple[str, str, list[str]]] = {}
    for _, path, _, p in iter_parameters(m):
        if p.source is None:
            continue
        grade, _ = _provenance(p, lang)
        title = md_text(p.source.title)
        if p.source.url and URL_PATTERN.match(p.source.url):
            title = f"[{title}]({md_url(p.source.url)})"
        seen.setdefault(p.source.title, (grade, title, []))[2].append(path)
    head = [ui["col_grade"], ui["col_source"], ui["col_used"]]
    lines = [_row(head), _row(["---"] * len(head))]
    for grade, title, paths in seen.values():
        lines.append(_row([grade, title, ", ".join(f"`{p}`" for p in paths[:4]) + (" …" if len(paths) > 4 else "")]))
    return lines


def methodology_page(m: SizingModel, lang: str, panel: tuple[Case, ...] = ()) -> str:
    """The whole methodology page as Markdown."""
    ui = UI[lang]
    lines = [*SEARCH_BELOW_ROLES, f"# {ui['title']}", "", ui["intro"].format(version=md_text(m.model_version))]
    lines += _heading("formulas", lang) + _formulas(m, lang)
    lines += _heading("example", lang) + _example(m, lang)
    if panel:
        lines += _heading("calibration", lang) + _calibration(m, panel, lang)
    params = iter_parameters(m)
    for section in (
        "capacity",
        "channels",
        "workloads",
        "customer-service",
        "campaigns",
        "leadership",
        "goals",
        "packing",
    ):
        lines += _heading(section, lang)
        lines += _param_table([(path, p) for s, path, _, p in params if s == section], lang)
    lines += _heading("combining", lang)
    head = [ui["col_role"], ui["col_with"], ui["col_helps"]]
    lines += [_row(head), _row(["---"] * len(head))]
    for r in m.roles:
        partners = [o.id for o in m.roles if o.id != r.id and m.can_share(r.id, o.id)]
        names = "、".join if lang == "zh" else ", ".join
        lines.append(
            _row(
                [
                    md_text(r.name[lang]),
                    names(md_text(m.role(o).name[lang]) for o in partners) or "—",
                    ui["yes"] if r.helps_out else ui["no"],
                ]
            )
        )
    lines += _heading("hiring", lang)
    lines += [
        f"{i}. {md_text(m.role(h.role).name[lang])}: {md_text(h.reason[lang])}" for i, h in enumerate(m.hiring, 1)
    ]
    lines += _heading("calibrated", lang)
    lines += _param_table([(path, p) for s, path, _, p in params if s == "calibrated"], lang)
    lines += _heading("limits", lang)
    lines += _param_table([(path, p) for s, path, _, p in params if s == "limits"], lang)
    lines += cost_section(m, lang, panel)
    lines += _heading("sources", lang) + _sources(m, lang)
    return "\n".join(lines) + "\n"


def role_sizing_section(m: SizingModel, role_id: str, lang: str) -> str:
    """A role page's "sizing" section: what feeds the role, with its basis, linked to the methodology page."""
    ui, link = UI[lang], METHODOLOGY_LINK
    lines = [f"## {ui['sizing']} {{#sizing}}", ""]
    mine = [(s, path, p) for s, path, r, p in iter_parameters(m) if r == role_id and s not in ("goals", "leadership")]
    if mine:
        lines += [ui["role_intro"], ""]
        for section, path, p in mine:
            grade, _ = _provenance(p, lang)
            where = f"{m.channel(path.split('.')[1]).name[lang]} · " if section == "channels" else ""
            lines.append(
                f"- {md_text(where + p.label[lang])}: {_num(p.value)} {md_text(p.unit[lang])} {grade} "
                f"([{ui[section]}]({link}#{section}))"
            )
    elif role_id != m.leadership.role:
        lines.append(ui["role_none"])
    if role_id == m.leadership.role:
        lines += ["", ui["role_lead"].format(link=link)]
    weights = [(g.name, p) for g in m.goals for r, p in g.weights if r == role_id]
    if weights:
        shown = ", ".join(f"{md_text(name[lang])} × {_num(p.value)}" for name, p in weights)
        lines += ["", f"{ui['role_goals']} {shown} ([{ui['goals']}]({link}#goals))"]
    partners = [o.id for o in m.roles if o.id != role_id and m.can_share(role_id, o.id)]
    if partners:
        sep = "、" if lang == "zh" else ", "
        names = sep.join(f"[{md_text(m.role(o).name[lang])}]({o}.md)" for o in partners)
        lines += ["", f"{ui['role_combines']} {names} ([{ui['combining']}]({link}#combining))"]
    lines += role_cost_section(m, role_id, lang, link)
    lines += ["", ui["role_formula"].format(link=link), "", ui["role_try"]]
    return "\n".join(lines) + "\n"
