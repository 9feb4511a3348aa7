"""Generated Markdown pages of the playbook: role pages, roles overview, collaboration map."""

from __future__ import annotations

import html

from ..engine.model import Link, Playbook, Role
from . import md_text
from .labels import labels
from .nav import COLLABORATION, ROLES_INDEX, role_path


def _mermaid_label(text: str) -> str:
    """Mermaid entity-encodes anything but letters, digits, CJK and spaces."""
    return "".join(c if c.isalnum() or c == " " else f"#{ord(c)};" for c in text)


def _link_anchor(link: Link, end: str) -> str:
    return f"to-{link.target}" if end == "source" else f"from-{link.source}"


def role_page(playbook: Playbook, role: Role, lang: str, sizing_section: str = "") -> str:
    """The page of one role: duties, skills, KPIs, and collaboration from both ends."""
    t = labels(lang)
    out = [
        f"# {md_text(role.name[lang])}",
        "",
        f"**{md_text(role.tagline[lang])}**",
        "",
        md_text(role.mission[lang]),
        "",
    ]
    if role.group == "specialist":
        out += [t["specialist"], ""]
    if role.reports_to:
        boss = playbook.role(role.reports_to)
        out.append(f"{t['reports_to']}{t['colon']}[{md_text(boss.name[lang])}]({role.reports_to}.md)")
    else:
        out.append(t["top_role"])
        reports = [r for r in playbook.roles if r.reports_to == role.id]
        if reports:
            out.append("")
            out.append(
                f"{t['direct_reports']}{t['colon']}"
                + t["list_sep"].join(f"[{md_text(r.name[lang])}]({r.id}.md)" for r in reports)
            )
    out += ["", f"## {t['duties']} {{#duties}}", ""]
    for duty in role.duties:
        out += [f"### {md_text(duty.title[lang])} {{#duty-{duty.id}}}", ""]
        out += [f"- {md_text(p[lang])}" for p in duty.points]
        if duty.examples:
            out += ["", f"*{t['examples']}*", ""]
            out += [f"- {md_text(e[lang])}" for e in duty.examples]
        out.append("")
    out += [f"## {t['skills']} {{#skills}}", ""]
    for group in role.skills:
        if group.audience:
            out += [f"### {md_text(group.audience[lang])}", ""]
        if group.experience_years is not None:
            out += [f"- **{t['experience']}**{t['colon']}{t['years'].format(n=group.experience_years)}"]
        out += [f"- {md_text(p[lang])}" for p in group.points]
        if group.tools:
            # <code> rather than backticks: inside a code span Markdown would show md_text's escapes
            tools = t["list_sep"].join(f"<code>{html.escape(tool)}</code>" for tool in group.tools)
            out += [f"- **{t['tools']}**{t['colon']}{tools}"]
        out.append("")
    out += [f"## {t['kpis']} {{#kpis}}", "", f"| {t['kpi']} | {t['measures']} |", "| --- | --- |"]
    out += [f"| {md_text(k.name[lang])} | {md_text(k.description[lang])} |" for k in role.kpis]
    out += ["", f"## {t['collaboration']} {{#collaboration}}", ""]
    outgoing, incoming = playbook.links_of(role.id)
    out += [f"### {t['outgoing']}", ""]
    if not outgoing:
        out += [t["none_outgoing"], ""]
    for link in outgoing:
        other = playbook.role(link.target)
        out += [f"#### → [{md_text(other.name[lang])}]({other.id}.md) {{#{_link_anchor(link, 'source')}}}", ""]
        out += [md_text(link.flows[lang]), ""]
    out += [f"### {t['incoming']}", ""]
    if not incoming:
        out += [t["none"], ""]
    for link in incoming:
        other = playbook.role(link.source)
        out += [f"#### ← [{md_text(other.name[lang])}]({other.id}.md) {{#{_link_anchor(link, 'target')}}}", ""]
        out += [md_text(link.flows[lang]), ""]
    out += [t["see_collab"], ""]
    if sizing_section:
        out += [sizing_section.rstrip(), ""]
    return "\n".join(out)


def org_chart(playbook: Playbook, lang: str) -> str:
    """Mermaid chart of who reports to whom (the director on top)."""
    lines = ["```mermaid", "graph TD"]
    for role in playbook.roles:
        lines.append(f'  {role.id}["{_mermaid_label(role.name[lang])}"]')
    for role in playbook.roles:
        if role.reports_to:
            lines.append(f"  {role.reports_to} --> {role.id}")
    lines.append("```")
    return "\n".join(lines)


def roles_index(playbook: Playbook, lang: str) -> str:
    """Overview: what the team is, its structure, and a table of every role."""
    t = labels(lang)
    team = playbook.team
    out = [f"# {t['roles_title']}", "", md_text(team.summary[lang]), ""]
    out += [f"## {t['architecture']}", "", f"**{md_text(team.architecture[lang])}**", ""]
    out += [org_chart(playbook, lang), ""]
    out += [f"## {t['all_roles']}", "", f"| {t['role']} | {t['tagline']} | {t['reports_to']} |", "| --- | --- | --- |"]
    for role in playbook.roles:
        boss = (
            f"[{md_text(playbook.role(role.reports_to).name[lang])}]({role.reports_to}.md)" if role.reports_to else "—"
        )
        out.append(f"| [{md_text(role.name[lang])}]({role.id}.md) | {md_text(role.tagline[lang])} | {boss} |")
    out += ["", t["see_collab"], ""]
    return "\n".join(out)


def collaboration_page(playbook: Playbook, lang: str) -> str:
    """The collaboration map: a Mermaid graph and a who-works-with-whom matrix."""
    t = labels(lang)
    out = [f"# {t['collab_title']}", "", t["collab_intro"], "", "```mermaid", "graph LR"]
    for role in playbook.roles:
        out.append(f'  {role.id}["{_mermaid_label(role.name[lang])}"]')
    out += [f"  {link.source} --> {link.target}" for link in playbook.links]
    out += ["```", "", f"## {t['matrix']} {{#matrix}}", "", t["matrix_intro"], ""]
    out.append(
        f"| {t['from_to']} | "
        + " | ".join(f"[{md_text(r.name[lang])}](roles/{r.id}.md)" for r in playbook.roles)
        + " |"
    )
    out.append("| --- |" + " :---: |" * len(playbook.roles))
    pairs = {(link.source, link.target) for link in playbook.links}
    for source in playbook.roles:
        cells = []
        for target in playbook.roles:
            if (source.id, target.id) in pairs:
                cells.append(f'[●](roles/{source.id}.md#to-{target.id} "{md_text(target.name[lang])}")')
            else:
                cells.append(" ")
        out.append(f"| [{md_text(source.name[lang])}](roles/{source.id}.md) | " + " | ".join(cells) + " |")
    out += ["", f"## {t['links']} {{#links}}", "", f"| {t['partner']} | → | {t['flows']} |", "| --- | --- | --- |"]
    for link in playbook.links:
        s, d = playbook.role(link.source), playbook.role(link.target)
        provider = f"[{md_text(s.name[lang])}](roles/{s.id}.md#to-{d.id})"
        receiver = f"[{md_text(d.name[lang])}](roles/{d.id}.md#from-{s.id})"
        out.append(f"| {provider} | {receiver} | {md_text(link.flows[lang])} |")
    out.append("")
    return "\n".join(out)


def playbook_pages(playbook: Playbook, lang: str, sizing_sections: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown."""
    sections = sizing_sections or {}
    pages = {ROLES_INDEX: roles_index(playbook, lang), COLLABORATION: collaboration_page(playbook, lang)}
    for role in playbook.roles:
        pages[role_path(role.id)] = role_page(playbook, role, lang, sections.get(role.id, ""))
    return pages
