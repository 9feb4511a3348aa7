"""The founder's plan in headless Chromium: presets, city tier and existing team, compare links, exports."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from calculator.engine.scenario import parse_scenario
from calculator.engine.share import share_fragment
from calculator.engine.sizing.plan import size
from tests.sizing_fixtures import MODEL
from tests.test_browser_calc import READY, clean, cli, totals

DOUYIN = {"channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 42}}}
BIGGER = {"channels": {"douyin": {"posts_per_week": 14, "live_hours_per_week": 84}}, "ad_spend_per_month": 50000}


#: the status after a recalculation: the new total, alone (the page's one live region)
UPDATED = re.compile(r"^Suggested team: \d+ people")


def link(scenario: dict[str, object]) -> str:
    """The link a preset carries: the scenario with the model version and numbers (a shared link's form)."""
    return share_fragment(size(parse_scenario(scenario, MODEL), MODEL))


def test_every_preset_loads_with_one_click_and_has_its_own_link(page: Page, server: str) -> None:
    page.goto(server + "en/calculator/")
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    presets = page.locator("a[data-preset]")
    assert presets.count() == len(MODEL.presets) >= 5
    for preset in MODEL.presets[:3]:
        anchor = page.locator(f"a[data-preset={preset.id}]")
        # Material's instant navigation makes hrefs absolute; the fragment is the preset's share link
        assert (anchor.get_attribute("href") or "").endswith("/en/calculator/#" + link(preset.scenario))
        anchor.click()
        expected = cli(preset.scenario)
        expect(page.locator("#calc-result")).to_have_attribute(
            "data-total-headcount", str(expected["total_headcount"]), timeout=30_000
        )
        assert page.evaluate("location.hash") == "#" + link(preset.scenario)
        expect(page.locator(".calc-link-notice")).to_have_count(0)  # a preset names its model: no notice
        typical = expected["cost"]["monthly_total"]["typical"]  # type: ignore[index]
        expect(page.locator(".calc-section--cost table >> nth=0")).to_contain_text(f"¥{round(typical):,}")
    clean(page)


def test_city_tier_and_existing_team_change_cost_and_hires(page: Page, server: str) -> None:
    page.goto(server + "en/calculator/#" + link(DOUYIN))
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    page.select_option("select[name=city_tier]", "tier1")
    page.fill("input[name='existing_team.host']", "2")
    expected = cli({**DOUYIN, "city_tier": "tier1", "existing_team": {"host": 2}})
    hires = expected["hires"]
    assert isinstance(hires, list)
    expect(page.locator("ol.calc-hires > li")).to_have_count(len(hires), timeout=30_000)
    expect(page.locator(".calc-covered")).to_contain_text("Live Host")
    monthly = expected["cost"]["monthly_total"]  # type: ignore[index]
    expect(page.locator(".calc-section--cost table >> nth=0")).to_contain_text(f"¥{round(monthly['typical']):,}")
    # a negative count is named next to the field and the plan stays
    before = totals(page)
    page.fill("input[name='existing_team.host']", "-1")
    expect(page.locator("#calc-status")).to_contain_text("must be between 0 and 1000", timeout=30_000)
    assert totals(page) == before
    clean(page)


def test_compare_link_opens_both_plans_and_exports_the_comparison(page: Page, server: str) -> None:
    page.goto(server + "en/calculator/#" + link(DOUYIN) + "&vs=" + link(BIGGER).split("&")[0].removeprefix("scenario="))
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    b = cli(BIGGER)
    result = page.locator("#calc-result")
    expect(result).to_have_attribute("data-compare-total-headcount", str(b["total_headcount"]), timeout=30_000)
    expect(page.locator(".calc-section--compare")).to_contain_text("From A to B")
    with page.expect_download() as csv_download:
        page.click("[data-action=csv]")
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    assert "People cost" in text and "Comparison: plan A and plan B" in text and "Hiring sequence from A to B" in text
    with page.expect_download() as md_download:
        page.click("[data-action=markdown]")
    markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
    assert "## Comparison: plan A and plan B" in markdown and "## People cost" in markdown
    # editing plan A keeps comparing with B
    page.fill("input[name='channels.xiaohongshu.posts_per_week']", "3")
    expect(page.locator("#calc-status")).to_have_text(UPDATED, timeout=30_000)
    assert result.get_attribute("data-compare-total-headcount") == str(b["total_headcount"])
    assert "&vs=" in page.evaluate("location.hash")
    # "Show plan A alone" leaves the comparison
    page.click("a.calc-compare-stop")
    expect(page.locator(".calc-section--compare")).to_have_count(0, timeout=30_000)
    assert result.get_attribute("data-compare-total-headcount") is None
    clean(page)


def test_malformed_vs_names_the_field_and_keeps_the_plan(page: Page, server: str) -> None:
    bad = base64.urlsafe_b64encode(json.dumps({"city_tier": "tier9"}).encode()).decode().rstrip("=")
    page.goto(server + "en/calculator/")
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    page.fill("input[name='channels.weibo.posts_per_week']", "5")
    expect(page.locator("#calc-status")).to_have_text(UPDATED, timeout=30_000)
    kept = totals(page)
    page.evaluate("hash => { location.hash = hash; }", link(DOUYIN) + "&vs=" + bad)
    status = page.locator("#calc-status")
    expect(status).to_contain_text("plan B to compare with (vs=)", timeout=30_000)
    expect(status).to_contain_text("city_tier")
    assert totals(page) == kept
    assert page.locator("#calc-result").get_attribute("data-compare-total-headcount") is None
    clean(page)
