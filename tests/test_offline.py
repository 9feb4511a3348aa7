"""The offline copy (`make offline`) opened from disk (file://) in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from calculator.linkcheck import check_site
from tests.sitebuild import build, copy_repo

# Material draws a diagram into a closed shadow root; open it so the test can see the <svg>.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_repo(tmp_path_factory.mktemp("offline"))
    result = build(repo, offline=True)
    assert result.returncode == 0, result.stderr
    return repo / "site"


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A page that records console errors and every request that is not a file on disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.not_files = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))  # type: ignore[attr-defined]
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and page.not_files.append(r.url))  # type: ignore[attr-defined]
    yield page
    assert not page.not_files  # type: ignore[attr-defined]
    assert not [e for e in page.console_errors if "Content Security Policy" in e], page.console_errors  # type: ignore[attr-defined]
    context.close()


def test_the_copy_has_file_links_and_no_policy(offline_site: Path) -> None:
    html = (offline_site / "roles" / "content.html").read_text(encoding="utf-8")
    assert 'href="director.html"' in html
    assert "Content-Security-Policy" not in html  # see hooks/offline.py
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "en" / "search" / "search_index.js").is_file()
    assert (offline_site / "vendor" / "iframe-worker" / "shim.js").is_file()


def test_every_link_of_the_copy_resolves_on_disk(offline_site: Path) -> None:
    assert check_site(offline_site) == []
    assert not (offline_site / "404.html").exists()  # only a server shows it; see hooks/offline.py
    assert not (offline_site / "en" / "404.html").exists()


def test_role_page_opens_and_links_to_another_role(tab: Page, offline_site: Path) -> None:
    tab.goto((offline_site / "roles" / "content.html").as_uri())
    expect(tab.locator("h1")).to_contain_text("内容运营")
    tab.locator("article a[href='director.html']").first.click()
    expect(tab).to_have_url((offline_site / "roles" / "director.html").as_uri())
    expect(tab.locator("h1")).to_contain_text("运营总监")
    tab.locator(".md-header__option .md-select a[hreflang='en']").dispatch_event("click")
    expect(tab).to_have_url((offline_site / "en" / "roles" / "director.html").as_uri())
    assert not tab.console_errors  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "query", "role"), [("", "私域", "roles/user.html"), ("en/", "retention", "roles/user.html")]
)
def test_search_works_from_disk(tab: Page, offline_site: Path, path: str, query: str, role: str) -> None:
    tab.goto((offline_site / path / "index.html").as_uri())
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    box = tab.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key events; fill() alone types no key
    results = tab.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=15_000)
    hrefs = results.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any(role in href for href in hrefs), hrefs
    results.filter(has_text="").first.click()
    assert tab.url.startswith("file://")
    assert not tab.console_errors  # type: ignore[attr-defined]


def test_collaboration_diagram_is_drawn(tab: Page, offline_site: Path) -> None:
    tab.goto((offline_site / "collaboration.html").as_uri())
    expect(tab.locator("svg.collab-map")).to_be_visible()
    tab.locator("svg.collab-map a").filter(has_text="数据分析专员").click()
    expect(tab).to_have_url((offline_site / "roles" / "data.html").as_uri())
    assert not tab.console_errors  # type: ignore[attr-defined]


def test_calculator_shows_the_prerendered_plan(tab: Page, offline_site: Path) -> None:
    tab.goto((offline_site / "calculator.html").as_uri())
    expect(tab.locator(".calc-headline")).to_be_visible()
    expect(tab.locator("#calc-status")).to_contain_text("实时重算", timeout=30_000)
    assert tab.locator("#calc-result").get_attribute("data-state") in ("error", "prerendered")
    tab.locator("#calc-result a[href='roles/director.html']").first.click()
    expect(tab).to_have_url((offline_site / "roles" / "director.html").as_uri())
