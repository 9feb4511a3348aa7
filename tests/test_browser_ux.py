"""The calculator's layout, keyboard and screen-reader behaviour and print view, in headless Chromium."""

from __future__ import annotations

import base64
import json
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.test_browser_calc import READY, clean

SCHEMES = ["light", "dark"]


def _luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", rgb)[:3])
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _page(browser: Browser, width: int, height: int, scheme: str = "light", **options: object) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, **options)  # type: ignore[arg-type]
    return context.new_page()


def test_result_stays_beside_the_form_on_a_desktop(browser: Browser, server: str) -> None:
    page = _page(browser, 1280, 900)
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    form, result = page.locator(".calc-input").bounding_box(), page.locator(".calc-output").bounding_box()
    assert form and result and result["x"] >= form["x"] + form["width"]  # side by side
    # editing the last fields of the long form: the plan's heading is still on screen
    page.locator("input[name='creator_collaborations_per_month']").fill("6")
    expect(page.locator("#calc-status")).to_contain_text("建议团队")
    heading = page.locator("#calc-result-title").bounding_box()
    assert heading and heading["y"] >= 0 and heading["y"] + heading["height"] <= 900
    page.context.close()


@pytest.mark.parametrize("width", [390, 360])
def test_phone_shows_cards_without_sideways_scrolling(browser: Browser, server: str, width: int) -> None:
    page = _page(browser, width, 800, is_mobile=True, has_touch=True)
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    row = page.locator("#calc-result table").first.locator("tbody tr").first
    expect(row).to_have_css("display", "grid")  # a card per position (retried: the result may be redrawn)
    for cell in page.locator("#calc-result table").first.locator("td, th").all():
        box = cell.bounding_box()
        assert box is None or box["x"] + box["width"] <= width, cell.inner_text()
    # chart labels at least 12 px on screen
    heights = page.locator(".calc-chart__label").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    sizes = page.locator(".calc-chart").evaluate(
        "svg => { const t = svg.querySelector('text'); return [svg.getBoundingClientRect().width,"
        " svg.viewBox.baseVal.width, parseFloat(getComputedStyle(t).fontSize)]; }"
    )
    assert sizes[2] * sizes[0] / sizes[1] >= 12 and min(heights) >= 12
    # a channel name stays one word: "公众号" on one line
    name = page.locator("#calc-channel-wechat_oa th")
    assert name.evaluate("e => e.getClientRects().length") == 1 and name.bounding_box()["height"] < 40  # type: ignore[index]
    # the summary bar and Material's back-to-top button do not overlap
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(600)
    bar, top = page.locator(".calc-summary").bounding_box(), page.locator(".md-top").bounding_box()
    assert bar and top and (top["y"] >= bar["y"] + bar["height"] or top["y"] + top["height"] <= bar["y"])
    page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_control_shows_focus_and_chart_bars_contrast(browser: Browser, server: str, scheme: str) -> None:
    page = _page(browser, 1280, 900, scheme)
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for selector in (
        "input[name='channels.douyin.posts_per_week']",
        "select[name='channels.douyin.format']",
        "input[name=goals][value=awareness]",
        "[data-action=share]",
        ".calc-role summary",
    ):
        control = page.locator(selector).first
        control.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        # reach it by keyboard: focus what comes before it, then Tab
        control.evaluate(
            "e => { const all = [...document.querySelectorAll('#calc input, #calc select, #calc button, #calc summary,"
            " #calc a')]; all[all.indexOf(e) - 1].focus(); }"
        )
        page.keyboard.press("Tab")
        assert control.evaluate("e => e === document.activeElement"), selector
        style = control.evaluate(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
        )
        assert style[0] == "solid" and float(style[1].rstrip("px")) >= 2, (selector, style)
        assert contrast(style[2], background) >= 3, (selector, style, background)
    for fill in page.locator(".calc-chart__bar").evaluate_all("els => els.map(e => getComputedStyle(e).fill)"):
        assert contrast(fill, background) >= 3, (fill, background)
    # small print (help, units, preset descriptions), as painted: its colour's alpha times every
    # ancestor's opacity, over the page background (Lighthouse found the presets' help at 2.9:1)
    small_print = page.locator("#calc .calc-field__help, #calc .calc-field__unit, #calc .calc-presets__description")
    assert small_print.count() >= 8
    for text, rgba, alpha in small_print.evaluate_all(
        "els => els.map(e => { let a = 1; for (let x = e; x; x = x.parentElement) a *= +getComputedStyle(x).opacity;"
        " const c = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number);"
        " return [e.textContent.slice(0, 30), c.slice(0, 3), a * (c.length > 3 ? c[3] : 1)]; })"
    ):
        bg = [int(v) for v in re.findall(r"\d+", background)[:3]]
        painted = "rgb({})".format(
            ", ".join(str(round(c * alpha + b * (1 - alpha))) for c, b in zip(rgba, bg, strict=True))
        )
        assert contrast(painted, background) >= 4.5, (text, painted, background)
    page.context.close()


def test_disabled_buttons_look_disabled_and_one_polite_region_speaks(page: Page, server: str) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: None)  # Python never starts: the buttons stay as built
    page.goto(server + "calculator/")
    page.fill("input[name='channels.zhihu.posts_per_week']", "5")
    csv_button = page.locator("[data-action=csv]")
    expect(csv_button).to_be_disabled()
    looks = csv_button.evaluate("e => [getComputedStyle(e).opacity, getComputedStyle(e).borderStyle]")
    assert float(looks[0]) <= 0.6 and looks[1] == "dashed"
    enabled = page.locator("[data-action=print]").evaluate("e => getComputedStyle(e).opacity")
    assert float(enabled) == 1
    live = page.locator("#calc [aria-live], #calc [role=status], #calc [role=alert]")
    assert live.count() == 1 and live.first.get_attribute("id") == "calc-status"


def test_the_status_announces_the_total_and_result_headings_are_in_order(page: Page, server: str) -> None:
    page.goto(server + "en/calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("input[name='channels.weibo.posts_per_week']", "5")
    headcount = page.locator("#calc-result").get_attribute("data-total-headcount")
    expect(page.locator("#calc-status")).to_contain_text(f"Suggested team: {headcount} people")
    assert "ms" not in (page.locator("#calc-status").text_content() or "")
    levels = page.locator("h1, h2, h3, h4").evaluate_all("els => els.map(e => Number(e.tagName[1]))")
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    clean(page)


def test_without_javascript_the_chart_is_an_svg_that_renders(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    response = page.goto(server + "calculator/")
    assert response is not None and "ns0:" not in response.text()
    chart = page.locator("#calc-result svg.calc-chart")
    assert chart.evaluate("e => e.namespaceURI") == "http://www.w3.org/2000/svg"
    box = chart.bounding_box()
    assert box and box["height"] > 100
    assert page.locator(".calc-chart rect").first.bounding_box()["width"] > 10  # type: ignore[index]
    qr = page.locator("svg.calc-qr__code")
    assert qr.evaluate("e => e.namespaceURI") == "http://www.w3.org/2000/svg"
    context.close()


def test_a_link_from_an_older_model_says_so_and_names_what_changed(page: Page, server: str) -> None:
    scenario = {"channels": {"douyin": {"posts_per_week": 7}}, "goals": ["awareness"]}
    old = {"n": 1, "fte": 0.5, "p": {"content": 1, "video": 2}}
    encode = lambda data: base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")  # noqa: E731
    page.goto(server + f"en/calculator/#scenario={encode(scenario)}&model=1.2&plan={encode(old)}")
    page.wait_for_selector(READY, timeout=60_000)
    notice = page.locator(".calc-link-notice")
    expect(notice).to_contain_text("This link was made with model 1.2")
    expect(notice).to_contain_text("When the link was made: 1 people (0.5 FTE)")
    expect(notice.locator("li", has_text="Video Producer / Editor: 2 →")).to_have_count(1)
    expect(page.locator("#calc-status")).to_contain_text("differs from when the link was made")
    assert "&model=2.0&plan=" in page.url  # the page now carries today's model and numbers
    clean(page)


@pytest.mark.parametrize(("scheme", "first", "other"), [("light", "default", "slate"), ("dark", "slate", "default")])
def test_the_colour_toggle_follows_the_system_then_the_visitors_choice(
    browser: Browser, server: str, scheme: str, first: str, other: str
) -> None:
    """Our toggle (partials/palette-toggle.js; Material's palette component re-styled every page several
    times on load): the system's scheme before the first paint, one visible button that switches,
    and the choice kept across pages and visits."""
    page = _page(browser, 1280, 800, scheme)
    page.goto(server)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", first)
    assert page.locator("[data-md-component=palette]").count() == 0
    toggles = page.locator("[data-playbook-palette] label:visible")
    expect(toggles).to_have_count(1)
    toggles.first.click()
    expect(body).to_have_attribute("data-md-color-scheme", other)
    expect(page.locator("[data-playbook-palette] label:visible")).to_have_count(1)
    page.goto(server + "roles/")  # a full load: the stored choice, not the system's
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", other)
    page.locator("[data-playbook-palette] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", first)
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", first)
    page.context.close()
