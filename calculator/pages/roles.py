"""Generated Markdown pages of the playbook: role pages, roles overview, collaboration map.

Diagrams, the matrix and job descriptions hold data text as HTML: the Markdown carries a
placeholder (:func:`.rawhtml.placeholder`) and :func:`page_blocks` gives the HTML to put there.
"""

from __future__ import annotations

import html

from ..engine.model import Link, Playbook, Role
from . import md_text
from .collabmap import MAP_LIMIT, full_map, matrix, role_map
from .jobs import jd_block
from .labels import labels
from .nav import COLLABORATION, ROLES_INDEX, role_path
from .rawhtml import placeholder

#: search ranks a role page above the methodology and reference pages for its own words
#: deepest indentation of the org chart list
ORG_DEPTH = 5
ROLE_SEARCH_BOOST = "---\nsearch:\n  boost: 3\n---\n\n"


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
    out += ["", *_levels(role, lang)]
    out += [f"## {t['collaboration']} {{#collaboration}}", ""]
    outgoing, incoming = playbook.links_of(role.id)
    if outgoing or incoming:
        out += [t["who_i_work_with"], "", placeholder("role-map"), ""]
    out += [f"### {t['outgoing']}", ""]
    if not outgoing:
        out += [t["none_outgoing"], ""]
    for link in outgoing:
        other = playbook.role(link.target)
        out += [f"#### → [{md_text(other.name[lang])}]({other.id}.md) {{#{_link_anchor(link, 'source')}}}", ""]
        out += [md_text(link.flows[lang]) + _addition(link, lang), ""]
    out += [f"### {t['incoming']}", ""]
    if not incoming:
        out += [t["none"], ""]
    for link in incoming:
        other = playbook.role(link.source)
        out += [f"#### ← [{md_text(other.name[lang])}]({other.id}.md) {{#{_link_anchor(link, 'target')}}}", ""]
        out += [md_text(link.flows[lang]) + _addition(link, lang), ""]
    out += [t["see_collab"], ""]
    if role.levels:
        out += [f"## {t['jd']} {{#jd}}", "", t["jd_intro"], "", placeholder("jd"), ""]
    if sizing_section:
        out += [sizing_section.rstrip(), ""]
    return ROLE_SEARCH_BOOST + "\n".join(out)


def _addition(link: Link, lang: str) -> str:
    return f" *{labels(lang)['addition'].strip()}*" if link.playbook_addition else ""


def _levels(role: Role, lang: str) -> list[str]:
    """The role's career ladder as a table (nothing when roles.yaml gives none)."""
    if not role.levels:
        return []
    t = labels(lang)
    out = [f"## {t['levels']} {{#levels}}", "", t["levels_note"], ""]
    out += [f"| {t['level']} | {t['scope']} | {t['expectations']} | {t['typical_experience']} |"]
    out += ["| --- | --- | --- | --- |"]
    for level in role.levels:
        years = t["years"].format(n=level.experience_years) if level.experience_years else t["years_none"]
        cells = (md_text(level.title[lang]), md_text(level.scope[lang]), md_text(level.expectations[lang]), years)
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def org_chart(playbook: Playbook, lang: str) -> str:
    """Who reports to whom, as a nested list of links (the top role first); no recursion."""
    children: dict[str | None, list[Role]] = {}
    for role in playbook.roles:
        children.setdefault(role.reports_to, []).append(role)
    lines: list[str] = []
    stack = [(r, 0) for r in reversed(children.get(None, []))]
    seen: set[str] = set()
    while stack:
        role, depth = stack.pop()
        if role.id in seen:  # validation forbids cycles; never loop on one anyway
            continue
        seen.add(role.id)
        # nesting stops at ORG_DEPTH: a long chain of reports_to stays a list Markdown can read
        lines.append(f"{'    ' * min(depth, ORG_DEPTH)}- [{md_text(role.name[lang])}]({role.id}.md)")
        stack += [(r, depth + 1) for r in reversed(children.get(role.id, []))]
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
    if playbook.glossary:
        out += [f"## {t['glossary']} {{#glossary}}", "", t["glossary_intro"], ""]
        out += [f"- **{md_text(e.term[lang])}**{t['colon']}{md_text(e.definition[lang])}" for e in playbook.glossary]
        out.append("")
    return "\n".join(out)


def collaboration_page(playbook: Playbook, lang: str) -> str:
    """The collaboration map: a Mermaid graph and a who-works-with-whom matrix."""
    t = labels(lang)
    out = [f"# {t['collab_title']}", "", t["collab_intro"], ""]
    if len(playbook.roles) > MAP_LIMIT:
        out += [t["map_too_big"].format(n=MAP_LIMIT), ""]
    else:
        out += [t["map_help"], "", placeholder("collab-map"), ""]
        out += [f"## {t['matrix']} {{#matrix}}", "", t["matrix_intro"], "", placeholder("collab-matrix"), ""]
    out += [f"## {t['links']} {{#links}}", "", f"| {t['partner']} | → | {t['flows']} |", "| --- | --- | --- |"]
    for link in playbook.links:
        s, d = playbook.role(link.source), playbook.role(link.target)
        provider = f"[{md_text(s.name[lang])}](roles/{s.id}.md#to-{d.id})"
        receiver = f"[{md_text(d.name[lang])}](roles/{d.id}.md#from-{s.id})"
        out.append(f"| {provider} | {receiver} | {md_text(link.flows[lang])}{_addition(link, lang)} |")
    out.append("")
    return "\n".join(out)


def page_blocks(playbook: Playbook, lang: str, use_directory_urls: bool) -> dict[str, dict[str, str]]:
    """The HTML for the placeholders of the generated pages: page path -> {key: HTML}."""
    src = {r.id: role_path(r.id) for r in playbook.roles}
    label = labels(lang)["collab_title"]
    blocks: dict[str, dict[str, str]] = {}
    if len(playbook.roles) <= MAP_LIMIT:
        blocks[COLLABORATION] = {
            "collab-map": full_map(playbook, lang, COLLABORATION, src, use_directory_urls, label),
            "collab-matrix": matrix(playbook, lang, COLLABORATION, src, use_directory_urls),
        }
    for role in playbook.roles:
        mine = {}
        drawn = role_map(playbook, role, lang, src[role.id], src, use_directory_urls)
        if drawn:
            mine["role-map"] = drawn
        if role.levels:
            mine["jd"] = jd_block(playbook, role, lang)
        if mine:
            blocks[src[role.id]] = mine
    return blocks


def playbook_pages(playbook: Playbook, lang: str, sizing_sections: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown."""
    sections = sizing_sections or {}
    pages = {ROLES_INDEX: roles_index(playbook, lang), COLLABORATION: collaboration_page(playbook, lang)}
    for role in playbook.roles:
        pages[role_path(role.id)] = role_page(playbook, role, lang, sections.get(role.id, ""))
    return pages
