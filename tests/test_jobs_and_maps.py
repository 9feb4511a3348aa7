"""Levels, job descriptions, the glossary's tooltips and the collaboration diagrams, from the data."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import markdown
import pytest

from calculator.datafiles.load import load_playbook
from calculator.engine.model import Collaboration, Playbook, Role
from calculator.pages.collabmap import MAP_LIMIT, page_url, role_map
from calculator.pages.glossary import GlossaryExtension, glossary_terms
from calculator.pages.jobs import jd_block, job_description
from calculator.pages.nav import COLLABORATION, role_path
from calculator.pages.roles import collaboration_page, page_blocks, role_page
from tests.sitebuild import ROOT

PLAYBOOK = load_playbook(ROOT / "roles.yaml")


def test_every_role_has_a_ladder_of_at_least_three_levels_with_growing_experience() -> None:
    assert len(PLAYBOOK.roles) == 12
    for role in PLAYBOOK.roles:
        assert len(role.levels) >= 3, role.id
        years = [level.experience_years for level in role.levels]
        assert years == sorted(years) and years[0] < years[-1], (role.id, years)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_job_description_is_written_from_the_role_and_level(lang: str) -> None:
    role = PLAYBOOK.role("campaign")
    level = role.levels[1]
    jd = job_description(PLAYBOOK, role, level, lang)
    assert jd.startswith(f"# {level.title[lang]}\n")
    for text in (level.scope[lang], level.expectations[lang], PLAYBOOK.role("director").name[lang]):
        assert text in jd
    for duty in role.duties:
        assert f"**{duty.title[lang]}**" in jd
        assert all(p[lang] in jd for p in duty.points)
    for kpi in role.kpis:
        assert f"**{kpi.name[lang]}**" in jd and kpi.description[lang] in jd
    assert all(p[lang] in jd for group in role.skills for p in group.points)
    assert (f"{level.experience_years} 年以上" if lang == "zh" else f"{level.experience_years}+ years") in jd
    other = "en" if lang == "zh" else "zh"
    assert role.duties[0].title[other] not in jd  # one language per JD


def test_jd_block_offers_each_level_in_both_languages_escaped() -> None:
    role = dataclasses.replace(
        PLAYBOOK.role("content"),
        levels=tuple(
            dataclasses.replace(level, scope=type(level.scope)("<b>范围</b>", "<script>x</script>"))
            for level in PLAYBOOK.role("content").levels
        ),
    )
    html = jd_block(PLAYBOOK, role, "zh")
    parser = _Elements()
    parser.feed(html)
    assert [tag for tag, _ in parser.found if tag in ("b", "script")] == []  # data text stays text
    assert [a.get("id") for t, a in parser.found if t == "details"] == [f"jd-{level.id}" for level in role.levels]
    assert [a.get("data-jd-file") for t, a in parser.found if t == "button" and a.get("data-jd-file")] == [
        f"content-{level.id}.{lang}.md" for level in role.levels for lang in ("zh", "en")
    ]
    others = [a.get("data-jd-text") for t, a in parser.found if t == "button" and a.get("data-jd-text")]
    assert others == [job_description(PLAYBOOK, role, level, "en") for level in role.levels]
    shown = [text for tag, text in parser.texts if tag == "pre"]
    assert shown == [job_description(PLAYBOOK, role, level, "zh") for level in role.levels]
    assert "&lt;b&gt;范围&lt;/b&gt;" in html


class _Elements(HTMLParser):
    """Start tags with their attributes, and the text of each element, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts.append((self._open[-1], data))


def test_role_page_shows_the_ladder_and_the_jd_section() -> None:
    page = role_page(PLAYBOOK, PLAYBOOK.role("user"), "zh")
    assert page.startswith("---\nsearch:\n  boost: 3\n---\n")  # ranks above reference pages
    assert "## 职级与发展路径 {#levels}" in page and "## 招聘 JD {#jd}" in page
    assert all(level.title["zh"] in page for level in PLAYBOOK.role("user").levels)
    assert "<!-- playbook-html:jd -->" in page and "<!-- playbook-html:role-map -->" in page
    assert "channels." not in page  # no parameter paths on role pages


def test_campaign_outgoing_links_are_labelled_as_playbook_additions() -> None:
    outgoing, _ = PLAYBOOK.links_of("campaign")
    assert outgoing and all(link.playbook_addition for link in outgoing)
    page = role_page(PLAYBOOK, PLAYBOOK.role("campaign"), "en")
    assert page.count("*(playbook addition)*") == len(outgoing)


@pytest.mark.parametrize(
    ("here", "there", "directory_urls", "expected"),
    [
        ("collaboration.md", "roles/data.md", True, "../roles/data/"),
        ("roles/user.md", "roles/data.md", True, "../data/"),
        ("roles/index.md", "roles/data.md", True, "data/"),
        ("roles/user.md", "collaboration.md", True, "../../collaboration/"),
        ("collaboration.md", "roles/data.md", False, "roles/data.html"),
        ("roles/user.md", "roles/data.md", False, "data.html"),
    ],
)
def test_page_url_matches_mkdocs_urls(here: str, there: str, directory_urls: bool, expected: str) -> None:
    assert page_url(here, there, directory_urls) == expected


def _team(n: int) -> Playbook:
    """``n`` roles, each linked to the next two: a team far past the map's limit."""
    base = PLAYBOOK.role("content")
    roles = [
        dataclasses.replace(
            base,
            id=f"r{i}",
            reports_to=None if i == 0 else "r0",
            collaboration=tuple(Collaboration(f"r{(i + k) % n}", base.collaboration[0].flows) for k in (1, 2)),
        )
        for i in range(n)
    ]
    return dataclasses.replace(PLAYBOOK, roles=tuple(roles))


def test_full_map_and_matrix_stop_at_the_limit_per_role_views_stay_small() -> None:
    small, big = _team(MAP_LIMIT), _team(300)
    assert "collab-map" in page_blocks(small, "zh", True)[COLLABORATION]
    blocks = page_blocks(big, "zh", True)
    assert COLLABORATION not in blocks
    page = collaboration_page(big, "zh")
    assert "playbook-html" not in page and f"岗位超过 {MAP_LIMIT} 个" in page
    # a role's own map holds its partners only, whatever the team's size
    view = blocks[role_path("r5")]["role-map"]
    assert view.count('class="collab-node"') == 4  # r3 and r4 provide to it; it provides to r6 and r7
    assert len(view) < 6000
    assert len(
        role_map(big, big.role("r5"), "zh", role_path("r5"), {r.id: role_path(r.id) for r in big.roles}, True)
    ) == len(view)


def _convert(text: str, lang: str = "zh") -> str:
    md = markdown.Markdown(extensions=["tables", GlossaryExtension(glossary_terms(PLAYBOOK.glossary, lang))])
    return md.convert(text)


def test_glossary_marks_the_first_use_of_each_term_in_chinese_text() -> None:
    html = _convert(
        "## FTE 与管理幅度\n\n按FTE计算，管理幅度决定主管人数；FTE 再次出现。\n\n[私域](x) 与 `ROI` 与 HEROIC"
    )
    fte = next(e for e in PLAYBOOK.glossary if e.id == "fte")
    assert html.count("<abbr") == 2  # FTE and 管理幅度 once each; not in the heading, link or code
    assert f'按<abbr title="{fte.definition["zh"]}">FTE</abbr>计算' in html
    assert re.search(r"<abbr title=\"[^\"]+\">管理幅度</abbr>决定", html)


def test_glossary_definitions_are_escaped_in_the_title() -> None:
    entry = dataclasses.replace(
        PLAYBOOK.glossary[0], definition=type(PLAYBOOK.glossary[0].definition)('"><x>', '"><x>')
    )
    md = markdown.Markdown(extensions=[GlossaryExtension(glossary_terms([entry], "en"))])
    assert md.convert("1 FTE") == '<p>1 <abbr title="&quot;&gt;&lt;x&gt;">FTE</abbr></p>'


def test_glossary_terms_are_in_both_languages_and_used_somewhere() -> None:
    assert len(PLAYBOOK.glossary) >= 8
    assert {"fte", "span_of_control", "campaign_peak"} <= {e.id for e in PLAYBOOK.glossary}


def test_roles_without_levels_still_validate_and_render() -> None:
    role: Role = dataclasses.replace(PLAYBOOK.role("data"), levels=())
    page = role_page(PLAYBOOK, role, "en")
    assert "{#levels}" not in page and "{#jd}" not in page
