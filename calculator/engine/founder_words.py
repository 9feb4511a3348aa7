"""The words of a founder's plan (cost, the team already there, hires, comparison) in zh and en.

One labels table per language; the HTML, CSV, Markdown and the CLI table compose from it.
Standard library only.
"""

from __future__ import annotations

from .compare import Comparison, PositionDelta
from .fmt import fmt
from .sizing.cost import Money
from .sizing.model import SizingModel
from .sizing.team import Person
from .sizing.wording import Wording

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "cost": "人力成本",
        "cost_intro": "{tier}（{cities}）薪酬，含单位社保与公积金 {rate}，以及岗位浮动薪酬（如主播提成）。",
        "monthly": "每月",
        "annual": "每年",
        "low": "低",
        "typical": "典型",
        "high": "高",
        "per_person": "每人每月（典型）",
        "position_cost": "每月合计（低 / 典型 / 高）",
        "position": "职位",
        "people": "人数",
        "total": "合计",
        "breakdown": "其中（典型）：固定薪酬 {base}，社保公积金 {on}，浮动薪酬 {variable}。",
        "cost_note": "年度 = 月度 × 发薪月数（{months}）。薪酬带与出处见",
        "methodology": "测算方法页",
        "team": "已有团队与待招岗位",
        "covered": "已由现有成员覆盖",
        "covered_item": "{title}：{covered}/{seats} 人（{by}）",
        "hires": "还需招聘（按招聘顺序）",
        "hire_item": "{title} ×{n}：每月 {cost}，累计每月 {cumulative}",
        "no_hires": "现有团队已覆盖全部职位，无需再招。",
        "unused": "本方案用不上的现有成员：{who}",
        "added": "新增人力成本：每月 {cost}（典型；范围 {low}–{high}）。",
        "compare": "方案对比：A 与 B",
        "compare_intro": "A 为当前方案，B 为对比方案（分享链接中的 vs）。",
        "col_a": "A",
        "col_b": "B",
        "col_delta": "变化",
        "headcount": "人数",
        "fte": "FTE",
        "cost_month": "每月成本（典型）",
        "positions_delta": "职位变化",
        "summary": "从 A 到 B：{changes}",
        "path": "从 A 到 B 的招聘顺序（A 的成员保留能胜任的职位）",
        "path_item": "{title} ×{n}：每月 {cost}，累计每月 {cumulative}",
        "no_path": "B 不需要新招：A 的成员已覆盖 B 的全部职位。",
        "released": "B 用不上的 A 成员：{who}",
        "no_change": "两个方案人数相同",
        "per_month": "/月",
        "stop": "只看方案 A",
        "unpriced": "以下岗位在 sizing.yaml 中没有薪酬带，未计入成本：{roles}",
        "sep": "、",
    },
    "en": {
        "cost": "People cost",
        "cost_intro": "{tier} pay ({cities}), with employer social insurance and housing fund at {rate} and "
        "the roles' variable pay (e.g. host commission).",
        "monthly": "Monthly",
        "annual": "Annual",
        "low": "low",
        "typical": "typical",
        "high": "high",
        "per_person": "Per person a month (typical)",
        "position_cost": "Monthly total (low / typical / high)",
        "position": "Position",
        "people": "People",
        "total": "Total",
        "breakdown": "Of which (typical): fixed pay {base}, social insurance and housing fund {on}, "
        "variable pay {variable}.",
        "cost_note": "Annual = monthly × months of pay ({months}). Pay bands and their sources are on the",
        "methodology": "methodology page",
        "team": "The team you have and the hires that remain",
        "covered": "Covered by people you already employ",
        "covered_item": "{title}: {covered} of {seats} ({by})",
        "hires": "Still to hire (in hiring order)",
        "hire_item": "{title} ×{n}: {cost} a month, {cumulative} a month in all so far",
        "no_hires": "The team you have covers every position: nobody left to hire.",
        "unused": "People you employ whom this plan does not need: {who}",
        "added": "Added people cost: {cost} a month (typical; range {low}–{high}).",
        "compare": "Comparison: plan A and plan B",
        "compare_intro": "A is the plan above; B is the plan it is compared with (vs in the share link).",
        "col_a": "A",
        "col_b": "B",
        "col_delta": "Change",
        "headcount": "People",
        "fte": "FTE",
        "cost_month": "Monthly cost (typical)",
        "positions_delta": "Positions that change",
        "summary": "From A to B: {changes}",
        "path": "Hiring sequence from A to B (A's people keep the positions they can hold)",
        "path_item": "{title} ×{n}: {cost} a month, {cumulative} a month in all so far",
        "no_path": "B needs no new hires: A's people cover every position of B.",
        "released": "People of A whom B does not need: {who}",
        "no_change": "the same headcount",
        "per_month": "/month",
        "stop": "Show plan A alone",
        "unpriced": "These roles have no pay band in sizing.yaml and are not in the cost: {roles}",
        "sep": ", ",
    },
}


def money(value: float) -> str:
    """An amount in CNY, rounded to the yuan, with thousands separators: ¥38,150."""
    sign = "-" if round(value) < 0 else ""
    return f"{sign}¥{fmt(abs(value), 0, grouped=True)}"


def signed_money(value: float) -> str:
    return ("+" if round(value) > 0 else "") + money(value)


def signed(value: float, decimals: int) -> str:
    text = fmt(value, decimals)
    return text if text.startswith("-") or text == "0" else "+" + text


def money_range(m: Money) -> str:
    return f"{money(m.low)} / {money(m.typical)} / {money(m.high)}"


class FounderWords:
    """Sentences about cost, the existing team and comparisons, in one language."""

    def __init__(self, model: SizingModel, lang: str, decimals: int) -> None:
        self.model, self.lang, self.decimals = model, lang, decimals
        self.ui = LABELS[lang]
        self.words = Wording(model, decimals)

    def tier(self, tier_id: str) -> tuple[str, str]:
        assert self.model.cost is not None
        tier = self.model.cost.tier(tier_id)
        return tier.name[self.lang], tier.cities[self.lang]

    def person(self, person: Person) -> str:
        joiner = "+" if self.lang == "zh" else " + "
        return joiner.join(self.words.name(r, self.lang) for r in person.roles)

    def people(self, groups: tuple[Person, ...], items: tuple[tuple[int, int], ...]) -> str:
        return self.ui["sep"].join(f"{self.person(groups[i])} ×{n}" for i, n in items)

    def delta_title(self, c: Comparison, row: PositionDelta) -> str:
        if row.b_position is not None:
            return self.words.title(c.b.positions[row.b_position], self.lang)
        assert row.a_position is not None
        return self.words.title(c.a.positions[row.a_position], self.lang)

    def changes(self, c: Comparison) -> str:
        """ "+2 主播, +1 场控, +¥38,000/月": the positions that change, then the monthly cost."""
        parts = [f"{signed(r.delta, 0)} {self.delta_title(c, r)}" for r in c.positions if r.delta]
        if c.a_cost is not None and c.b_cost is not None:
            parts.append(signed_money(c.monthly_delta.typical) + self.ui["per_month"])
        return self.ui["sep"].join(parts) if parts else self.ui["no_change"]
