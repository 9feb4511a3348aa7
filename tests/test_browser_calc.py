"""The calculator page in headless Chromium, as a founder and a consultant use it."""

from __future__ import annotations

import base64
import copy
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.sitebuild import ROOT
from tests.sizing_fixtures import MODEL

READY = "#calc-result[data-state=ready]"


def cli(scenario: dict[str, object]) -> dict[str, object]:
    """What `python -m calculator` answers for the same scenario."""
    run = subprocess.run(
        [sys.executable, "-m", "calculator", "-", "--format", "json"],
        input=json.dumps(scenario),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(run.stdout)


def totals(page: Page) -> tuple[int, str]:
    result = page.locator("#calc-result")
    return int(result.get_attribute("data-total-headcount") or -1), result.get_attribute("data-total-fte") or ""


def fte_text(value: object) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def default_scenario() -> dict[str, object]:
    return copy.deepcopy(MODEL.default_scenario)  # tests change it: never the shared model


def clean(page: Page) -> None:
    assert page.console_errors == []  # type: ignore[attr-defined]
    assert page.foreign_requests == []  # type: ignore[attr-defined]


def test_prerendered_plan_stands_without_javascript(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "calculator/")
    expected = cli(default_scenario())
    result = page.locator("#calc-result")
    assert result.get_attribute("data-state") == "prerendered"
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    expect(page.locator(".calc-headline")).to_contain_text(str(expected["total_headcount"]))
    expect(page.locator("noscript")).to_have_count(1)
    assert page.locator("#calc-result table").first.locator("tbody tr").count() == len(expected["positions"])  # type: ignore[arg-type]
    context.close()


def test_worker_starts_and_inputs_update_the_plan_like_the_cli(page: Page, server: str) -> None:
    page.goto(server + "calculator/")
    expected = cli(default_scenario())
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))  # at first paint
    page.wait_for_selector(READY, timeout=60_000)
    scenario = default_scenario()
    page.fill("input[name='channels.bilibili.posts_per_week']", "4")
    page.fill("input[name='private_domain.groups']", "25")
    page.locator("input[name=goals][value=retention]").check()
    scenario["channels"]["bilibili"] = {"posts_per_week": 4}  # type: ignore[index]
    scenario["private_domain"]["groups"] = 25  # type: ignore[index]
    scenario["goals"] = ["retention", "conversion"]
    expected = cli(scenario)
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    rows = page.locator("#calc-result table").first.locator("tbody tr")
    assert rows.count() == len(expected["positions"])  # type: ignore[arg-type]
    titles = [p["title"]["zh"] for p in expected["positions"]]  # type: ignore[attr-defined,index]
    assert [rows.nth(i).locator(".calc-position__title").inner_text() for i in range(rows.count())] == titles
    # the live region says the new team size, not the time taken
    expect(page.locator("#calc-status")).to_contain_text(f"建议团队 {expected['total_headcount']} 人")
    # each role links to its playbook page
    expect(page.locator("#calc-result a[href='../roles/user/']").first).to_be_visible()
    assert page.locator("#calc-result svg.calc-chart rect").count() >= 6
    clean(page)


def test_a_live_plan_equal_to_the_one_shown_only_updates_its_link(page: Page, server: str) -> None:
    """The first live plan is the prerendered default again: the page keeps its nodes (no second
    style and layout of the whole result) and only the link section gets the live address and QR code."""
    page.add_init_script(
        """document.addEventListener("DOMContentLoaded", () => {
             const result = document.getElementById("calc-result");
             window.resultSwaps = 0;
             window.prerenderedBody = result.firstElementChild;
             new MutationObserver(() => { window.resultSwaps += 1; }).observe(result, { childList: true });
           });"""
    )
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator(".calc-section--link svg.calc-qr__code")).to_have_count(1)  # the extras came
    expect(page).to_have_url(re.compile(r"#scenario="))  # the address names the live plan
    expect(page.locator(".calc-section--link a")).to_have_attribute("href", page.url)
    assert page.evaluate("window.resultSwaps") == 0
    assert page.evaluate("document.getElementById('calc-result').firstElementChild === window.prerenderedBody")
    # a plan that differs replaces the result
    page.fill("input[name='private_domain.groups']", "25")
    scenario = default_scenario()
    scenario["private_domain"]["groups"] = 25  # type: ignore[index]
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(cli(scenario)["total_fte"]))
    assert page.evaluate("window.resultSwaps") >= 1
    expect(page.locator("#calc-result .calc-section--inputs")).to_contain_text("25")
    clean(page)


def test_bad_input_is_named_and_keeps_the_last_plan(page: Page, server: str) -> None:
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    before = totals(page)
    page.fill("input[name='comments_per_week']", "-5")
    expect(page.locator("#calc-status")).to_contain_text("每周评论与私信: 应在 0 到 1000000 之间")
    expect(page.locator("#calc-status")).to_have_attribute("data-kind", "error")
    expect(page.locator("input[name='comments_per_week']")).to_have_attribute("aria-invalid", "true")
    assert totals(page) == before
    page.fill("input[name='comments_per_week']", "150")
    expect(page.locator("#calc-status")).to_have_attribute("data-kind", "ok")
    clean(page)


def test_share_link_round_trip(browser: Browser, page: Page, server: str) -> None:
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("input[name='channels.weibo.posts_per_week']", "9")
    page.fill("input[name='campaigns_per_year']", "4")
    expect(page).to_have_url(re.compile("#scenario="))
    page.locator("[data-action=share]").click()
    link = page.locator(".calc-share").input_value()
    assert link == page.url
    shared = totals(page)
    recipient = browser.new_context().new_page()
    recipient.goto(link)
    recipient.wait_for_selector(READY, timeout=60_000)
    assert totals(recipient) == shared
    assert recipient.input_value("input[name='channels.weibo.posts_per_week']") == "9"
    assert recipient.input_value("input[name='campaigns_per_year']") == "4"
    expect(recipient.locator("#calc-status")).to_contain_text("分享链接")
    recipient.context.close()
    clean(page)


@pytest.mark.parametrize(
    ("fragment", "why"),
    [
        ("scenario=%%%not-base64", "链接已损坏"),
        ("scenario=" + base64.urlsafe_b64encode(b'{"channels": {"myspace": {}}}').decode().rstrip("="), "myspace"),
        ("scenario=" + base64.urlsafe_b64encode(b'{"comments_per_week": 1e99}').decode().rstrip("="), "out of range"),
    ],
)
def test_tampered_link_says_so_and_shows_the_default(page: Page, server: str, fragment: str, why: str) -> None:
    page.goto(server + "calculator/#" + fragment)
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc-status")).to_contain_text("分享链接无法打开")
    expect(page.locator("#calc-status")).to_contain_text(why)
    expected = cli(default_scenario())
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    assert fragment not in page.url  # the broken link is replaced by the default plan's link
    clean(page)


def test_instant_navigation_away_and_back_keeps_one_worker(page: Page, server: str) -> None:
    page.add_init_script(
        "window.__workers = 0; const W = window.Worker;"
        "window.Worker = function (url, o) { if (String(url).includes('calc-worker')) window.__workers += 1;"
        " return new W(url, o); };"
    )
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.locator("nav.md-nav--primary a[href$='roles/user/']").first.click()
    expect(page).to_have_url(server + "roles/user/")
    assert page.evaluate("typeof document$") == "object"  # instant navigation is on: no full reload
    page.locator("nav.md-nav--primary a[href$='calculator/']").first.click()
    expect(page).to_have_url(re.compile("/calculator/"))
    page.wait_for_selector(READY, timeout=30_000)
    assert page.evaluate("window.__workers") == 1
    page.fill("input[name='channels.zhihu.posts_per_week']", "2")
    # after an edit the status is the new team size alone (not "已恢复…" with the restored plan's size)
    expect(page.locator("#calc-status")).to_have_text(re.compile("^建议团队"))
    changed = totals(page)
    # leave and come back again: the visitor's inputs and plan are still there
    page.locator("nav.md-nav--primary a[href$='methodology/']").first.click()
    expect(page).to_have_url(re.compile("/methodology/"))
    page.locator("nav.md-nav--primary a[href$='calculator/']").first.click()
    page.wait_for_selector(READY, timeout=30_000)
    assert page.input_value("input[name='channels.zhihu.posts_per_week']") == "2"
    assert totals(page) == changed
    expect(page.locator("#calc-status")).to_contain_text("已恢复")
    assert page.evaluate("window.__workers") == 1
    clean(page)


def test_exports(page: Page, server: str) -> None:
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("input[name='campaigns_per_year']", "3")
    scenario = default_scenario()
    scenario["campaigns_per_year"] = 3
    expected = cli(scenario)
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    with page.expect_download() as csv_download:
        page.locator("[data-action=csv]").click()
    rows = list(csv.reader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8-sig"))))
    header = {row[0]: row[1] for row in rows[: rows.index([])]}
    table = rows[rows.index([]) + 1 :]
    assert header["模型版本"] == expected["model_version"] and header["方案链接"] == page.url
    assert header["输入: 每年节点大促（618、双11等）"] == "3 次/年"
    assert table[0][:4] == ["序号", "职位", "人数", "FTE"]
    assert sum(int(row[2]) for row in table[1:]) == expected["total_headcount"]
    assert abs(sum(float(row[3]) for row in table[1:]) - float(expected["total_fte"])) < 0.01 * len(table)  # type: ignore[arg-type]
    with page.expect_download() as md_download:
        page.locator("[data-action=markdown]").click()
    markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith(
        f"# 团队编制方案：{expected['total_headcount']} 人（{fte_text(expected['total_fte'])} FTE）"
    )
    assert f"<{page.url}>" in markdown and "](data:image/png;base64," in markdown
    for section in ("## 输入", "## 职位与人数", "## 招聘顺序", "## 大促冲刺期"):
        assert section in markdown
    clean(page)


def test_english_page_and_phone_width(browser: Browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(server + "en/calculator/")
    expect(page.locator(".calc-headline")).to_contain_text("Suggested team")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("input[name='channels.douyin.live_hours_per_week']", "0")
    expect(page.locator("#calc-status")).to_contain_text("Suggested team")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    shots = ROOT / "build-screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "calculator-phone.png"), full_page=False)
    context.close()


def test_opened_from_a_file_it_says_live_recalculation_is_unavailable(browser: Browser, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "calculator" / "index.html").as_uri())
    expect(page.locator(".calc-headline")).to_be_visible()
    expect(page.locator("#calc-status")).to_contain_text("实时重算", timeout=30_000)
    assert page.locator("#calc-result").get_attribute("data-state") in ("error", "prerendered")
    page.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_printed_plan_holds_inputs_link_qr_and_explanation(page: Page, server: str, lang: str) -> None:
    """Printed, a big team's plan (every channel, lives, campaigns, all goals) says what it was computed
    from, how to reopen it and why each number is what it is, on at most three A4 pages."""
    page.goto(server + lang + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    for name in page.locator("input[name$='.posts_per_week']").evaluate_all("els => els.map(e => e.name)"):
        page.fill(f"input[name='{name}']", "7")
    page.fill("input[name='channels.douyin.live_hours_per_week']", "60")
    page.fill("input[name='campaigns_per_year']", "6")
    for box in page.locator("input[name=goals]").all():
        box.check()
    expect(page.locator("#calc-status")).to_have_attribute("data-kind", "ok")
    # the last input's plan, not an earlier one: more than 15 people
    expect(page.locator("#calc-result")).to_have_attribute("data-total-headcount", re.compile(r"^(1[6-9]|[2-9]\d)$"))
    page.emulate_media(media="print")
    expect(page.locator(".calc-form")).to_be_hidden()
    expect(page.locator(".calc-section--inputs")).to_be_visible()
    expect(page.locator(".calc-section--inputs")).to_contain_text("60")
    expect(page.locator(".calc-section--link a")).to_have_attribute("href", page.url)
    qr = page.locator(".calc-section--link svg.calc-qr__code").bounding_box()
    assert qr and 100 <= qr["width"] <= 160  # about 32 mm: big enough for a phone camera
    expect(page.locator(".calc-role li").first).to_be_visible()  # the explanation, printed open
    pdf = page.pdf(format="A4")  # (with screen media emulated, the PDF would show the screen layout)
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 3


def test_input_while_python_loads_is_applied_once_ready(page: Page, server: str) -> None:
    """A founder who types before Python is up gets their plan, and cannot export a stale one."""
    release = []
    page.route("**/pyodide.asm.wasm", lambda route: release.append(route))  # hold the runtime back
    page.goto(server + "calculator/")
    expect(page.locator("#calc-result")).to_have_attribute("data-state", "loading")
    page.fill("input[name='channels.zhihu.posts_per_week']", "5")
    page.fill("input[name='private_domain.groups']", "2.5")
    expect(page.locator("[data-action=csv]")).to_be_disabled()  # the prerendered plan no longer matches
    expect(page.locator("#calc-status")).to_contain_text("实时计算启动后")
    page.wait_for_timeout(300)
    assert release, "the page should be fetching the runtime"
    release[0].continue_()
    page.wait_for_selector(READY, timeout=60_000)
    # 2.5 groups is not a whole number: named in Chinese, nothing computed from it
    expect(page.locator("#calc-status")).to_contain_text("社群数量: 请输入整数")
    page.fill("input[name='private_domain.groups']", "3")
    scenario = default_scenario()
    scenario["channels"]["zhihu"] = {"posts_per_week": 5}  # type: ignore[index]
    scenario["private_domain"]["groups"] = 3  # type: ignore[index]
    expected = cli(scenario)
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    expect(page.locator("[data-action=csv]")).to_be_enabled()
    clean(page)
