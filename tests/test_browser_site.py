"""The playbook as a visitor uses it, in headless Chromium: search, links, languages, offline-safe."""

from __future__ import annotations

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
    page.locator("svg.collab-map a[href='../roles/data/']").click()  # a node opens its role page
    expect(page).to_have_url(server + "roles/data/")
    page.locator("svg.collab-role a[href='../campaign/']").first.click()  # and so does the role's own map
    expect(page).to_have_url(server + "roles/campaign/")
    page.goto(server + "collaboration/")
    page.locator("table a[href$='roles/director/#to-campaign']").first.click()
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
