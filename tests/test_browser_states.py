"""What the calculator page says while it cannot show the plan asked for yet, in Chromium.

A share link's visit never shows the prerendered default plan as the link's answer; a plan the form
has moved away from (edits before Python is up, invalid input) is dimmed and the summary bar says so;
the language switcher carries the plan (#scenario=...) and section anchors to the other language.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, Route, expect

from calculator.engine.scenario import parse_scenario
from calculator.engine.share import encode
from tests.sizing_fixtures import MODEL
from tests.test_browser_calc import READY, clean, cli, default_scenario, fte_text, totals

LINKED = {
    "channels": {
        "douyin": {"posts_per_week": 10, "live_hours_per_week": 42},
        "xiaohongshu": {"posts_per_week": 7},
        "wechat_oa": {"posts_per_week": 5},
    },
    "private_domain": {"groups": 30, "contacts": 9000},
    "comments_per_week": 1500,
    "campaigns_per_year": 6,
    "goals": ["conversion", "retention"],
}


def link() -> str:
    return encode(parse_scenario(LINKED, MODEL))


def hold_runtime(page: Page) -> list[Route]:
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    return held


def release(page: Page, held: list[Route]) -> None:
    for _ in range(300):  # the worker asks for the runtime once the page script has bound (later under load)
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page should be fetching the runtime"
    held[0].continue_()


def test_a_link_visit_shows_progress_not_the_default_plan(page: Page, server: str) -> None:
    held = hold_runtime(page)
    page.goto(server + "calculator/#" + link())
    result = page.locator("#calc-result")
    expect(result).to_have_attribute("data-state", "loading")
    assert result.get_attribute("data-total-headcount") is None
    expect(result.locator(".calc-headline")).to_have_count(0)  # the default plan is not on screen
    expect(page.locator("#calc-summary")).to_contain_text("正在计算分享链接中的方案")
    steps = result.locator(".calc-pending__steps li")
    expect(steps).to_have_count(3)
    expect(steps.first).to_have_attribute("data-done", "active")
    expect(page.locator("input[name='comments_per_week']")).to_be_disabled()  # it shows the default inputs
    expect(page.locator("[data-action=csv]")).to_be_disabled()  # the default plan's export is not the link's
    expect(page.locator("[data-action=share]")).to_be_disabled()
    release(page, held)
    page.wait_for_selector(READY, timeout=60_000)
    expected = cli(LINKED)
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    expect(page.locator("#calc-summary")).to_contain_text(str(expected["total_headcount"]))
    expect(page.locator("input[name='comments_per_week']")).to_be_enabled()
    assert page.input_value("input[name='comments_per_week']") == "1500"
    clean(page)


def test_before_the_page_script_runs_a_link_visit_hides_the_default_plan(page: Page, server: str) -> None:
    """calc-first-paint.js marks the page in <head>: the default plan is not painted even before calc.js."""
    page.route("**/assets/js/calc.js", lambda route: route.abort())
    page.goto(server + "en/calculator/#" + link())
    expect(page.locator("#calc-result .calc-headline")).to_be_hidden()
    expect(page.locator("#calc-summary")).to_be_hidden()
    before = page.evaluate("getComputedStyle(document.querySelector('#calc-result'), '::before').content")
    assert "Computing the plan from the shared link" in before
    # without a link, the same page shows its default plan at once
    page.goto(server + "en/calculator/")
    expect(page.locator("#calc-result .calc-headline")).to_be_visible()


def test_a_link_whose_plan_cannot_be_computed_says_the_default_is_not_it(page: Page, server: str) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(server + "en/calculator/#" + link())
    expect(page.locator("#calc-result")).to_have_attribute("data-state", "error", timeout=60_000)
    expect(page.locator("#calc-summary")).to_contain_text("not the link's")
    expect(page.locator("#calc-result .calc-headline")).to_be_visible()


def test_edits_before_python_is_up_dim_the_plan_until_it_follows_them(page: Page, server: str) -> None:
    held = hold_runtime(page)
    page.goto(server + "calculator/")
    page.fill("input[name='channels.zhihu.posts_per_week']", "5")
    result = page.locator("#calc-result")
    expect(result).to_have_attribute("data-stale", "editing")
    expect(page.locator("#calc-summary")).to_contain_text("输入已修改")
    # dimmed (after the CSS transition of 0.2 s: read too early, the opacity is still 1)
    page.wait_for_function("() => parseFloat(getComputedStyle(document.querySelector('#calc-result')).opacity) < 0.6")
    release(page, held)
    page.wait_for_selector(READY, timeout=60_000)
    scenario = default_scenario()
    scenario["channels"]["zhihu"] = {"posts_per_week": 5}  # type: ignore[index]
    expected = cli(scenario)
    expect(result).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    expect(result).not_to_have_attribute("data-stale", re.compile(".*"))
    expect(page.locator("#calc-summary")).to_contain_text(str(expected["total_headcount"]))
    clean(page)


def test_invalid_input_dims_the_plan_and_the_summary_says_so(page: Page, server: str) -> None:
    page.goto(server + "en/calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    result = page.locator("#calc-result")
    page.fill("input[name='comments_per_week']", "-5")
    expect(result).to_have_attribute("data-stale", "invalid")
    expect(page.locator("#calc-summary")).to_contain_text("Check the input")
    page.fill("input[name='comments_per_week']", "150")
    expect(result).not_to_have_attribute("data-stale", re.compile(".*"))
    expect(page.locator("#calc-summary")).to_contain_text("people")
    clean(page)


def switch_language(page: Page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()


def test_the_language_switch_keeps_the_plan_and_the_anchor(page: Page, server: str) -> None:
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("input[name='channels.bilibili.posts_per_week']", "6")
    scenario = default_scenario()
    scenario["channels"]["bilibili"] = {"posts_per_week": 6}  # type: ignore[index]
    expected = cli(scenario)
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    fragment = page.url.split("#", 1)[1]
    switch_language(page, "en")
    expect(page).to_have_url(server + "en/calculator/#" + fragment)
    page.wait_for_selector(READY, timeout=60_000)
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    assert page.input_value("input[name='channels.bilibili.posts_per_week']") == "6"
    switch_language(page, "zh")
    expect(page).to_have_url(server + "calculator/#" + fragment)
    page.wait_for_selector(READY, timeout=60_000)
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    # a section anchor on another page goes along too
    page.goto(server + "roles/user/#calc-anchor-check")
    switch_language(page, "en")
    expect(page).to_have_url(server + "en/roles/user/#calc-anchor-check")
    clean(page)
