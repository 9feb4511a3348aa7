"""The calculator page against hostile input and a hostile network, in headless Chromium.

Typed values the browser would guess at get a message next to the field; a share link nested
hundreds of levels deep is a damaged link, not a dead Python; a slow line shows its progress and
gets there; a stalled one says so and offers to retry, keeping the plan on screen meanwhile.
"""

from __future__ import annotations

import base64
import functools
import re
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.conftest import QuietHandler, _free_port
from tests.test_browser_calc import READY, clean, cli, default_scenario, fte_text, totals

FIELD = "input[name='comments_per_week']"


def error_next_to(page: Page, selector: str) -> str:
    """The message placed right after the field, tied to it by aria-describedby."""
    described = page.locator(selector).get_attribute("aria-describedby") or ""
    note = page.locator(f"{selector} + .calc-field__error")
    assert note.get_attribute("id") == described
    return note.inner_text()


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("", "1,5", "不要用逗号或空格分隔：写成 1.5 或 1500"),
        ("", "0x10", "请用 0–9 的十进制数字"),
        ("", "NaN", "请输入数字，如 3 或 2.5"),
        ("", "1 500", "不要用逗号或空格分隔：写成 1.5 或 1500"),
        ("en/", "1,5", "no commas or spaces inside: write 1.5 or 1500"),
        ("en/", "0x10", "use decimal digits 0–9"),
        ("en/", "NaN", "enter a number, e.g. 3 or 2.5"),
    ],
)
def test_a_value_the_browser_would_guess_at_gets_a_message_not_a_number(
    page: Page, server: str, lang: str, typed: str, message: str
) -> None:
    page.goto(server + lang + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    before = totals(page)
    page.fill(FIELD, typed)
    expect(page.locator("#calc-status")).to_have_attribute("data-kind", "error")
    expect(page.locator("#calc-status")).to_contain_text(message)
    assert error_next_to(page, FIELD) == message
    expect(page.locator(FIELD)).to_have_attribute("aria-invalid", "true")
    assert totals(page) == before  # the last good plan stays
    page.fill(FIELD, "15")
    expect(page.locator("#calc-status")).to_have_attribute("data-kind", "ok")
    expect(page.locator(".calc-field__error")).to_have_count(0)
    expect(page.locator(FIELD)).not_to_have_attribute("aria-invalid", "true")
    clean(page)


def test_full_width_digits_from_a_chinese_input_method_are_read_exactly(page: Page, server: str) -> None:
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill(FIELD, "１２０．５")
    scenario = default_scenario()
    scenario["comments_per_week"] = 120.5
    expected = cli(scenario)
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    expect(page.locator("#calc-status")).to_have_attribute("data-kind", "ok")
    clean(page)


def test_a_share_link_nested_600_deep_is_a_damaged_link_and_python_goes_on(page: Page, server: str) -> None:
    fragment = "scenario=" + base64.urlsafe_b64encode(b"[" * 600 + b"]" * 600).decode().rstrip("=")
    page.goto(server + "calculator/#" + fragment)
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc-status")).to_contain_text("分享链接无法打开：链接已损坏")
    expected = cli(default_scenario())
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))
    page.fill("input[name='channels.zhihu.posts_per_week']", "3")
    expect(page.locator("#calc-status")).to_contain_text("建议团队")  # the same Python, still alive
    clean(page)


# --------------------------------------------------------------------------- a hostile network

SLOW = ("pyodide.asm.wasm", "python_stdlib.zip")


class Line:
    """What the test server does to the runtime's big files: a bytes/s rate, or going quiet."""

    def __init__(self) -> None:
        self.rate = 0.0  # bytes per second; 0: as fast as it can
        self.quiet_after: int | None = None  # bytes of the wasm sent before nothing more comes
        self.released = threading.Event()
        self.requests: list[str] = []
        self.worker_policy = ""  # a Content-Security-Policy header for the worker script


class SlowHandler(QuietHandler):
    line: Line

    def end_headers(self) -> None:
        if self.line.worker_policy and self.path.endswith("calc-worker.js"):
            self.send_header("Content-Security-Policy", self.line.worker_policy)
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:  # noqa: D102 - SimpleHTTPRequestHandler's hook
        self.line.requests.append(self.path)
        if not self.path.endswith(SLOW):
            return super().copyfile(source, outputfile)
        sent = 0
        while chunk := source.read(32 * 1024):
            if self.line.quiet_after is not None and self.path.endswith(".wasm") and sent >= self.line.quiet_after:
                self.line.released.wait(120)  # the connection stays open and silent, as a stalled line does
                return
            outputfile.write(chunk)
            outputfile.flush()
            sent += len(chunk)
            if self.line.rate:
                time.sleep(len(chunk) / self.line.rate)


@pytest.fixture
def slow_server(site: Path) -> Iterator[tuple[str, Line]]:
    line = Line()
    handler = type("Handler", (SlowHandler,), {"line": line})
    url = f"http://127.0.0.1:{_free_port()}/"
    httpd = ThreadingHTTPServer(
        ("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))), functools.partial(handler, directory=str(site))
    )
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield url, line
    line.released.set()
    httpd.shutdown()


def with_stall_seconds(page: Page, seconds: int) -> None:
    """The page as built, but giving up after ``seconds`` without progress instead of 30."""

    def shorten(route: Route) -> None:
        response = route.fetch()
        body = response.text()
        assert 'data-stall-seconds="30"' in body
        route.fulfill(
            response=response, body=body.replace('data-stall-seconds="30"', f'data-stall-seconds="{seconds}"')
        )

    page.route(re.compile(r".*/calculator/(#.*)?$"), shorten)


def test_a_slow_line_shows_progress_and_gets_there(browser: Browser, slow_server: tuple[str, Line]) -> None:
    url, line = slow_server
    line.rate = 800_000  # 6.4 Mbit/s for each big file: about 12 s for the wasm, well past the stall limit
    context = browser.new_context()
    page = context.new_page()
    with_stall_seconds(page, 8)
    started = time.monotonic()
    page.goto(url + "calculator/")
    progress = page.locator(".calc-progress span")
    # the snapshot start's files, uncompressed (this server does not gzip): ~42 MB; the plain start's ~14 MB
    expect(progress).to_contain_text(re.compile(r"已下载 [\d.]+ / (1[0-9]|4[0-9])\.\d MB"), timeout=20_000)
    seen = set()
    while len(seen) < 3 and time.monotonic() - started < 30:
        if progress.count():
            seen.add(progress.inner_text())
        page.wait_for_timeout(500)
    assert len(seen) >= 3, seen  # the figure moves as the bytes arrive
    expect(page.locator("#calc-status")).to_contain_text("正在下载 Python 运行时与计算引擎")
    assert page.locator("#calc-result").get_attribute("data-state") == "loading"
    page.wait_for_selector(READY, timeout=90_000)
    assert time.monotonic() - started > 8  # longer than the stall limit: only silence ends a start-up
    expect(page.locator(".calc-progress")).to_have_count(0)
    expect(page.locator(".calc-retry")).to_have_count(0)
    wasm = [r for r in line.requests if r.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1  # Pyodide got the downloaded bytes, not a second download
    context.close()


def test_a_stalled_line_fails_with_a_retry_and_keeps_the_plan(browser: Browser, slow_server: tuple[str, Line]) -> None:
    url, line = slow_server
    line.quiet_after = 1_000_000
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    with_stall_seconds(page, 5)
    page.goto(url + "calculator/")
    expected = cli(default_scenario())
    status = page.locator("#calc-status")
    expect(status).to_contain_text("下载已有 5 秒没有进展", timeout=30_000)
    expect(status).to_contain_text("可以点“重试”再试一次")
    expect(page.locator("#calc-result")).to_have_attribute("data-state", "error")
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))  # the plan stands
    retry = page.locator("button.calc-retry")
    expect(retry).to_be_visible()
    line.quiet_after = None  # the line is back
    line.released.set()
    retry.click()
    expect(retry).to_have_count(0)
    page.wait_for_selector(READY, timeout=60_000)
    page.fill(FIELD, "300")
    expect(status).to_contain_text("建议团队")
    assert errors == []
    context.close()


def test_a_host_that_forbids_blob_scripts_in_the_worker_still_gets_a_calculator(
    browser: Browser, slow_server: tuple[str, Line]
) -> None:
    """The worker imports the counted runtime script from a blob: URL; a stricter policy gets it by URL."""
    url, line = slow_server
    line.worker_policy = "script-src 'self' 'wasm-unsafe-eval'"
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "calculator/")
    page.wait_for_selector(READY, timeout=90_000)
    page.fill(FIELD, "300")
    expect(page.locator("#calc-status")).to_contain_text("建议团队")
    assert any(r.endswith("calc-worker.js") for r in line.requests)
    context.close()


def test_a_broken_link_within_the_visit_keeps_the_plan_the_visitor_was_working_on(page: Page, server: str) -> None:
    fragment = "scenario=" + base64.urlsafe_b64encode(b"[" * 600 + b"]" * 600).decode().rstrip("=")
    zhihu = "input[name='channels.zhihu.posts_per_week']"
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill(zhihu, "4")
    expect(page.locator("#calc-status")).to_contain_text("建议团队")
    mine = totals(page)
    page.locator("nav.md-nav--primary a[href$='roles/user/']").first.click()
    expect(page).to_have_url(server + "roles/user/")
    # the URL changes before instant navigation swaps in the new page (and its navigation): wait for it
    expect(page.locator("article h1")).to_contain_text("用户运营")
    # a link to the calculator that carries a damaged plan, followed within the same visit
    to_calculator = "nav.md-nav--primary a[href$='calculator/']"
    page.evaluate("([selector, f]) => { document.querySelector(selector).href += '#' + f; }", [to_calculator, fragment])
    page.locator("nav.md-nav--primary a[href*='calculator/#scenario=']").first.click()
    expect(page.locator("#calc-status")).to_contain_text(
        "分享链接无法打开：链接已损坏。仍显示你刚才的方案", timeout=60_000
    )
    page.wait_for_selector(READY, timeout=60_000)
    assert page.input_value(zhihu) == "4"
    assert totals(page) == mine
    assert "#scenario=" in page.url and fragment not in page.url
    clean(page)
