"""The methodology page and each role page's "sizing" section, generated from the sizing model.

The page shows the very :class:`~calculator.engine.sizing_data.Parameter` objects the engine
uses, so its numbers and the calculator's cannot disagree. Every data string goes
through :func:`~calculator.pages.md_text`; ids (validated by pattern) appear in code spans.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..engine.fmt import fmt
from ..engine.sizing_data import URL_PATTERN, Parameter, RoleParameters, SizingModel
from . import md_text, md_url

#: Markdown anchors of the page's parameter groups (role pages link to them).
ANCHORS = (
    "formulas",
    "capacity",
    "extra-roles",
    "channels",
    "community",
    "campaigns",
    "data-work",
    "live",
    "leadership",
    "goals",
    "packing",
    "hiring",
    "limits",
    "output",
)
METHODOLOGY_LINK = "../methodology.md"
_SAFE_URL = URL_PATTERN  # validation accepts exactly the URLs this page links

UI = {
    "zh": {
        "title": "团队编制测算方法",
        "intro": "本页由 sizing.yaml 生成，与计算器使用同一份数据。每个数字都注明单位与出处；"
        "标为“假设”的数字是可修改的经验估计。",
        "formulas": "公式",
        "capacity": "人均产能",
        "extra-roles": "手册之外的角色",
        "channels": "渠道",
        "community": "社群与私域",
        "campaigns": "活动与大促冲刺期",
        "data-work": "数据与投流",
        "live": "直播间",
        "leadership": "管理负荷与管理幅度",
        "goals": "目标权重",
        "packing": "职位合并与取整",
        "hiring": "招聘顺序",
        "limits": "输入上限",
        "output": "输出精度",
        "col_param": "参数",
        "col_label": "含义",
        "col_value": "数值",
        "col_unit": "单位",
        "col_source": "出处",
        "col_role": "岗位",
        "col_channel": "渠道",
        "col_live": "可直播",
        "col_roles": "岗位",
        "col_title": "职位名称",
        "col_reason": "理由",
        "col_goal": "目标",
        "yes": "是",
        "no": "否",
        "assumption": "假设",
        "source": "来源",
        "sizing": "编制测算",
        "role_intro": "该岗位的工作量来自以下参数（按渠道节奏、社群、活动、数据与直播换算为每周工时）：",
        "role_formula": "换算成 FTE 的方法见[公式]({link}#formulas)；参数的出处见对应章节。",
        "role_try": "用[编制计算器](../calculator.md)按你的渠道和频率试算这个岗位需要几个人。",
        "role_goals": "目标权重：",
        "role_lead": "管理负荷随执行团队规模增长，执行团队超过管理幅度才设专职岗位，"
        "见[管理负荷与管理幅度]({link}#leadership)。",
        "role_none": "当前数据中没有参数直接分配到该岗位。",
        "section": "详见",
    },
    "en": {
        "title": "Team-sizing methodology",
        "intro": "Generated from sizing.yaml, the same data the calculator uses. Every number shows "
        "its unit and source; "
        "numbers labelled “assumption” are editable estimates.",
        "formulas": "Formulas",
        "capacity": "Capacity of one person",
        "extra-roles": "Roles outside the playbook",
        "channels": "Channels",
        "community": "Community and private domain",
        "campaigns": "Campaigns and the pre-node peak",
        "data-work": "Data and ad buying",
        "live": "Live room",
        "leadership": "Lead load and span of control",
        "goals": "Goal weights",
        "packing": "Packing roles into positions",
        "hiring": "Hiring order",
        "limits": "Input limits",
        "output": "Output precision",
        "col_param": "Parameter",
        "col_label": "What it is",
        "col_value": "Value",
        "col_unit": "Unit",
        "col_source": "Source",
        "col_role": "Role",
        "col_channel": "Channel",
        "col_live": "Live-streams",
        "col_roles": "Roles",
        "col_title": "Position title",
        "col_reason": "Why",
        "col_goal": "Goal",
        "yes": "yes",
        "no": "no",
        "assumption": "Assumption",
        "source": "Source",
        "sizing": "Sizing",
        "role_intro": "This role's workload comes from these parameters (channel cadence, community,"
        " campaigns, data and "
        "live room, turned into hours per week):",
        "role_formula": "How hours become FTE: see [formulas]({link}#formulas); each parameter's source "
        "is in its section.",
        "role_try": "Try the [sizing calculator](../calculator.md) with your own channels and cadence.",
        "role_goals": "Goal weights:",
        "role_lead": "The lead load grows with the execution team; a dedicated position appears only above the span of "
        "control, see [lead load and span of control]({link}#leadership).",
        "role_none": "No parameter in the current data assigns work to this role directly.",
        "section": "see",
    },
}


def _provenance(p: Parameter, lang: str) -> str:
    ui = UI[lang]
    if p.source is not None:
        title = md_text(p.source.title)
        if p.source.url and _SAFE_URL.match(p.source.url):
            title = f"[{title}]({md_url(p.source.url)})"
        text = f"{ui['source']}: {title}"
        if p.source.note is not None:
            text += f" ({md_text(p.source.note[lang])})"
        return text
    note = f": {md_text(p.note[lang])}" if p.note is not None else ""
    return f"**{ui['assumption']}**{note}"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _param_table(rows: Iterable[tuple[str, Parameter]], lang: str, first: str | None = None) -> list[str]:
    """One row per parameter: its path, meaning, value, unit and provenance."""
    ui = UI[lang]
    head = [first or ui["col_param"], ui["col_label"], ui["col_value"], ui["col_unit"], ui["col_source"]]
    lines = [_row(head), _row(["---"] * len(head))]
    for key, p in rows:
        lines.append(
            _row([f"`{key}`", md_text(p.label[lang]), fmt(p.value), md_text(p.unit[lang]), _provenance(p, lang)])
        )
    return lines


def _pairs(prefix: str, pairs: RoleParameters) -> list[tuple[str, Parameter]]:
    return [(f"{prefix}.{role}", p) for role, p in pairs]


def _heading(anchor: str, lang: str) -> list[str]:
    return ["", f"## {UI[lang][anchor]} {{#{anchor}}}", ""]


def _lead_reach(model: SizingModel) -> str:
    """Execution FTE one head's full position of lead work covers: (capacity x hours - base) / hours per FTE."""
    ld = model.leadership
    hours = model.packing.position_capacity.value * model.capacity.production_hours
    per = ld.hours_per_execution_fte.value
    reach = (hours - ld.base_hours_per_week.value) / per if per else 0.0
    return fmt(round(max(reach, 0.0), 1))


def _formulas(model: SizingModel, lang: str) -> list[str]:
    c = model.capacity
    hw, sh, ut = c.hours_per_week.value, c.shrinkage.value, c.utilisation.value
    prod, cov = fmt(round(c.production_hours, model.decimals)), fmt(round(c.coverage_hours, model.decimals))
    ca, ld = model.campaigns, model.leadership
    if lang == "zh":
        return [
            f"- 每人每周**生产性工时** = {fmt(hw)} × (1 − {fmt(sh)}) × {fmt(ut)} "
            f"= **{prod}** 小时（写作、剪辑、社群、复盘等按产出计的工作）。",
            f"- 每人每周**排班工时** = {fmt(hw)} × (1 − {fmt(sh)}) = **{cov}** 小时（直播在播等必须有人在岗的工作）。",
            "- 每个岗位的每周工时 = 各驱动项之和：渠道发布条数 × 每条工时、在运营渠道的维护、"
            "社群（群数、私域好友、评论）、"
            "日常活动、节点大促（全年平摊）、数据报表、直播（在播、备播、投流）。每项按输出精度取整。",
            f"- 岗位 FTE = 目标权重 × 生产性工时 ÷ {prod} + 排班工时 ÷ {cov}。目标权重取所选目标中对该岗位的最高权重，"
            "未被任何所选目标倚重的岗位权重为 1。",
            f"- 节点大促平摊：次数 × 每次工时 ÷ {fmt(ca.weeks_per_year.value)} 周。"
            f"冲刺期（节点前 {fmt(ca.peak_weeks.value)} 周）："
            f"日常工时 × {fmt(ca.peak_multiplier.value)}，"
            f"大促工时 = 每次工时 ÷ {fmt(ca.peak_weeks.value)}（不少于平摊值），"
            "与平时分开显示。",
            f"- 负责人（`{ld.role}`）工时 = {fmt(ld.base_hours_per_week.value)} + 执行团队 FTE × "
            f"{fmt(ld.hours_per_execution_fte.value)}（完全没有执行工时才为 0；按工时判断，不按取整后的 FTE）。"
            f"执行团队超过 {fmt(ld.span_of_control.value)} 人才设一名专职负责人，"
            f"负责人最多承担 {fmt(model.packing.position_capacity.value)} FTE，"
            f"其余管理工作由{md_text(ld.team_lead.title.zh)}分担"
            f"（按当前数据，一名负责人约可覆盖 {_lead_reach(model)} 个执行 FTE）；"
            f"否则不设专职岗位，负责人工作并入合并职位或空余最多的职位"
            f"（职位名称注明“{md_text(ld.player_coach.title.zh)}”），不单独成为一个职位。",
            "- 职位与人数：见[职位合并与取整](#packing)。总人数 = 各职位人数之和。",
        ]
    return [
        f"- **Production hours** per person per week = {fmt(hw)} × (1 − {fmt(sh)}) × {fmt(ut)} = **{prod}** h "
        "(work paced by output: writing, editing, community, reporting).",
        f"- **Coverage hours** per person per week = {fmt(hw)} × (1 − {fmt(sh)}) = **{cov}** h "
        "(scheduled seats such as being on air in the live room).",
        "- A role's weekly hours = the sum of its drivers: posts per channel × hours per post, upkeep "
        "per active channel, "
        "community (groups, private-domain contacts, comments), always-on campaigns, node campaigns "
        "(averaged over the year), "
        "reporting, live room (on air, preparation, ad buying). Each driver is rounded to the output precision.",
        f"- Role FTE = goal weight × production hours ÷ {prod} + coverage hours ÷ {cov}. The goal "
        "weight is the highest "
        "weight any chosen goal gives the role; roles no chosen goal leans on have weight 1.",
        f"- Node campaigns averaged: campaigns × hours per campaign ÷ {fmt(ca.weeks_per_year.value)} weeks. The peak "
        f"({fmt(ca.peak_weeks.value)} weeks before a node): routine hours × {fmt(ca.peak_multiplier.value)},"
        " campaign hours = "
        f"hours per campaign ÷ {fmt(ca.peak_weeks.value)} (at least the yearly average); shown apart "
        "from the steady state.",
        f"- The lead (`{ld.role}`) hours = {fmt(ld.base_hours_per_week.value)} + execution FTE × "
        f"{fmt(ld.hours_per_execution_fte.value)} (0 only when there are no execution hours at all; decided on "
        "hours, not on the rounded FTE). One dedicated head only when the "
        f"execution team has more than {fmt(ld.span_of_control.value)} people; the head carries at most "
        f"{fmt(model.packing.position_capacity.value)} FTE of lead work and "
        f"{md_text(ld.team_lead.title.en).lower()}s carry the rest (with these numbers one head covers about "
        f"{_lead_reach(model)} execution FTE). Otherwise there is no dedicated position: the lead share goes "
        "into a combination or joins the position with the most room (its title notes "
        f"“{md_text(ld.player_coach.title.en)}”), never a position of its own.",
        "- Positions and headcount: see [packing](#packing). Total headcount = the sum of the positions' counts.",
    ]


def _packing_rules(model: SizingModel, lang: str) -> list[str]:
    pk = model.packing
    cap, below = fmt(pk.position_capacity.value), fmt(pk.round_down_below.value)
    small = fmt(pk.absorb_below.value)
    if lang == "zh":
        rules = [
            f"1. 每个岗位按 {cap} FTE 一人拆成整数个专职人员和余量；已有专职人员且余量低于 "
            f"{below} FTE 时，余量由现有人员消化（向下取整）。有工时的岗位即使取整后为 0 FTE 也会被安排。",
            f"2. 余量按下表顺序尝试合并：至少两个岗位有余量、且余量之和不超过 {cap} FTE，即合并为一个职位（1 人）。",
            f"3. 仍未合并、不低于 {small} FTE 的余量，为该岗位增加 1 人。",
            f"4. 低于 {small} FTE 的零散余量从大到小，并入空余最多且放得下的职位；放不下时为该岗位增加 1 人。",
            "5. 不设专职负责人时，负责人工作若未被合并规则吸收，就并入空余最多的职位，从不单独成为职位；"
            f"超出职位容量不多于 {below} FTE/人时由现有人员承担，否则该职位增加 1 人。"
            f"设专职负责人时只设一名，最多承担 {cap} FTE，其余由组长职位承担。",
            "6. 招聘顺序按每个职位的主要岗位（占比最大的岗位）在[招聘顺序](#hiring)中的位置；"
            "设专职负责人时，负责人排第一，组长排最后。",
        ]
    else:
        rules = [
            f"1. Each role splits into whole people at {cap} FTE each plus a remainder; if the role "
            "already has a whole person "
            f"and the remainder is below {below} FTE, the existing people absorb it (rounded down).",
            "2. Remainders are combined in the order below: when at least two of a combination's "
            "roles have a remainder and "
            f"they add up to at most {cap} FTE, they become one position (one person).",
            f"3. A remainder still left of at least {small} FTE adds one person to its role.",
            f"4. Leftovers below {small} FTE, largest first, join the position with the most room that can take them; "
            "when none can, they add one person to their role. A role with any hours of work is placed, "
            "even at 0 FTE after rounding.",
            "5. Without a dedicated head, a lead share no combination took joins the position with the most "
            f"room, never a position of its own; if that goes beyond capacity by more than {below} FTE per "
            f"person, the position gets one more person. A dedicated head is one person carrying at most {cap} "
            "FTE of lead work; team-lead positions carry the rest.",
            "6. The hiring order follows each position's main role (its largest share) in the [hiring "
            "order](#hiring); a "
            "dedicated head, when there is one, comes first and team leads last.",
        ]
    ui = UI[lang]
    lines = [
        *rules,
        "",
        *_param_table(
            [
                ("packing.position_capacity", pk.position_capacity),
                ("packing.round_down_below", pk.round_down_below),
                ("packing.absorb_below", pk.absorb_below),
            ],
            lang,
        ),
        "",
    ]
    lines += [_row([ui["col_roles"], ui["col_title"], ui["col_reason"]]), _row(["---"] * 3)]
    for combo in pk.combinations:
        roles = " + ".join(f"`{r}`" for r in combo.roles)
        lines.append(_row([roles, md_text(combo.title[lang]), md_text(combo.reason[lang])]))
    lines += ["", _row([ui["col_role"], ui["col_title"]]), _row(["---"] * 2)]
    lines += [_row([f"`{role}`", md_text(title[lang])]) for role, title in pk.titles]
    return lines


def methodology_page(model: SizingModel, lang: str) -> str:
    """The methodology page in ``lang`` (zh or en): formulas, then every parameter with its unit and source."""
    ui = UI[lang]
    lines = [f"# {ui['title']}", "", ui["intro"]]
    lines += _heading("formulas", lang) + _formulas(model, lang)
    c = model.capacity
    lines += _heading("capacity", lang)
    lines += _param_table(
        [(f"capacity.{k}", getattr(c, k)) for k in ("hours_per_week", "shrinkage", "utilisation")], lang
    )
    lines += _heading("extra-roles", lang)
    lines += [_row(["id", ui["col_role"], ui["col_label"]]), _row(["---"] * 3)]
    lines += [_row([f"`{r.id}`", md_text(r.name[lang]), md_text(r.description[lang])]) for r in model.extra_roles]
    lines += _heading("channels", lang)
    lines += [_row(["id", ui["col_channel"], ui["col_live"]]), _row(["---"] * 3)]
    lines += [_row([f"`{ch.id}`", md_text(ch.name[lang]), ui["yes"] if ch.live else ui["no"]]) for ch in model.channels]
    lines.append("")
    rows: list[tuple[str, Parameter]] = []
    for ch in model.channels:
        rows += _pairs(f"channels.{ch.id}.hours_per_post", ch.hours_per_post)
        rows += _pairs(f"channels.{ch.id}.upkeep_hours_per_week", ch.upkeep_hours_per_week)
    lines += _param_table(rows, lang)
    cm = model.community
    lines += _heading("community", lang)
    lines += _param_table(
        _pairs("community.hours_per_group_per_week", cm.hours_per_group_per_week)
        + _pairs("community.hours_per_1000_contacts_per_week", cm.hours_per_1000_contacts_per_week)
        + _pairs("community.minutes_per_comment", cm.minutes_per_comment),
        lang,
    )
    ca = model.campaigns
    lines += _heading("campaigns", lang)
    lines += _param_table(
        _pairs("campaigns.always_on_hours_per_channel_per_week", ca.always_on_hours_per_channel_per_week)
        + _pairs("campaigns.hours_per_node_campaign", ca.hours_per_node_campaign)
        + [(f"campaigns.{k}", getattr(ca, k)) for k in ("weeks_per_year", "peak_weeks", "peak_multiplier")],
        lang,
    )
    dw = model.data_work
    lines += _heading("data-work", lang)
    lines += _param_table(
        _pairs("data_work.reporting_hours_per_channel_per_week", dw.reporting_hours_per_channel_per_week)
        + _pairs("data_work.ad_buying_hours_per_live_hour", dw.ad_buying_hours_per_live_hour),
        lang,
    )
    lines += _heading("live", lang)
    lines += _param_table(
        _pairs("live.on_air_hours_per_live_hour", model.live.on_air_hours_per_live_hour)
        + _pairs("live.prep_hours_per_live_hour", model.live.prep_hours_per_live_hour),
        lang,
    )
    ld = model.leadership
    lines += _heading("leadership", lang)
    lines += _param_table(
        [
            (f"leadership.{k}", getattr(ld, k))
            for k in ("base_hours_per_week", "hours_per_execution_fte", "span_of_control")
        ],
        lang,
    )
    lines += ["", _row([ui["col_param"], ui["col_title"], ui["col_reason"]]), _row(["---"] * 3)]
    lines += [
        _row([f"`leadership.{key}`", md_text(lp.title[lang]), md_text(lp.reason[lang])])
        for key, lp in (("player_coach", ld.player_coach), ("team_lead", ld.team_lead))
    ]
    lines += _heading("goals", lang)
    lines += [_row([ui["col_goal"], "id"]), _row(["---"] * 2)]
    lines += [_row([md_text(g.name[lang]), f"`{g.id}`"]) for g in model.goals]
    lines.append("")
    goal_rows: list[tuple[str, Parameter]] = []
    for g in model.goals:
        goal_rows += _pairs(f"goals.{g.id}.weights", g.weights)
    lines += _param_table(goal_rows, lang)
    lines += _heading("packing", lang) + _packing_rules(model, lang)
    lines += _heading("hiring", lang)
    lines += [f"{i}. `{h.role}`: {md_text(h.reason[lang])}" for i, h in enumerate(model.hiring, 1)]
    lm = model.limits
    lines += _heading("limits", lang)
    keys = ("posts_per_week", "live_hours_per_week", "groups", "contacts", "comments_per_week", "campaigns_per_year")
    lines += _param_table([(f"limits.{k}", getattr(lm, k)) for k in keys], lang)
    lines += _heading("output", lang)
    lines += _param_table([("output.decimals", model.output.decimals)], lang)
    return "\n".join(lines) + "\n"


def _role_parameters(model: SizingModel, role_id: str) -> list[tuple[str, str, Parameter]]:
    """(anchor, path, parameter) of every parameter that assigns work to ``role_id``."""
    found: list[tuple[str, str, Parameter]] = []

    def add(anchor: str, prefix: str, pairs: RoleParameters) -> None:
        found.extend((anchor, f"{prefix}.{role}", p) for role, p in pairs if role == role_id)

    for ch in model.channels:
        add("channels", f"channels.{ch.id}.hours_per_post", ch.hours_per_post)
        add("channels", f"channels.{ch.id}.upkeep_hours_per_week", ch.upkeep_hours_per_week)
    cm, ca, dw, lv = model.community, model.campaigns, model.data_work, model.live
    add("community", "community.hours_per_group_per_week", cm.hours_per_group_per_week)
    add("community", "community.hours_per_1000_contacts_per_week", cm.hours_per_1000_contacts_per_week)
    add("community", "community.minutes_per_comment", cm.minutes_per_comment)
    add("campaigns", "campaigns.always_on_hours_per_channel_per_week", ca.always_on_hours_per_channel_per_week)
    add("campaigns", "campaigns.hours_per_node_campaign", ca.hours_per_node_campaign)
    add("data-work", "data_work.reporting_hours_per_channel_per_week", dw.reporting_hours_per_channel_per_week)
    add("data-work", "data_work.ad_buying_hours_per_live_hour", dw.ad_buying_hours_per_live_hour)
    add("live", "live.on_air_hours_per_live_hour", lv.on_air_hours_per_live_hour)
    add("live", "live.prep_hours_per_live_hour", lv.prep_hours_per_live_hour)
    return found


def role_sizing_section(model: SizingModel, role_id: str, lang: str) -> str:
    """A role page's "sizing" section: the drivers that feed the role, linked to the methodology page."""
    ui = UI[lang]
    link = METHODOLOGY_LINK
    lines = [f"## {ui['sizing']} {{#sizing}}", ""]
    params = _role_parameters(model, role_id)
    if params:
        lines += [ui["role_intro"], ""]
        for anchor, path, p in params:
            lines.append(
                f"- {md_text(p.label[lang])}: {fmt(p.value)} {md_text(p.unit[lang])} ([`{path}`]({link}#{anchor}))"
            )
    elif role_id != model.leadership.role:
        lines.append(ui["role_none"])
    if role_id == model.leadership.role:
        lines += ["", ui["role_lead"].format(link=link)]
    weights = [(g.name, p) for g in model.goals for r, p in g.weights if r == role_id]
    if weights:
        shown = ", ".join(f"{md_text(name[lang])} × {fmt(p.value)}" for name, p in weights)
        lines += ["", f"{ui['role_goals']} {shown} ([{ui['goals']}]({link}#goals))"]
    lines += ["", ui["role_formula"].format(link=link), "", ui["role_try"]]
    return "\n".join(lines) + "\n"
