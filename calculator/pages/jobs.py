"""Job descriptions: a ready-to-post JD for every level of every role, from roles.yaml.

:func:`job_description` writes the JD as Markdown text (what a founder pastes into a job board
or downloads as a ``.md`` file); :func:`jd_block` is the role page's HTML for it, built with
ElementTree (every data text escaped) and placed after Markdown has run. The buttons are bound
by ``docs/assets/js/jd.js``, which only copies or saves the text Python wrote.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..engine.html import element
from ..engine.model import Level, Playbook, Role

# A JD is plain text for a job board: a data text stays on one line, whatever the file holds.
_LINE_BREAKS = re.compile("[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")

UI = {
    "zh": {
        "level": "职级",
        "experience": "经验要求",
        "years": "{n} 年以上相关工作经验",
        "years_none": "经验不限，可培养",
        "scope": "负责范围",
        "expect": "本职级的期望",
        "duties": "岗位职责",
        "requirements": "任职要求",
        "tools": "熟悉工具",
        "kpis": "考核指标（KPI）",
        "reports": "汇报对象",
        "works_with": "主要协作岗位",
        "colon": "：",
        "sep": "、",
        "source": "本 JD 由《新媒体运营团队手册》的岗位数据生成。",
        "copy": "复制 JD",
        "download": "下载 Markdown",
        "download_other": "下载英文版",
        "summary": "{title}（{years}）",
        "summary_years": "{n} 年以上",
        "summary_none": "经验不限",
    },
    "en": {
        "level": "Level",
        "experience": "Experience",
        "years": "{n}+ years of relevant experience",
        "years_none": "No experience required; training provided",
        "scope": "Scope",
        "expect": "What we expect at this level",
        "duties": "Responsibilities",
        "requirements": "Requirements",
        "tools": "Tools",
        "kpis": "KPIs",
        "reports": "Reports to",
        "works_with": "Works closely with",
        "colon": ": ",
        "sep": ", ",
        "source": "Generated from the New-Media Team Playbook's role data.",
        "copy": "Copy JD",
        "download": "Download Markdown",
        "download_other": "Download Chinese version",
        "summary": "{title} ({years})",
        "summary_years": "{n}+ years",
        "summary_none": "no experience required",
    },
}


def _flat(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text).strip()


def _years(level: Level, t: dict[str, str]) -> str:
    return t["years"].format(n=level.experience_years) if level.experience_years else t["years_none"]


def job_description(playbook: Playbook, role: Role, level: Level, lang: str) -> str:
    """The JD of ``role`` at ``level`` as Markdown: title, level, responsibilities, requirements, KPIs."""
    t = UI[lang]
    c = t["colon"]
    out = [f"# {_flat(level.title[lang])}", ""]
    out.append(f"- **{t['level']}**{c}{_flat(level.title[lang])} · {_flat(role.name[lang])}")
    out.append(f"- **{t['experience']}**{c}{_years(level, t)}")
    out.append(f"- **{t['scope']}**{c}{_flat(level.scope[lang])}")
    if role.reports_to:
        out.append(f"- **{t['reports']}**{c}{_flat(playbook.role(role.reports_to).name[lang])}")
    outgoing, incoming = playbook.links_of(role.id)
    partners = dict.fromkeys([link.target for link in outgoing] + [link.source for link in incoming])
    if partners:
        names = t["sep"].join(_flat(playbook.role(p).name[lang]) for p in partners)
        out.append(f"- **{t['works_with']}**{c}{names}")
    out += ["", f"## {t['duties']}", ""]
    for duty in role.duties:
        points = " ".join(_flat(p[lang]) for p in duty.points)
        out.append(f"- **{_flat(duty.title[lang])}**{c}{points}")
    out += ["", f"## {t['requirements']}", "", f"- {_years(level, t)}"]
    for group in role.skills:
        prefix = f"{_flat(group.audience[lang])}{c}" if group.audience else ""
        out += [f"- {prefix}{_flat(p[lang])}" for p in group.points]
        if group.tools:
            out.append(f"- {t['tools']}{c}{t['sep'].join(_flat(tool) for tool in group.tools)}")
    out += ["", f"## {t['expect']}", "", _flat(level.expectations[lang])]
    out += ["", f"## {t['kpis']}", ""]
    out += [f"- **{_flat(k.name[lang])}**{c}{_flat(k.description[lang])}" for k in role.kpis]
    out += ["", f"*{t['source']}*", ""]
    return "\n".join(out)


def jd_file_name(role: Role, level: Level, lang: str) -> str:
    """The download's file name, e.g. ``content-senior.zh.md`` (ids are validated file-name safe)."""
    return f"{role.id}-{level.id}.{lang}.md"


def jd_block(playbook: Playbook, role: Role, lang: str) -> str:
    """The role page's JD section body: one collapsible JD per level, with copy and download buttons."""
    t = UI[lang]
    other = "en" if lang == "zh" else "zh"
    # kept out of the search index: the role page's own sections already hold these words once
    root = ET.Element("div", {"class": "playbook-jd", "data-search-exclude": ""})
    for i, level in enumerate(role.levels):
        box = element(root, "details", None, class_="playbook-jd__level", id=f"jd-{level.id}")
        if i == len(role.levels) // 2:
            box.set("open", "open")
        years = t["summary_years"].format(n=level.experience_years) if level.experience_years else t["summary_none"]
        element(box, "summary", t["summary"].format(title=_flat(level.title[lang]), years=years))
        text_id = f"jd-text-{level.id}"
        element(box, "pre", job_description(playbook, role, level, lang), class_="playbook-jd__text", id=text_id)
        actions = element(box, "p", None, class_="playbook-jd__actions", hidden="hidden")
        element(actions, "button", t["copy"], type="button", class_="md-button", data_jd_copy=text_id)
        element(
            actions,
            "button",
            t["download"],
            type="button",
            class_="md-button",
            data_jd_source=text_id,
            data_jd_file=jd_file_name(role, level, lang),
        )
        element(
            actions,
            "button",
            t["download_other"],
            type="button",
            class_="md-button",
            data_jd_text=job_description(playbook, role, level, other),
            data_jd_file=jd_file_name(role, level, other),
        )
        element(actions, "span", "", class_="playbook-jd__status", role="status")
    return ET.tostring(root, encoding="unicode", method="html")
