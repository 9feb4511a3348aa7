"""How the calculator page starts in Chromium: from the build's Pyodide memory snapshot, or plain.

The snapshot start is the normal one; the plain start is the fallback when the snapshot is missing,
damaged or made by another build of the runtime, and the choice when the visitor saves data. The
page says which start ran and why (``data-startup``, ``data-startup-reason``, the start-up details),
and the plan computes either way, as the CLI does.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.test_browser_calc import READY, clean, cli, default_scenario, fte_text, totals

SNAPSHOT = "**/data/pyodide-snapshot-*.bin"


def snapshot_bytes(site: Path) -> bytes:
    (found,) = (site / "data").glob("pyodide-snapshot-*.bin")
    return found.read_bytes()


def requested(page: Page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def plan_follows_input(page: Page) -> None:
    """A changed input gives the CLI's plan for it."""
    page.fill("input[name='channels.bilibili.posts_per_week']", "6")
    scenario = default_scenario()
    scenario["channels"]["bilibili"] = {"posts_per_week": 6}  # type: ignore[index]
    expected = cli(scenario)
    expect(page.locator("#calc-result")).to_have_attribute("data-total-fte", fte_text(expected["total_fte"]))
    assert totals(page) == (expected["total_headcount"], fte_text(expected["total_fte"]))


@pytest.mark.parametrize(("lang", "says"), [("", "内存快照"), ("en/", "memory snapshot")])
def test_the_page_starts_from_the_snapshot(page: Page, server: str, lang: str, says: str) -> None:
    urls = requested(page)
    page.goto(server + lang + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    root = page.locator("#calc")
    expect(root).to_have_attribute("data-startup", "snapshot")
    assert root.get_attribute("data-startup-reason") == ""
    expect(page.locator(".calc-startup p")).to_contain_text(says)
    expect(page.locator(".calc-startup p")).to_contain_text("Python 3.14.2")
    # the snapshot holds the standard library's modules, the engine and the data: none of them is fetched
    assert [u for u in urls if u.endswith("/python_stdlib.zip") or "/data/" in u and not u.endswith(".bin")] == []
    assert len([u for u in urls if re.search(r"/data/pyodide-snapshot-\w+\.bin$", u)]) == 1
    plan_follows_input(page)
    clean(page)


def _cut(site: Path) -> bytes:
    return snapshot_bytes(site)[:1_000_000]


def _other_runtime(site: Path) -> bytes:
    """The real header with another runtime's build id, and one page of memory (Pyodide checks the id first;
    a small body: Playwright hands a routed body over slowly)."""
    real = snapshot_bytes(site)
    offset = int.from_bytes(real[4:8], "little")
    damaged = bytearray(real[: offset + 65536])
    damaged[16:48] = bytes(32)  # the build id of the runtime that made it
    return bytes(damaged)


@pytest.mark.parametrize(
    ("case", "answer", "why"),
    [
        ("missing", lambda site: None, "HTTP 404"),
        ("not a snapshot", lambda site: b"<html>not found</html>" * 100, "not a Pyodide snapshot"),
        ("cut short", _cut, "incomplete"),
        ("another runtime build", _other_runtime, "build id mismatch"),
    ],
)
def test_without_a_usable_snapshot_the_plain_start_says_why(
    page: Page, server: str, site: Path, case: str, answer: Callable[[Path], bytes | None], why: str
) -> None:
    body = answer(site)

    def serve(route: Route) -> None:
        if body is None:
            route.fulfill(status=404, body="")
        else:
            route.fulfill(status=200, body=body, content_type="application/octet-stream")

    page.route(SNAPSHOT, serve)
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=90_000)
    root = page.locator("#calc")
    expect(root).to_have_attribute("data-startup", "plain")
    assert why in (root.get_attribute("data-startup-reason") or ""), case
    expect(page.locator(".calc-startup p")).to_contain_text("常规启动")
    expect(page.locator(".calc-startup p")).to_contain_text(why)
    plan_follows_input(page)
    assert page.foreign_requests == []  # type: ignore[attr-defined]


def test_save_data_takes_the_plain_start(page: Page, server: str) -> None:
    page.add_init_script(
        "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g', downlink: 10}})"
    )
    urls = requested(page)
    page.goto(server + "en/calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc")).to_have_attribute("data-startup", "plain")
    expect(page.locator(".calc-startup p")).to_contain_text("Save-Data")
    assert [u for u in urls if u.endswith(".bin")] == []  # the 6 MB the visitor asked to save
    plan_follows_input(page)
    clean(page)


def test_the_worker_starts_after_the_pages_own_start_up(page: Page, server: str) -> None:
    """calc.js starts the worker when it binds the page (DOMContentLoaded, after Material's
    bundle): nothing of Python is requested while the page is parsed, on two cores the worker's
    compile and restore would compete with it (Lighthouse 89.5 -> 98.5, README). One worker."""
    page.add_init_script(
        """window.startOrder = [];
           document.addEventListener('DOMContentLoaded', () => window.startOrder.push('dcl'));
           new PerformanceObserver((list) => {
             for (const entry of list.getEntries())
               if (/pyodide|snapshot|calc-worker/.test(entry.name)) window.startOrder.push(entry.name);
           }).observe({ type: 'resource', buffered: true });"""
    )
    urls = requested(page)
    parsed: list[bool] = []
    page.on("request", lambda request: parsed.append(True) if "calc-worker" in request.url else None)
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc")).to_have_attribute("data-startup", "snapshot")
    assert parsed == [True]
    order = page.evaluate("window.startOrder")
    # resource entries are reported when each finishes: all of Python's after DOMContentLoaded
    assert order[0] == "dcl" and len(order) > 1, order
    timing = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const worker = performance.getEntriesByType('resource').find(e => e.name.includes('calc-worker'));
          return [nav.domContentLoadedEventStart, worker.startTime];
        }"""
    )
    assert timing[1] >= timing[0], timing  # the worker's script was asked for once the page was parsed
    plan_follows_input(page)
    assert len([u for u in urls if u.endswith(".bin")]) == 1  # one worker: the snapshot fetched once
    clean(page)


STORED = """async () => {
  const cache = await caches.open('playbook-snapshot');
  const out = [];
  for (const key of await cache.keys()) {
    const bytes = await (await cache.match(key)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    out.push([key.url, Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join('')]);
  }
  return out;
}"""


def stored_snapshots(page: Page) -> list[list[str]]:
    """[url, sha256] of each snapshot the worker kept in Cache Storage, once it has kept one."""
    for _ in range(100):
        found = page.evaluate(STORED)
        if found:
            return found
        page.wait_for_timeout(100)
    return []


def test_a_returning_visit_restores_the_snapshot_kept_unpacked(page: Page, server: str, site: Path) -> None:
    """After the first start the worker keeps the snapshot, as the file is, in Cache Storage; the
    next visit restores from it without asking the network or the HTTP cache (no request)."""
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc")).to_have_attribute("data-startup", "snapshot")
    stored = stored_snapshots(page)
    assert [digest for _, digest in stored] == [hashlib.sha256(snapshot_bytes(site)).hexdigest()], stored
    assert re.search(r"/data/pyodide-snapshot-\w+\.bin$", stored[0][0])
    urls = requested(page)
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc")).to_have_attribute("data-startup", "snapshot")
    assert [u for u in urls if u.endswith(".bin")] == []
    plan_follows_input(page)
    clean(page)


def test_a_damaged_kept_snapshot_falls_back_once_and_is_dropped(page: Page, server: str, site: Path) -> None:
    """A copy in Cache Storage that does not restore: the plain start says why, the copy is deleted,
    and the visit after that starts from the snapshot file again."""
    page.goto(server + "calculator/")
    page.wait_for_selector(READY, timeout=60_000)
    (url, _), *_ = stored_snapshots(page)
    # the magic and an offset, then too few bytes: the worker's check fails before any restore
    page.evaluate(
        """url => caches.open('playbook-snapshot').then(cache => {
             const bytes = new Uint8Array(1000);
             new DataView(bytes.buffer).setUint32(0, 0x706e7300, true);
             new DataView(bytes.buffer).setUint32(4, 144, true);
             return cache.put(url, new Response(bytes));
           })""",
        url,
    )
    page.reload()
    page.wait_for_selector(READY, timeout=90_000)
    expect(page.locator("#calc")).to_have_attribute("data-startup", "plain")
    reason = page.locator("#calc").get_attribute("data-startup-reason") or ""
    assert reason.startswith("snapshot not used") and "incomplete" in reason, reason
    assert page.evaluate("caches.has('playbook-snapshot')") is False
    plan_follows_input(page)
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    expect(page.locator("#calc")).to_have_attribute("data-startup", "snapshot")
    assert [d for _, d in stored_snapshots(page)] == [hashlib.sha256(snapshot_bytes(site)).hexdigest()]
    clean(page)
