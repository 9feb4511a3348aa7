"""Sentences about a plan, in each language, from its structured facts: one labels table per language.

The engine (:mod:`.plan`) returns numbers and ids; everything a reader reads is composed here, so
the arithmetic holds no prose and every renderer (result HTML, exports, CLI, methodology) says the
same thing. Standard library only (it runs in the browser).
"""

from __future__ import annotations

from ..fmt import fmt
from ..model import Text
from .model import SizingModel
from .plan import Plan, Position
from .workload import Driver

LANGS = ("zh", "en")

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "h_week": "小时/周",
        "list_sep": "、",
        "title": "{main}（{extras}）",
        "extras_sep": "；",
        "also": "兼{others}",
        "leads": "兼团队负责人",
        "part_time": "兼职",
        "outsourced": "{title}：兼职或外包",
        "count": "{title} × {n}",
        "outsourced_reason": "工作量不足 {min} FTE，又没有会做的同事有空余：交给兼职或外包，不计入人数。",
        "part_time_reason": "工作量不到半个人（{fte} FTE），兼职更现实。",
        "lead_reason": "团队 {n} 人，由其中一人兼任负责人（规划、排期、对外沟通），约 {share} FTE。",
        "lead_extra": "加上负责人工作，团队的总工作量超出 {n} 人能承担的范围，因此多一人。",
        "none": "没有需要人做的工作。",
        "solo": "一个人做得完全部工作：招一名多面手，自己规划自己的工作。",
        "player_coach": "执行团队 {n} 人（不超过 {span} 人）：不设专职负责人，由团队中一人兼任，负责人工作约 {share} FTE。",
        "head": "执行团队 {n} 人，超过一人兼管的 {span} 人：设一名专职{title}，直接管理全部成员（不超过 {head_span} 人）。",
        "head_and_team_leads": "执行团队 {n} 人，超过专职负责人直接管理的 {head_span} 人：设一名专职{title}和 {leads} 名组长"
        "（每人带不超过 {lead_span} 人，从团队中提拔）；组长的管理工作约 {share} FTE，为此多配 {backfill} 人。",
        "range": "合理范围 {low}–{high} 人：按每个参数合理范围的低端与高端分别计算。",
        "peak": "每年 {campaigns} 次节点大促，每次冲刺 {weeks} 周（每年约 {weeks_year} 周）：冲刺期需要 {people} 人，"
        "比平时多 {extra} 人（{fte} FTE）。",
        "peak_none": "每年 {campaigns} 次节点大促：冲刺期的工作量现有人手承担得了。",
        "cover_overtime": "增量不超过团队的 {share}：短期加班可以覆盖。",
        "cover_temporary": "用临时工、实习生或代运营/外包覆盖冲刺期，不必长期招聘。",
        "cover_permanent": "冲刺期每年超过 {limit} 周：把这部分人手变成正式编制，比长期找临时人手更划算。",
        "formula_role": "{weight} × {production} 小时 ÷ {hours} 小时 + {coverage} 小时 ÷ {hours} 小时 = {fte} FTE",
        "formula_lead": "负责人：{fte} FTE",
        "per_channel": "每个账号",
        "not_counted": "（取较大者，未计入）",
        "comments": "{n} 条/周 × {minutes} 分钟/条（浏览 {skim} + 回复比例 {share} × {handle} 分钟 ÷ 同时 {conc} 个会话）÷ 60 = {hours} 小时/周",
        "warn_headcount": "方案 {people} 人，超出模型校准过的范围（不超过 {limit} 人）：这个规模需要专门的组织设计，数字只作粗略参考。",
        "warn_live_hours": "{channel}每周直播 {hours} 小时，超出校准范围（{limit} 小时，约每天16小时）：全天候直播间的排班需要单独设计。",
        "warn_posts": "{channel}每周 {posts} 条，超出校准范围（{limit} 条）：这通常是模板化批量生产，每条工时会明显更低。",
        "warn_comments": "每周 {comments} 条评论与私信，超出一个团队能逐条阅读的量（{limit} 条）：应抽样处理并依赖关键词自动回复。",
        "warn_middle_managers": "需要 {team_leads} 名组长，超过一位负责人能直接管理的 {limit} 人：还需要一层中层管理者，本模型没有计算。",
        "warn_spend_without_channel": "填了投放预算或达人合作，却没有任何渠道在发布或直播：请检查输入。",
        "warn_service_without_questions": "设了客服在线时长，但没有评论、私信或直播：请检查输入。",
        "warn_campaigns_without_audience": "有节点大促，但没有任何渠道、社群或私域：请检查输入。",
    },
    "en": {
        "h_week": "h/week",
        "list_sep": ", ",
        "title": "{main} ({extras})",
        "extras_sep": "; ",
        "also": "also {others}",
        "leads": "leads the team",
        "part_time": "part-time",
        "outsourced": "{title}: part-time or outsourced",
        "count": "{title} × {n}",
        "outsourced_reason": "Less than {min} FTE of work and no colleague who can do it has room: part-time or outsourced, "
        "not counted in the headcount.",
        "part_time_reason": "Less than half a person's work ({fte} FTE): part-time is more realistic.",
        "lead_reason": "A team of {n}: one of them also leads (planning, scheduling, cross-team contact), about {share} FTE.",
        "lead_extra": "With the lead work, the team's total work is more than {n} people can carry, so one more person.",
        "none": "No work that needs people.",
        "solo": "One person can do all the work: hire a generalist, who plans their own work.",
        "player_coach": "Execution team of {n} (at most {span}): no dedicated head; one member also leads, about {share} FTE of lead work.",
        "head": "Execution team of {n}, more than a working lead can run ({span}): hire one dedicated {title}, who manages "
        "everyone directly (at most {head_span}).",
        "head_and_team_leads": "Execution team of {n}, more than a dedicated head manages directly ({head_span}): one dedicated "
        "{title} and {leads} team leads (at most {lead_span} people each, promoted from the team); their lead work is "
        "about {share} FTE, so {backfill} more people.",
        "range": "Plausible range {low}–{high} people: computed with every parameter at the low and at the high end of its range.",
        "peak": "{campaigns} node campaigns a year, {weeks} peak weeks each (about {weeks_year} weeks a year): the peak needs "
        "{people} people, {extra} more than usual ({fte} FTE).",
        "peak_none": "{campaigns} node campaigns a year: the current team can carry the peak weeks.",
        "cover_overtime": "The increase is within {share} of the team: short overtime can cover it.",
        "cover_temporary": "Cover the peak with temps, interns or an agency rather than permanent hires.",
        "cover_permanent": "Peaks fill more than {limit} weeks a year: make these people permanent staff; it costs less than "
        "finding temporary help again and again.",
        "formula_role": "{weight} × {production} h ÷ {hours} h + {coverage} h ÷ {hours} h = {fte} FTE",
        "formula_lead": "Lead: {fte} FTE",
        "per_channel": "per account",
        "not_counted": " (the larger alternative counts; not counted)",
        "comments": "{n} per week × {minutes} min per item (skim {skim} + reply share {share} × {handle} min ÷ {conc} "
        "conversations at once) ÷ 60 = {hours} h/week",
        "warn_headcount": "The plan has {people} people, beyond the range the model was checked on (up to {limit}): a team this "
        "size needs its own org design; treat the numbers as rough.",
        "warn_live_hours": "{channel} streams {hours} h a week, beyond the checked range ({limit} h, about 16 h a day): "
        "round-the-clock rooms need their own shift plan.",
        "warn_posts": "{posts} posts a week on {channel}, beyond the checked range ({limit}): that is templated mass "
        "production, where each post takes far less time.",
        "warn_comments": "{comments} comments and DMs a week is more than a team can read one by one ({limit}): sample them "
        "and rely on keyword auto-replies.",
        "warn_middle_managers": "{team_leads} team leads are more than one head can manage directly ({limit}): a middle "
        "management layer is needed, which this model does not size.",
        "warn_spend_without_channel": "An ad budget or creator deals are given, but no channel posts or streams: check the inputs.",
        "warn_service_without_questions": "Service hours are set, but there are no comments, DMs or live streams: check the inputs.",
        "warn_campaigns_without_audience": "Node campaigns are set, but no channel, community or private domain: check the inputs.",
    },
}


def both(make: object) -> Text:
    """A :class:`Text` from a function of the language."""
    return Text(make("zh"), make("en"))  # type: ignore[operator]


class Wording:
    """Composes the sentences of one plan; ``model`` names the roles, channels and goals."""

    def __init__(self, model: SizingModel, decimals: int | None = None) -> None:
        self.m = model
        self.d = model.decimals if decimals is None else decimals

    def n(self, value: float) -> str:
        return fmt(value, self.d)

    def name(self, role: str, lang: str) -> str:
        return self.m.role(role).name[lang]

    # ---- positions

    def title(self, p: Position, lang: str) -> str:
        """The position's title from the playbook's role names: main role, what else it carries, part-time."""
        t = LABELS[lang]
        ranked = sorted(p.shares, key=lambda s: -s[1])
        main = self.name(ranked[0][0], lang)
        # the title names the roles that matter; tiny shares show in the "carries" column only
        others = [self.name(r, lang) for r, share in ranked[1:] if share >= self.m.packing.min_share.value / 2]
        if p.kind == "outsourced":
            names = t["list_sep"].join([main, *others])
            return t["outsourced"].format(title=names)
        extras = [t["also"].format(others=t["list_sep"].join(others))] if others else []
        if p.leads:
            extras.append(t["leads"])
        if p.part_time:
            extras.append(t["part_time"])
        return t["title"].format(main=main, extras=t["extras_sep"].join(extras)) if extras else main

    def reason(self, p: Position, plan: Plan, lang: str) -> str:
        t = LABELS[lang]
        if p.kind == "head":
            return self.hiring_reason(self.m.leadership.role, lang)
        if p.kind == "outsourced":
            return t["outsourced_reason"].format(min=self.n(self.m.packing.min_share.value))
        parts = [self.hiring_reason(p.main_role, lang)]  # the title already names what else it carries
        if p.part_time:
            parts.append(t["part_time_reason"].format(fte=self.n(p.fte)))
        if p.leads:
            lead = plan.leadership
            parts.append(t["lead_reason"].format(n=lead.execution_headcount, share=self.n(p.lead_share)))
            if lead.extra_person:
                parts.append(t["lead_extra"].format(n=lead.execution_headcount))
        return ("" if lang == "zh" else " ").join(parts)

    def hiring_reason(self, role: str, lang: str) -> str:
        return next(h.reason[lang] for h in self.m.hiring if h.role == role)

    # ---- plan-level sentences

    def lead_decision(self, plan: Plan, lang: str) -> str:
        ld, t = self.m.leadership, LABELS[lang]
        lead = plan.leadership
        return t[lead.kind].format(
            n=lead.execution_headcount,
            span=self.n(ld.player_coach_span.value),
            head_span=self.n(ld.head_span.value),
            lead_span=self.n(ld.team_lead_span.value),
            title=self.name(ld.role, lang),
            share=self.n(lead.lead_fte),
            leads=lead.team_leads,
            backfill=lead.backfill,
        )

    def headcount_range(self, plan: Plan, lang: str) -> str:
        low, high = plan.headcount_range
        return LABELS[lang]["range"].format(low=low, high=high)

    def peak(self, plan: Plan, lang: str) -> str:
        t, pk = LABELS[lang], plan.peak
        if pk is None:
            return ""
        if pk.extra_people <= 0:
            return t["peak_none"].format(campaigns=pk.campaigns_per_year)
        text = t["peak"].format(
            campaigns=pk.campaigns_per_year,
            weeks=pk.weeks_each,
            weeks_year=pk.weeks_per_year,
            people=pk.headcount,
            extra=pk.extra_people,
            fte=self.n(pk.extra_fte),
        )
        ca = self.m.campaigns
        cover = t[f"cover_{pk.cover}"].format(
            share=f"{ca.overtime_share.value:.0%}", limit=self.n(ca.permanent_above_weeks.value)
        )
        return text + ("" if lang == "zh" else " ") + cover

    def warnings(self, plan: Plan, lang: str) -> list[str]:
        out = []
        for w in plan.warnings:
            values = {k: self.m.channel(str(v)).name[lang] if k == "channel" else self.value(v) for k, v in w.values}
            out.append(LABELS[lang][f"warn_{w.id}"].format(**values))
        return out

    def value(self, v: float | str) -> str:
        return v if isinstance(v, str) else self.n(float(v))

    # ---- formulas

    def driver_label(self, d: Driver, lang: str) -> str:
        return d.label[lang]

    def driver_formula(self, d: Driver, lang: str) -> str:
        t = LABELS[lang]
        if d.id == "customer_service.comments":
            cs = self.m.customer_service
            return t["comments"].format(
                n=self.n(d.quantity),
                minutes=self.n(d.rate),
                skim=self.n(cs.skim_minutes.value),
                share=self.n(cs.reply_share.value),
                handle=self.n(cs.handle_minutes.value),
                conc=self.n(cs.concurrency.value),
                hours=self.n(d.hours_per_week),
            ) + ("" if d.counted else t["not_counted"])
        rate = f"{self.n(d.rate)} {d.rate_unit[lang]}"
        if d.quantity_id == "channel":
            text = f"{t['per_channel']} {rate}"
        else:
            per = f" ÷ {self.n(d.per)}" if d.per != 1 else ""
            text = f"{self.n(d.quantity)} × {rate}{per} = {self.n(d.hours_per_week)} {t['h_week']}"
        return text + ("" if d.counted else t["not_counted"])

    def role_formula(self, plan: Plan, role: str, lang: str) -> str:
        r = plan.role(role)
        t = LABELS[lang]
        if role == self.m.leadership.role:
            return t["formula_lead"].format(fte=self.n(r.fte))
        return t["formula_role"].format(
            weight=self.n(r.weight),
            production=self.n(r.production_hours),
            coverage=self.n(r.coverage_hours),
            hours=self.n(plan.productive_hours),
            fte=self.n(r.fte),
        )
