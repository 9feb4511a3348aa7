"""The calculator's result as HTML: the same code at build time (prerendered) and in the browser.

Standard library only (it runs under Pyodide). Markup is built with ElementTree
(:mod:`.html`), whose serializer escapes every text and attribute, so no data string can become markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from .fmt import fmt
from .founder_html import founder_sections
from .html import TABLE_CLASS, element
from .link_notice import render_notice
from .plan_inputs import scenario_inputs
from .qr import qr_svg
from .share import LinkCheck
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
        "inputs": "输入",
        "link": "打开这个方案",
        "link_intro": "扫码或打开链接，可在计算器里看到并修改这个方案：",
        "qr": "这个方案链接的二维码",
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
        "inputs": "Inputs",
        "link": "Open this plan",
        "link_intro": "Scan the code or open the link to see and change this plan in the calculator:",
        "qr": "QR code of this plan's link",
    },
}


class ResultRenderer:
    """Renders a :class:`Plan` in one language; ``role_links`` maps role ids to their playbook pages.

    The result is a list of sections, each drawn by one method (:meth:`sections`): another section
    is one more entry there. Headings are ``h3``: the page's "Result" heading is the ``h2`` above.
    """

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

    def _section(self, root: ET.Element, name: str, title: str | None = None) -> ET.Element:
        part = element(root, "section", None, class_=f"calc-section calc-section--{name}")
        if title is not None:
            element(part, "h3", title, id=f"calc-{name}")
        return part

    def render(
        self, plan: Plan, link: str = "", check: LinkCheck | None = None, qr: bool = True, vs: Plan | None = None
    ) -> str:
        """The whole result region's content as an HTML string."""
        return ET.tostring(self.render_element(plan, link, check, qr, vs), encoding="unicode", method="html")

    def render_element(
        self, plan: Plan, link: str = "", check: LinkCheck | None = None, qr: bool = True, vs: Plan | None = None
    ) -> ET.Element:
        """The result as an element (the page embeds it as is: no serialize-and-parse round trip).

        Without ``qr`` the link section has no QR code yet: the browser asks for it after the plan is on
        screen (:meth:`.browser.Calculator.extras`), so typing never waits for the QR encoder.
        """
        root = ET.Element("div", {"class": "calc-result__body"})
        self.summary(root, plan, check)
        if not plan.positions:
            element(root[0], "p", self.ui["empty"])
            self.inputs(root, plan)
            return root
        for section in (self.positions, self.chart_section, self.hiring):
            section(root, plan)
        founder_sections(root, plan, self.model, self.lang, self.methodology_link, vs)
        for section in (self.peak, self.drivers, self.inputs):
            section(root, plan)
        if link:
            self.link(root, link, qr)
        element(root, "p", self.ui["version"].format(version=plan.model_version), class_="calc-version")
        return root

    def summary(self, root: ET.Element, plan: Plan, check: LinkCheck | None) -> None:
        ui, lang = self.ui, self.lang
        top = self._section(root, "summary")
        headline = element(top, "p", None, class_="calc-headline")
        element(headline, "strong", summary_text(plan, lang))
        if check is not None:
            render_notice(top, check, self.model, lang, plan.decimals)
        if not plan.positions:
            return
        element(top, "p", self.words.headcount_range(plan, lang), class_="calc-range")
        element(top, "p", self.words.lead_decision(plan, lang))
        if plan.warnings:
            box = element(top, "div", None, class_="calc-warnings")
            element(box, "p", ui["warnings"], class_="calc-warnings__title")
            items = element(box, "ul")
            for text in self.words.warnings(plan, lang):
                element(items, "li", text)

    def positions(self, root: ET.Element, plan: Plan) -> None:
        ui, lang, n = self.ui, self.lang, self.words.n
        part = self._section(root, "positions", ui["positions"])
        table = element(part, "table", None, class_=TABLE_CLASS)
        head = element(element(table, "thead"), "tr")
        labels = ("#", ui["position"], ui["count"], ui["fte"], ui["carries"])
        for label in labels:
            element(head, "th", label, scope="col")
        body = element(table, "tbody")
        for i, position in enumerate(plan.positions, 1):
            row = element(body, "tr", None, class_=f"calc-position calc-position--{position.kind}")
            element(row, "td", str(i), class_="calc-position__no")
            element(row, "th", self.words.title(position, lang), scope="row", class_="calc-position__title")
            count = str(position.count) if position.kind != "outsourced" else ui["not_counted"]
            element(row, "td", count, class_="num", data_label=labels[2])
            element(row, "td", n(position.fte + position.lead_share), class_="num", data_label=labels[3])
            cell = element(row, "td", None, class_="calc-position__roles", data_label=labels[4])
            for j, (role_id, share) in enumerate(position.shares):
                if j:
                    element(cell, "span", "、" if lang == "zh" else ", ")
                self._role(cell, role_id)
                element(cell, "span", f"\u00a0{n(share)}")
                self._job_description(cell, role_id)
        total = element(element(table, "tfoot"), "tr")
        element(total, "td", "", class_="calc-position__no")
        element(total, "th", "Σ", scope="row", class_="calc-position__title")
        element(total, "td", str(plan.total_headcount), class_="num", data_label=labels[2])
        element(total, "td", n(plan.total_fte), class_="num", data_label=labels[3])
        element(total, "td", "", class_="calc-position__roles")

    def hiring(self, root: ET.Element, plan: Plan) -> None:
        lang = self.lang
        part = self._section(root, "hiring", self.ui["hiring"])
        steps = element(part, "ol", None, class_="calc-hiring")
        for step in plan.hiring_order:
            position = plan.positions[step.position]
            item = element(steps, "li")
            count = f" ×{step.count}" if position.kind != "outsourced" else ""
            element(item, "strong", self.words.title(position, lang) + count)
            element(item, "span", ("：" if lang == "zh" else ": ") + self.words.reason(position, plan, lang))

    def peak(self, root: ET.Element, plan: Plan) -> None:
        ui, n = self.ui, self.words.n
        part = self._section(root, "peak", ui["peak"])
        if plan.peak is None:
            element(part, "p", ui["no_peak"])
            return
        element(part, "p", self.words.peak(plan, self.lang))
        table = element(part, "table", None, class_=TABLE_CLASS)
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
        part = self._section(root, "drivers", ui["drivers"])
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

    def inputs(self, root: ET.Element, plan: Plan) -> None:
        """The scenario's inputs, for print (on screen the form shows them)."""
        part = self._section(root, "inputs", self.ui["inputs"])
        table = element(part, "table", None, class_="calc-inputs")
        body = element(table, "tbody")
        for label, value in scenario_inputs(plan.scenario, self.model, self.lang):
            row = element(body, "tr")
            element(row, "th", label, scope="row")
            element(row, "td", value)

    def link(self, root: ET.Element, link: str, qr: bool = True) -> ET.Element:
        """The plan's share link and its QR code (for print, and for a phone to scan off the screen)."""
        part = self._section(root, "link", self.ui["link"])
        element(part, "p", self.ui["link_intro"])
        element(element(part, "p", None, class_="calc-link"), "a", link, href=link)
        if qr:
            part.append(qr_svg(link, self.ui["qr"]))
        return part

    def link_html(self, link: str) -> str:
        """The link section alone, with its QR code (what the browser puts in place once it is drawn)."""
        holder = ET.Element("div")
        return ET.tostring(self.link(holder, link), encoding="unicode", method="html")

    def chart_section(self, root: ET.Element, plan: Plan) -> None:
        part = self._section(root, "chart", self.ui["chart"])
        part.append(self.chart(plan))

    def chart(self, plan: Plan) -> ET.Element:
        """A horizontal SVG bar chart of FTE per role (roles with work only), each label above its bar.

        Drawn 360 units wide, about a phone's width, so its 13-unit text stays >= 12 px there, and
        labels of any length fit (no label column to guess the width of).
        """
        rows = [(r.id, self.model.role(r.id).name[self.lang], r.fte) for r in plan.roles if r.fte > 0]
        label_h, bar_h, gap, width, value_w = 16, 16, 8, 360, 48
        row_h = label_h + bar_h + gap
        height = len(rows) * row_h + gap
        top = max((fte for _, _, fte in rows), default=1.0) or 1.0
        svg = ET.Element(
            "svg",
            {
                "class": "calc-chart",
                "viewBox": f"0 0 {width} {height}",
                "role": "img",
                "aria-label": self.ui["chart_label"],
            },
        )
        element(svg, "title", self.ui["chart_label"])
        for i, (role_id, title, fte) in enumerate(rows):
            y = gap + i * row_h
            bar = max(2.0, (width - value_w) * fte / top)
            element(svg, "text", title, x="0", y=str(y + 12), class_="calc-chart__label")
            rect = element(svg, "rect", None, x="0", y=str(y + label_h), width=f"{bar:.1f}", height=str(bar_h), rx="3")
            rect.set("class", f"calc-chart__bar calc-chart__bar--{role_id}")
            value_y = str(y + label_h + 12)
            element(svg, "text", self.words.n(fte), x=f"{bar + 5:.1f}", y=value_y, class_="calc-chart__value")
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
    link: str = "",
    check: LinkCheck | None = None,
    qr: bool = True,
    vs: Plan | None = None,
) -> str:
    """Shortcut: the result region's HTML for ``plan`` in ``lang`` (with its share ``link`` and QR when given;
    compared with plan ``vs`` when given)."""
    return ResultRenderer(model, lang, role_links, methodology_link).render(plan, link, check, qr, vs)


def role_links_for(role_ids: Iterable[str], prefix: str) -> dict[str, str]:
    """Links from the calculator page to each playbook role page (``prefix`` + ``<id>/``)."""
    return {role_id: f"{prefix}{role_id}/" for role_id in role_ids}
