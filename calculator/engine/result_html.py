"""The calculator's result as HTML: the same code at build time (prerendered) and in the browser.

Standard library only (it runs under Pyodide). Markup is built with ElementTree
(:mod:`.html`), whose serializer escapes every text and attribute, so no data string can become markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from .fmt import fmt
from .founder_html import founder_sections
from .html import element
from .sizing.model import SizingModel
from .sizing.plan import Plan
from .sizing.wording import Wording

UI: dict[str, dict[str, str]] = {
    "zh": {
        "people": "人",
        "fte": "FTE",
        "headline": "建议团队 {n} 人（{fte} FTE）",
        "range": "范围 {low}–{high} 人",
        "positions": "职位与人数",
        "position": "职位",
        "count": "人数",
        "carries": "承担的岗位工作",
        "chart": "各岗位工作量（FTE）",
        "chart_label": "各岗位 FTE 条形图",
        "hiring": "招聘顺序",
        "peak": "大促冲刺期",
        "no_peak": "没有节点大促，因此没有冲刺期。",
        "role": "岗位",
        "steady": "平时 FTE",
        "at_peak": "冲刺期 FTE",
        "drivers": "每个数字从哪来",
        "drivers_intro": "每个岗位的工时由以下各项相加；公式里的参数与出处见",
        "methodology": "测算方法页",
        "empty": "还没有工作量：请在上面选择渠道和发布频率。",
        "warnings": "请注意",
        "version": "模型版本 {version}",
        "not_counted": "不计入人数",
    },
    "en": {
        "people": "people",
        "fte": "FTE",
        "headline": "Suggested team: {n} people ({fte} FTE)",
        "range": "range {low}–{high} people",
        "positions": "Positions and headcount",
        "position": "Position",
        "count": "People",
        "carries": "Role work it carries",
        "chart": "Workload per role (FTE)",
        "chart_label": "Bar chart of FTE per role",
        "hiring": "Hiring order",
        "peak": "Campaign peak",
        "no_peak": "No node campaigns, so no peak.",
        "role": "Role",
        "steady": "Steady FTE",
        "at_peak": "Peak FTE",
        "drivers": "Where every number comes from",
        "drivers_intro": "Each role's hours are the sum of these items; the parameters and their sources are on the",
        "methodology": "methodology page",
        "empty": "No workload yet: choose channels and how often you post, above.",
        "warnings": "Please note",
        "version": "model version {version}",
        "not_counted": "not counted",
    },
}


class ResultRenderer:
    """Renders a :class:`Plan` in one language; ``role_links`` maps role ids to their playbook pages."""

    def __init__(self, model: SizingModel, lang: str, role_links: dict[str, str], methodology_link: str) -> None:
        self.model = model
        self.words = Wording(model)
        self.lang = lang
        self.ui = UI[lang]
        self.role_links = role_links
        self.methodology_link = methodology_link

    def _role(self, parent: ET.Element, role_id: str) -> None:
        name = self.model.role(role_id).name[self.lang]
        link = self.role_links.get(role_id)
        if link:
            element(parent, "a", name, href=link)
        else:
            element(parent, "span", name)

    def _job_description(self, parent: ET.Element, role_id: str) -> None:
        """A link to the role's ready-to-post job descriptions (the role page's #jd section)."""
        link = self.role_links.get(role_id)
        if link:
            label = "招聘 JD" if self.lang == "zh" else "job description"
            element(parent, "span", " (")
            jd = element(parent, "a", "JD", href=f"{link}#jd", class_="calc-jd")
            # the link's full name for screen readers, as text (data text never goes into an attribute)
            element(jd, "span", f" {self.model.role(role_id).name[self.lang]} {label}", class_="playbook-sr")
            element(parent, "span", ")")

    def render(self, plan: Plan, vs: Plan | None = None) -> str:
        """The whole result region's content as an HTML string."""
        root = ET.Element("div", {"class": "calc-result__body"})
        ui, lang = self.ui, self.lang
        top = element(root, "section", None, class_="calc-section calc-section--summary")
        headline = element(top, "p", None, class_="calc-headline")
        element(headline, "strong", summary_text(plan, lang))
        if not plan.positions:
            element(top, "p", ui["empty"])
            return ET.tostring(root, encoding="unicode", method="html")
        element(top, "p", self.words.headcount_range(plan, lang), class_="calc-range")
        element(top, "p", self.words.lead_decision(plan, lang))
        if plan.warnings:
            box = element(top, "div", None, class_="calc-warnings")
            element(box, "p", ui["warnings"], class_="calc-warnings__title")
            items = element(box, "ul")
            for text in self.words.warnings(plan, lang):
                element(items, "li", text)
        self.positions(root, plan)
        part = element(root, "section", None, class_="calc-section calc-section--chart")
        element(part, "h2", ui["chart"], id="calc-chart")
        part.append(self.chart(plan))
        self.hiring(root, plan)
        founder_sections(root, plan, self.model, lang, self.methodology_link, vs)
        self.peak(root, plan)
        self.drivers(root, plan)
        element(root, "p", ui["version"].format(version=plan.model_version), class_="calc-version")
        return ET.tostring(root, encoding="unicode", method="html")

    def positions(self, root: ET.Element, plan: Plan) -> None:
        ui, lang, n = self.ui, self.lang, self.words.n
        part = element(root, "section", None, class_="calc-section calc-section--positions")
        element(part, "h2", ui["positions"], id="calc-positions")
        table = element(part, "table")
        head = element(element(table, "thead"), "tr")
        for label in ("#", ui["position"], ui["count"], ui["fte"], ui["carries"]):
            element(head, "th", label, scope="col")
        body = element(table, "tbody")
        for i, position in enumerate(plan.positions, 1):
            row = element(body, "tr", None, class_=f"calc-position calc-position--{position.kind}")
            element(row, "td", str(i))
            element(row, "td", self.words.title(position, lang))
            element(
                row, "td", str(position.count) if position.kind != "outsourced" else ui["not_counted"], class_="num"
            )
            element(row, "td", n(position.fte + position.lead_share), class_="num")
            cell = element(row, "td")
            for j, (role_id, share) in enumerate(position.shares):
                if j:
                    element(cell, "span", "、" if lang == "zh" else ", ")
                self._role(cell, role_id)
                element(cell, "span", f" {n(share)}")
                self._job_description(cell, role_id)
        total = element(element(table, "tfoot"), "tr")
        element(total, "th", "", scope="row")
        element(total, "th", "Σ")
        element(total, "td", str(plan.total_headcount), class_="num")
        element(total, "td", n(plan.total_fte), class_="num")
        element(total, "td", "")

    def hiring(self, root: ET.Element, plan: Plan) -> None:
        lang = self.lang
        part = element(root, "section", None, class_="calc-section calc-section--hiring")
        element(part, "h2", self.ui["hiring"], id="calc-hiring")
        steps = element(part, "ol", None, class_="calc-hiring")
        for step in plan.hiring_order:
            position = plan.positions[step.position]
            item = element(steps, "li")
            count = f" ×{step.count}" if position.kind != "outsourced" else ""
            element(item, "strong", self.words.title(position, lang) + count)
            element(item, "span", ("：" if lang == "zh" else ": ") + self.words.reason(position, plan, lang))

    def peak(self, root: ET.Element, plan: Plan) -> None:
        ui, n = self.ui, self.words.n
        part = element(root, "section", None, class_="calc-section calc-section--peak")
        element(part, "h2", ui["peak"], id="calc-peak")
        if plan.peak is None:
            element(part, "p", ui["no_peak"])
            return
        element(part, "p", self.words.peak(plan, self.lang))
        table = element(part, "table")
        head = element(element(table, "thead"), "tr")
        for label in (ui["role"], ui["steady"], ui["at_peak"]):
            element(head, "th", label, scope="col")
        body = element(table, "tbody")
        steady = {r.id: r.fte for r in plan.roles}
        for role_id, fte in plan.peak.roles:
            if not fte and not steady.get(role_id):
                continue
            row = element(body, "tr")
            self._role(element(row, "td"), role_id)
            element(row, "td", n(steady.get(role_id, 0.0)), class_="num")
            element(row, "td", n(fte), class_="num")

    def drivers(self, root: ET.Element, plan: Plan) -> None:
        ui, lang = self.ui, self.lang
        part = element(root, "section", None, class_="calc-section calc-section--drivers")
        element(part, "h2", ui["drivers"], id="calc-drivers")
        intro = element(part, "p", ui["drivers_intro"] + ("" if lang == "zh" else " "))
        link = element(intro, "a", ui["methodology"], href=self.methodology_link)
        link.tail = "。" if lang == "zh" else "."
        for role in plan.roles:
            if not role.drivers:
                continue
            box = element(part, "details", None, class_="calc-role", id=f"calc-role-{role.id}")
            summary = element(box, "summary")
            self._role(summary, role.id)
            element(summary, "span", f" — {self.words.n(role.fte)} {ui['fte']}")
            element(box, "p", self.words.role_formula(plan, role.id, lang), class_="calc-formula")
            items = element(box, "ul")
            for driver in role.drivers:
                item = element(items, "li")
                element(item, "span", driver.label[lang] + ("：" if lang == "zh" else ": "))
                element(item, "span", self.words.driver_formula(driver, lang), class_="calc-formula")

    def chart(self, plan: Plan) -> ET.Element:
        """A horizontal SVG bar chart of FTE per role (roles with work only)."""
        rows = [(r.id, self.model.role(r.id).name[self.lang], r.fte) for r in plan.roles if r.fte > 0]
        bar_h, gap, width = 22, 8, 640
        # room for the longest label: CJK characters are about twice as wide as Latin ones
        longest = max((sum(14.0 if ord(ch) > 0x2E80 else 7.5 for ch in title) for _, title, _ in rows), default=0)
        label_w = int(min(300, max(90, longest + 16)))
        height = len(rows) * (bar_h + gap) + gap
        top = max((fte for _, _, fte in rows), default=1.0) or 1.0
        svg = ET.Element(
            "svg",
            {
                "class": "calc-chart",
                "viewBox": f"0 0 {width} {height}",
                "role": "img",
                "aria-label": self.ui["chart_label"],
                "xmlns": "http://www.w3.org/2000/svg",
            },
        )
        element(svg, "title", self.ui["chart_label"])
        for i, (role_id, title, fte) in enumerate(rows):
            y = gap + i * (bar_h + gap)
            bar = max(2.0, (width - label_w - 70) * fte / top)
            element(
                svg,
                "text",
                title,
                x=str(label_w - 8),
                y=str(y + bar_h * 0.7),
                text_anchor="end",
                class_="calc-chart__label",
            )
            rect = element(svg, "rect", None, x=str(label_w), y=str(y), width=f"{bar:.1f}", height=str(bar_h), rx="3")
            rect.set("class", f"calc-chart__bar calc-chart__bar--{role_id}")
            element(
                svg,
                "text",
                self.words.n(fte),
                x=f"{label_w + bar + 6:.1f}",
                y=str(y + bar_h * 0.7),
                class_="calc-chart__value",
            )
        return svg


def summary_text(plan: Plan, lang: str) -> str:
    """One line for the top of the page, so a phone user sees the answer before the long form."""
    return UI[lang]["headline"].format(n=plan.total_headcount, fte=fmt(plan.total_fte, plan.decimals))


def render_result(
    plan: Plan,
    model: SizingModel,
    lang: str,
    role_links: dict[str, str],
    methodology_link: str,
    vs: Plan | None = None,
) -> str:
    """Shortcut: the result region's HTML for ``plan`` in ``lang`` (compared with plan ``vs`` when given)."""
    return ResultRenderer(model, lang, role_links, methodology_link).render(plan, vs)


def role_links_for(role_ids: Iterable[str], prefix: str) -> dict[str, str]:
    """Links from the calculator page to each playbook role page (``prefix`` + ``<id>/``)."""
    return {role_id: f"{prefix}{role_id}/" for role_id in role_ids}
