"""Generated Markdown: golden files for a small playbook, and rules every page keeps."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from calculator.datafiles.load import load_playbook
from calculator.pages import md_text
from calculator.pages.nav import NAV_ROLE_PAGES, site_nav
from calculator.pages.roles import playbook_pages
from tests.goldens import assert_golden

FIXTURE = load_playbook(Path(__file__).parent / "fixtures" / "roles" / "valid.yaml")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_generated_markdown_matches_golden(lang: str) -> None:
    for path, markdown in playbook_pages(FIXTURE, lang).items():
        assert_golden(markdown, f"pages/{lang}/{path}")


def test_pages_cover_every_role_and_the_overviews() -> None:
    assert sorted(playbook_pages(FIXTURE, "zh")) == [
        "collaboration.md",
        "roles/index.md",
        "roles/lead.md",
        "roles/writer.md",
    ]


def test_a_role_without_own_links_still_shows_the_links_to_it() -> None:
    page = playbook_pages(FIXTURE, "en")["roles/writer.md"]
    assert "no collaboration paragraph" in page
    assert "#### ← [Lead](lead.md) {#from-lead}" in page
    assert "Co-creates topics." in page


def test_nav_lists_roles_in_data_order() -> None:
    nav = site_nav(FIXTURE, "zh")
    assert nav[1] == {"岗位": ["roles/index.md", "roles/lead.md", "roles/writer.md"]}


def _with_roles(count: int) -> object:
    copies = [dataclasses.replace(FIXTURE.roles[-1], id=f"writer_{n}") for n in range(count - len(FIXTURE.roles))]
    return dataclasses.replace(FIXTURE, roles=FIXTURE.roles + tuple(copies))


def test_nav_stops_listing_role_pages_above_the_limit_so_every_page_keeps_its_size() -> None:
    at_limit = site_nav(_with_roles(NAV_ROLE_PAGES), "en")[1]
    assert len(at_limit["Roles"]) == NAV_ROLE_PAGES + 1  # the overview, then each role
    above = site_nav(_with_roles(NAV_ROLE_PAGES + 1), "en")[1]
    assert above == {"Roles": ["roles/index.md"]}  # the overview links them all


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        ('<img src=x onerror="x">', "&#60;img src&#61;x onerror&#61;&#34;x&#34;&#62;"),
        ("[link](javascript:x)", "&#91;link&#93;(javascript&#58;x)"),
        ("a | b", "a &#124; b"),
        ("内容+用户", "内容&#43;用户"),
        ("~~~ {.x onclick=y}", "&#126;&#126;&#126; &#123;.x onclick&#61;y&#125;"),
        ("a\rb\u2028c\r\nd", "a b c d"),
        ("- not a list", "&#45; not a list"),
        ("12. not a list", "12&#46; not a list"),
        ("  indented code?", "indented code?"),
    ],
)
def test_md_text_neutralises_markup(raw: str, escaped: str) -> None:
    assert md_text(raw) == escaped
