"""The calculator page: a form generated from sizing.yaml and the default plan, prerendered.

The result region holds the default scenario's plan, computed at build time by the same
engine, so the page shows a complete plan at first paint, with JavaScript off, and when
Pyodide cannot start. The browser then replaces it with live results.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from ..engine.export import plan_to_csv, plan_to_markdown
from ..engine.fmt import fmt
from ..engine.html import element
from ..engine.model import Playbook
from ..engine.result_html import ResultRenderer, role_links_for, summary_text
from ..engine.scenario import ChannelActivity, Scenario, default_scenario
from ..engine.share import share_fragment
from ..engine.sizing.model import Channel, SizingModel
from ..engine.sizing.plan import size
from .plan_form import plan_fields, preset_links
from .rawhtml import placeholder

ROLES_PREFIX = "../roles/"
METHODOLOGY_LINK = "../methodology/"
#: start-up gives up when the download brings no byte for this long (no fixed deadline: a slow line gets there)
STALL_SECONDS = 30
#: ... or when Python has not started this long after the last byte (CPU only: seconds, even on a slow phone)
START_SECONDS = 90

UI = {
    "zh": {
        "title": "团队编制计算器",
        "intro": "选择渠道、发布频率、社群规模、大促次数和目标，计算需要哪些岗位、多少人、先招谁。"
        "每个数字都能追溯到[测算方法](methodology.md)里的公式与出处。",
        "channels": "渠道与频率",
        "channel": "渠道",
        "private_domain": "私域与社群",
        "campaigns": "评论、客服与大促",
        "paid": "投放与达人合作",
        "goals": "目标",
        "actions": "分享与导出",
        "share": "复制分享链接",
        "csv": "导出 CSV",
        "markdown": "导出 Markdown",
        "print": "打印",
        "reset": "恢复默认",
        "result": "结果",
        "status_static": "下面是默认方案，在构建时由同一套计算引擎算出。"
        "实时重算需要浏览器运行 JavaScript 和 WebAssembly。",
        "noscript": "浏览器未启用 JavaScript：无法实时重算，下面是默认方案。",
        "link_pending": "正在计算分享链接中的方案…",
    },
    "en": {
        "title": "Team-sizing calculator",
        "intro": "Choose channels, cadence, community size, campaigns and goals to see which roles you need, how many "
        "people, and whom to hire first. Every number traces back to the formulas and sources on the "
        "[methodology page](methodology.md).",
        "channels": "Channels and cadence",
        "channel": "Channel",
        "private_domain": "Private domain and community",
        "campaigns": "Comments, service and campaigns",
        "paid": "Paid media and creators",
        "goals": "Goals",
        "actions": "Share and export",
        "share": "Copy share link",
        "csv": "Export CSV",
        "markdown": "Export Markdown",
        "print": "Print",
        "reset": "Reset to default",
        "result": "Result",
        "status_static": "Below is the default plan, computed at build time by the same engine. Live recalculation "
        "needs a browser that runs JavaScript and WebAssembly.",
        "noscript": "JavaScript is off: live recalculation is unavailable; below is the default plan.",
        "link_pending": "Computing the plan from the shared link…",
    },
}


def _input(parent: ET.Element, model: SizingModel, input_id: str, name: str, value: float, label: str) -> None:
    """A number field; ``label`` is its accessible name. A text input with a number pad, not
    ``type=number``: the browser would hand over its guess ("1,5" as 15), not what was typed, and
    Python (``calculator.engine.forminput``) reads the text exactly, bounds from the data included."""
    whole = input_id in ("groups", "contacts", "campaigns_per_year", "ad_spend_per_month")
    element(
        parent,
        "input",
        None,
        type="text",
        name=name,
        inputmode="numeric" if whole else "decimal",
        autocomplete="off",
        spellcheck="false",
        value=fmt(value, 2),
        aria_label=label,
    )


def _field(parent: ET.Element, model: SizingModel, lang: str, input_id: str, name: str, value: float) -> None:
    spec = model.form.input(input_id)
    label = element(parent, "label", None, class_="calc-field")
    element(label, "span", spec.label[lang], class_="calc-field__label")
    _input(label, model, input_id, name, value, spec.label[lang])
    element(label, "span", spec.unit[lang], class_="calc-field__unit")
    if spec.help:
        element(label, "small", spec.help[lang], class_="calc-field__help")


def _format_select(
    row: ET.Element, model: SizingModel, channel: Channel, now: ChannelActivity | None, lang: str
) -> None:
    """The channel's content formats (the first is the default); a choice changes the hours per post."""
    cell = element(row, "td")
    label = f"{channel.name[lang]} {model.form.input('format').label[lang]}"
    select = element(cell, "select", None, name=f"channels.{channel.id}.format", aria_label=label)
    select.set("data-format-of", channel.id)
    chosen = now.format if now and now.format else channel.formats[0].id
    for choice in channel.formats:
        option = element(select, "option", choice.name[lang], value=choice.id)
        if choice.id == chosen:
            option.set("selected", "selected")


def form_html(parent: ET.Element, model: SizingModel, scenario: Scenario, lang: str) -> None:
    """The form, every field named like the scenario's JSON path, filled with ``scenario``."""
    ui = UI[lang]
    activity = {c.channel: c for c in scenario.channels}
    form = element(parent, "form", None, id="calc-form", class_="calc-form", novalidate="novalidate")
    channels = element(form, "fieldset", None, class_="calc-channels")
    element(channels, "legend", ui["channels"])
    table = element(channels, "table", None, class_="calc-grid")
    head = element(element(table, "thead"), "tr")
    element(head, "th", ui["channel"], scope="col")
    columns = ("posts_per_week", "live_hours_per_week")
    for input_id in ("posts_per_week", "format", "live_hours_per_week"):
        spec = model.form.input(input_id)
        cell = element(head, "th", spec.label[lang], scope="col")
        element(cell, "small", f" ({spec.unit[lang]})")
    body = element(table, "tbody")
    for channel in model.channels:
        row = element(body, "tr", None, id=f"calc-channel-{channel.id}")
        element(row, "th", channel.name[lang], scope="row", class_="calc-channel")
        now = activity.get(channel.id)
        for input_id in columns:
            if input_id == "live_hours_per_week":
                _format_select(row, model, channel, now, lang)
            cell = element(row, "td")
            if input_id == "live_hours_per_week" and not channel.live:
                element(cell, "span", "—", aria_hidden="true")
                continue
            value = getattr(now, input_id) if now else 0
            label = f"{channel.name[lang]} {model.form.input(input_id).label[lang]}"
            _input(cell, model, input_id, f"channels.{channel.id}.{input_id}", value, label)
    live_help = model.form.input("live_hours_per_week").help
    if live_help:
        sep = "：" if lang == "zh" else ": "
        element(
            channels,
            "small",
            f"{model.form.input('live_hours_per_week').label[lang]}{sep}{live_help[lang]}",
            class_="calc-field__help",
        )
    domain = element(form, "fieldset")
    element(domain, "legend", ui["private_domain"])
    _field(domain, model, lang, "groups", "private_domain.groups", scenario.groups)
    _field(domain, model, lang, "contacts", "private_domain.contacts", scenario.contacts)
    work = element(form, "fieldset")
    element(work, "legend", ui["campaigns"])
    _field(work, model, lang, "comments_per_week", "comments_per_week", scenario.comments_per_week)
    _field(work, model, lang, "service_hours_per_week", "service_hours_per_week", scenario.service_hours_per_week)
    _field(work, model, lang, "campaigns_per_year", "campaigns_per_year", scenario.campaigns_per_year)
    paid = element(form, "fieldset")
    element(paid, "legend", ui["paid"])
    _field(paid, model, lang, "ad_spend_per_month", "ad_spend_per_month", scenario.ad_spend_per_month)
    collaborations = scenario.creator_collaborations_per_month
    _field(paid, model, lang, "creator_collaborations_per_month", "creator_collaborations_per_month", collaborations)
    goals = element(form, "fieldset", None, class_="calc-goals")
    spec = model.form.input("goals")
    legend = f"{spec.label[lang]}（{spec.unit[lang]}）" if lang == "zh" else f"{spec.label[lang]} ({spec.unit[lang]})"
    element(goals, "legend", legend)
    for goal in model.goals:
        choice = element(goals, "label", None, class_="calc-goal")
        box = element(choice, "input", None, type="checkbox", name="goals", value=goal.id)
        if goal.id in scenario.goals:
            box.set("checked", "checked")
        element(choice, "span", goal.name[lang])
    if spec.help:
        element(goals, "small", spec.help[lang], class_="calc-field__help")
    plan_fields(form, model, scenario, lang)


HTML_BLOCK = "calculator"


def calculator_page(lang: str) -> str:
    """The page's Markdown: title, intro, and the placeholder for :func:`calculator_html`.

    The form and plan hold data-file text: they are substituted after Markdown has run
    (:mod:`.rawhtml`), so no Markdown extension ever reads them.
    """
    ui = UI[lang]
    # front matter: the page has no Markdown headings for a table of contents; give the room to the plan
    # and in search, below the role pages (its presets and founder sections name many duties' words)
    front = "---\nhide:\n  - toc\nsearch:\n  boost: 0.5\n---\n"
    return f"{front}\n# {ui['title']}\n\n{ui['intro']}\n\n{placeholder(HTML_BLOCK)}\n"


def calculator_html(
    model: SizingModel,
    playbook: Playbook,
    lang: str,
    directory_urls: bool = True,
    page_url: str = "",
    snapshot: str = "",
) -> str:
    """The form, status and the default scenario's plan, prerendered, as one HTML block.

    ``page_url`` (the page's address on the published site) makes the share link, and its QR code,
    that the prerendered plan, its print view and its exports carry.

    Without ``directory_urls`` (the offline copy, ``make offline``) the page is ``calculator.html``
    beside the other pages, and the prerendered plan links to ``roles/<id>.html``. ``snapshot``: the
    site-root-relative path of the Pyodide memory snapshot the worker may start from (calculator/snapshot.py).
    """
    ui = UI[lang]
    scenario = default_scenario(model)
    plan = size(scenario, model)
    links = role_links_for((r.id for r in playbook.roles), ROLES_PREFIX)
    up, methodology = "../", METHODOLOGY_LINK
    if not directory_urls:
        links = {role_id: f"roles/{role_id}.html" for role_id in links}
        up, methodology = "", "methodology.html"
    root = ET.Element(
        "div",
        {
            "id": "calc",
            "class": "calc",
            "data-lang": lang,
            "data-roles-prefix": up + ROLES_PREFIX.removeprefix("../"),
            "data-methodology": methodology,
            "data-roles-json": up + "data/roles.json",
            "data-sizing-json": up + "data/sizing.json",
            "data-package": up + "data/calculator.zip",
            "data-worker": up + "assets/js/calc-worker.js",
            "data-stall-seconds": str(STALL_SECONDS),
            "data-start-seconds": str(START_SECONDS),
        },
    )
    if snapshot:
        root.set("data-snapshot", up + snapshot)
    # data-link-pending: what a share link's visit shows instead of the default plan before the page
    # script has bound (calc-first-paint.js, calc-states.css)
    jump = element(element(root, "p", None, class_="calc-summary"), "a", None, href="#calc-result-title")
    jump.set("data-link-pending", ui["link_pending"])
    element(jump, "span", summary_text(plan, lang), id="calc-summary")
    element(jump, "span", " ↓", aria_hidden="true")
    # Two columns on a wide screen: the presets, the form and its controls, and the plan beside them (kept in view)
    inputs = element(root, "div", None, class_="calc-input")
    preset_links(inputs, model, lang)
    form_html(inputs, model, scenario, lang)
    bar = element(inputs, "div", None, class_="calc-actions", role="group", aria_label=ui["actions"])
    for action in ("share", "csv", "markdown", "print", "reset"):
        element(bar, "button", ui[action], type="button", class_="md-button", data_action=action, disabled="disabled")
    # the page's one live region: it announces the new team size, not the whole result
    element(inputs, "p", ui["status_static"], id="calc-status", class_="calc-status", role="status")
    element(element(inputs, "noscript"), "p", ui["noscript"], class_="calc-status")
    output = element(root, "div", None, class_="calc-output")
    element(output, "h2", ui["result"], id="calc-result-title")
    result = element(
        output,
        "div",
        None,
        id="calc-result",
        class_="calc-result",
        data_state="prerendered",
        data_total_headcount=str(plan.total_headcount),
        data_total_fte=fmt(plan.total_fte, plan.decimals),
    )
    result.set("data-link-pending", ui["link_pending"])
    fragment = share_fragment(plan)
    link = f"{page_url}#{fragment}" if page_url else ""
    result.append(ResultRenderer(model, lang, links, methodology).render_element(plan, link))
    # The default plan's exports, for the buttons before (or without) Python. An attribute, not a
    # <script type="application/json">: Material's instant navigation re-runs every <script>.
    prerendered = {
        "fragment": fragment,
        "csv": plan_to_csv(plan, model, lang, link),
        "markdown": plan_to_markdown(plan, model, lang, link),
    }
    root.set("data-prerendered", json.dumps(prerendered, ensure_ascii=False))
    return ET.tostring(root, encoding="unicode", method="html")
