"""The playbook as a visitor uses it, in headless Chromium: search, links, languages, offline-safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect


def search(page: Page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key events; fill() alone types no key (as with an IME)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=15_000)
    return [href for href in results.evaluate_all("els => els.map(a => a.getAttribute('href'))")]


@pytest.mark.parametrize(
    ("path", "query", "role"),
    [
        ("", "留存", "roles/user/"),
        ("", "私域", "roles/user/"),
        ("", "复盘", "roles/campaign/"),
        ("", "甘特图", "roles/campaign/"),
        ("en/", "retention", "roles/user/"),
        ("en/", "livestream", "roles/campaign/"),
        ("en/", "Gantt", "roles/campaign/"),
    ],
)
def test_search_finds_the_role(page: Page, server: str, path: str, query: str, role: str) -> None:
    page.goto(server + path)
    hrefs = search(page, query)
    assert any(role in href for href in hrefs), hrefs
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


def test_collaboration_links_work_both_ways(page: Page, server: str) -> None:
    page.goto(server + "collaboration/")
    assert page.locator("svg.collab-map").bounding_box()["height"] > 200  # type: ignore[index]
    page.locator("svg.collab-map a").filter(has_text="数据分析专员").click()  # a node opens its role page
    expect(page).to_have_url(server + "roles/data/")
    page.locator("svg.collab-role a").filter(has_text="活动运营专员").first.click()  # and so does the role's own map
    expect(page).to_have_url(server + "roles/campaign/")
    page.goto(server + "collaboration/")
    cell = page.locator("table a[href$='roles/director/#to-campaign']").first
    cell.scroll_into_view_if_needed()
    # Material's navigation.tracking writes the section scrolled to into the URL 250 ms later; a click
    # sooner than a reader's would let that write land on the next page's URL
    page.wait_for_timeout(600)
    cell.click()
    expect(page).to_have_url(server + "roles/director/#to-campaign")
    page.locator("#to-campaign a:not(.headerlink)").click()
    expect(page).to_have_url(server + "roles/campaign/")
    expect(page.locator("#from-director")).to_be_visible()
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


def test_language_switch_keeps_the_page(page: Page, server: str) -> None:
    page.goto(server + "roles/data/")
    page.locator(".md-header__option .md-select a[hreflang='en']").dispatch_event("click")
    expect(page).to_have_url(server + "en/roles/data/")
    expect(page.locator("h1")).to_contain_text("Data Analyst")
    page.locator(".md-header__option .md-select a[hreflang='zh']").dispatch_event("click")
    expect(page).to_have_url(server + "roles/data/")
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "query", "role"),
    [
        ("", "私域", "roles/user/"),
        ("", "甘特图", "roles/campaign/"),
        ("", "选题", "roles/content/"),
        ("", "社群", "roles/user/"),
        ("en/", "retention", "roles/user/"),
        ("en/", "Gantt", "roles/campaign/"),
        ("en/", "private domain", "roles/user/"),
    ],
)
def test_search_lists_the_role_page_first(page: Page, server: str, path: str, query: str, role: str) -> None:
    """A role's own duties and skills find its page before the methodology or the data file reference."""
    page.goto(server + path)
    hrefs = search(page, query)
    page.wait_for_timeout(300)  # let every result arrive before reading the order
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert role in hrefs[0], hrefs
    first_other = next((i for i, h in enumerate(hrefs) if "methodology" in h or "reference" in h), len(hrefs))
    assert first_other > 0


def test_job_description_copies_and_downloads(page: Page, server: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page.goto(server + "roles/content/")
    level = page.locator("details.playbook-jd__level[open]")
    # textContent: off screen the block is not rendered (content-visibility), and innerText is empty then
    text = level.locator("pre").text_content() or ""
    assert text.startswith("# 高级内容运营") and "## 岗位职责" in text and "## 考核指标（KPI）" in text
    level.get_by_role("button", name="复制 JD").click()
    expect(level.locator(".playbook-jd__status")).to_have_text("已复制到剪贴板。")
    assert page.evaluate("navigator.clipboard.readText()") == text
    with page.expect_download() as saved:
        level.get_by_role("button", name="下载 Markdown").click()
    assert saved.value.suggested_filename == "content-senior.zh.md"
    assert Path(saved.value.path()).read_text(encoding="utf-8") == text
    with page.expect_download() as other:
        level.get_by_role("button", name="下载英文版").click()
    assert other.value.suggested_filename == "content-senior.en.md"
    assert Path(other.value.path()).read_text(encoding="utf-8").startswith("# Senior Content Operations Specialist")
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


def test_calculator_positions_link_to_their_job_descriptions(page: Page, server: str) -> None:
    page.goto(server + "en/calculator/")
    page.locator("#calc-result a.calc-jd").first.click()
    expect(page).to_have_url(re.compile(r"/en/roles/\w+/#jd$"))
    expect(page.locator("#jd")).to_be_visible()


def test_the_search_index_waits_until_search_is_used(page: Page, server: str) -> None:
    """partials/search-defer.js: no index download (and no index build) on a page load; the first
    focus on the search field fetches it, and the query still finds its page."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(server + "roles/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in urls if "search_index" in u]
    hrefs = search(page, "私域")
    assert any("roles/user/" in href for href in hrefs), hrefs
    assert len([u for u in urls if u.endswith("/search/search_index.json")]) == 1
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


def test_materials_start_up_changes_happen_before_the_body_exists(page: Page, server: str) -> None:
    """partials/material-early.js: the `js` class and the absolute stylesheet URLs are set while
    <head> is parsed (nothing to restyle yet); Material's bundle at the end of the body then changes
    neither, and each stylesheet is requested once."""
    page.add_init_script(
        """window.earlyChanges = [];
           new MutationObserver((changes) => {
             for (const change of changes) {
               const what = change.target === document.documentElement
                 ? "html class" : change.target.tagName + " " + change.attributeName;
               window.earlyChanges.push([what, document.body !== null]);
             }
           }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class", "href"] });"""
    )
    sheets: list[str] = []
    page.on("request", lambda request: sheets.append(request.url) if request.resource_type == "stylesheet" else None)
    page.goto(server + "collaboration/")
    page.wait_for_load_state("networkidle")
    changes = page.evaluate("window.earlyChanges.filter(([what]) => what === 'html class' || what === 'LINK href')")
    assert ["html class", False] in changes and ["LINK href", False] in changes, changes
    assert not [c for c in changes if c[1] and c[0] == "LINK href"], changes  # none once the body exists
    classes = page.evaluate("document.documentElement.className").split()
    assert "js" in classes and "no-js" not in classes, classes
    hrefs = page.locator("link[rel=stylesheet]").evaluate_all("links => links.map(l => l.getAttribute('href'))")
    assert hrefs and all(h.startswith(server) for h in hrefs), hrefs
    assert sorted(sheets) == sorted(set(sheets)) and len(sheets) == len(hrefs), sheets
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["collaboration/", "calculator/", "en/methodology/"])
def test_materials_script_moves_no_table_at_start_up(page: Page, server: str, path: str) -> None:
    """calculator/pages/tables.py: content tables come wrapped and classed from the build, so
    Material's script (which takes out and puts back every table without a class, restyling each
    cell) removes none, and no table ends up wrapped twice."""
    page.add_init_script(
        """window.movedTables = 0;
           new MutationObserver((changes) => {
             for (const change of changes)
               for (const node of change.removedNodes) if (node.nodeName === "TABLE") window.movedTables++;
           }).observe(document, { subtree: true, childList: true });"""
    )
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.movedTables") == 0
    shapes = page.locator("article table").evaluate_all(
        """tables => tables.map(t => {
             const wrap = t.parentElement.closest('.md-typeset__scrollwrap');
             return [t.className,
               t.parentElement.matches('.md-typeset__scrollwrap > .md-typeset__table'),
               wrap !== null && wrap.parentElement.closest('.md-typeset__scrollwrap') !== null,
               t.closest('#calc') !== null];
           })"""
    )
    assert [s for s in shapes if s[0] == "playbook-table"], shapes
    assert not [s for s in shapes if not s[0]], shapes  # no table left for Material to wrap
    for _cls, wrapped, twice, calculator in shapes:
        assert not twice, shapes
        # the calculator's own tables (classed by its renderer, live plans too) are not wrapped
        assert wrapped or calculator, shapes
    assert not page.console_errors and not page.foreign_requests  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_classed_tables_look_like_materials_own(page: Page, server: str, scheme: str) -> None:
    """The site's stylesheet gives table.playbook-table what Material's gives table:not([class]):
    a table without a class added next to one, after start-up, computes the same styles."""
    page.goto(server + "collaboration/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    styles = page.evaluate(
        """() => {
          const ours = document.querySelector('#links ~ .md-typeset__scrollwrap table.playbook-table');
          const plain = ours.cloneNode(true);
          plain.removeAttribute('class');
          ours.closest('.md-typeset__table').appendChild(plain);
          const props = ['display', 'font-size', 'border-top-width', 'border-top-color', 'border-radius',
                         'background-color', 'max-width', 'overflow-x'];
          const cellProps = ['padding-top', 'padding-left', 'text-align', 'vertical-align', 'font-weight',
                             'border-top-width', 'border-top-color', 'min-width'];
          const pick = (el, names) => names.map(n => n + '=' + getComputedStyle(el).getPropertyValue(n));
          const of = t => [pick(t, props), pick(t.querySelector('th'), cellProps),
                           pick(t.querySelector('tbody td'), cellProps)];
          return [of(ours), of(plain)];
        }"""
    )
    assert "border-top-width=1px" in styles[1][0]  # Material's rules reach the plain table
    assert styles[0] == styles[1]
