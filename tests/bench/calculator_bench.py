"""Benchmark of the calculator page: prints figures, asserts nothing (``make bench``).

Serves the built ``site/`` on localhost, drives Debian's Chromium, and measures, each
next to a bare Pyodide page (Pyodide alone, started in a Web Worker, same files) in the same run:
  - cold visit (empty profile) and returning visit (same profile, warm HTTP cache):
    time to the prerendered result on screen and to live calculation ``ready``;
  - recalculation latency after an input change (median of many);
  - bytes transferred on the calculator page and on a role page.
Usage: python tests/bench/calculator_bench.py [SITE_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.conftest import CHROMIUM_ARGS as ARGS  # noqa: E402  (one list of Chromium flags)

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare Pyodide</title></head>
<body><p id="state" data-state="loading">loading</p><script>
const started = performance.now();
const src = 'const {loadPyodide} = await import(new URL("../vendor/pyodide/pyodide.mjs", location.href).href);'
  + 'await loadPyodide({indexURL: new URL("../vendor/pyodide/", location.href).href}); postMessage("ready");';
const url = URL.createObjectURL(new Blob([src.replaceAll("location.href", JSON.stringify(location.href))],
  {type: "text/javascript"}));
const worker = new Worker(url, {type: "module"});
worker.onmessage = () => { const el = document.getElementById("state"); el.dataset.state = "ready";
  el.textContent = "ready after " + Math.round(performance.now() - started) + " ms"; };
</script></body></html>"""


class Counting(SimpleHTTPRequestHandler):
    """Counts the body bytes it sends, and which files, so workers' requests count too."""

    served: list[tuple[str, int]] = []
    lock = threading.Lock()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        with self.lock:
            self.served.append((getattr(source, "name", ""), len(data)))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def visit(context: BrowserContext, url: str, ready: str, shown: str | None) -> dict[str, float]:
    """Load ``url``; milliseconds to ``shown`` visible and to ``ready``; bytes received."""
    page = context.new_page()
    with Counting.lock:
        Counting.served.clear()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    shown_ms = float("nan")
    if shown:
        page.wait_for_selector(shown, state="visible", timeout=120_000)
        shown_ms = (time.perf_counter() - start) * 1000
    page.wait_for_selector(ready, state="attached", timeout=120_000)
    ready_ms = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    page.close()
    with Counting.lock:
        served = list(Counting.served)
    raw = sum(size for _, size in served)
    gzipped = sum(gzip_size(Path(path)) if size else 0 for path, size in served)
    return {"shown": shown_ms, "ready": ready_ms, "bytes": raw, "gzip": gzipped}


def recalc_latency(page: Page, runs: int) -> tuple[float, float]:
    """Median milliseconds from an input change to the new result in the page, and inside Python."""
    round_trips, in_python = [], []
    for i in range(runs):
        before = page.locator("#calc-result").get_attribute("data-total-fte")
        start = time.perf_counter()
        page.fill("input[name='channels.bilibili.posts_per_week']", str(1 + i % 7 + (i % 2) * 10))
        page.wait_for_function(
            "b => document.querySelector('#calc-result').dataset.totalFte !== b"
            " || document.querySelector('#calc-status').textContent.match(/\\d+ (ms|毫秒)/)",
            arg=before,
        )
        round_trips.append((time.perf_counter() - start) * 1000)
        status = page.locator("#calc-status").inner_text()
        digits = "".join(ch if ch.isdigit() else " " for ch in status).split()
        if digits:
            in_python.append(float(digits[0]))
    return statistics.median(round_trips), statistics.median(in_python) if in_python else float("nan")


@functools.cache
def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="cold/returning repetitions (median reported)")
    options = parser.parse_args()
    site: Path = options.site
    if not (site / "calculator" / "index.html").is_file():
        raise SystemExit(f"{site}/calculator/index.html not found: run `make build` first")
    bare_dir = site / "bench-bare"
    bare_dir.mkdir(exist_ok=True)
    (bare_dir / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    httpd, base = serve(site)
    pages = {
        "calculator page": (base + "calculator/", "#calc-result[data-state=ready]", "#calc-result .calc-headline"),
        "bare Pyodide page": (base + "bench-bare/", "#state[data-state=ready]", None),
        "role page": (base + "roles/user/", "article h1", "article h1"),
    }
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in pages}
    try:
        with sync_playwright() as p:
            for _ in range(options.runs):
                for name, (url, ready, shown) in pages.items():
                    # a fresh profile per page, so one page's cache does not warm the next
                    with tempfile.TemporaryDirectory() as profile:
                        context = p.chromium.launch_persistent_context(
                            profile, executable_path="/usr/bin/chromium", args=ARGS
                        )
                        for visit_kind in ("cold", "returning"):
                            got = visit(context, url, ready, shown)
                            for key, value in got.items():
                                figures[name].setdefault(f"{visit_kind} {key}", []).append(value)
                        context.close()
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            page.goto(pages["calculator page"][0])
            page.wait_for_selector("#calc-result[data-state=ready]", timeout=120_000)
            round_trip, python_ms = recalc_latency(page, 25)
            browser.close()
    finally:
        httpd.shutdown()
        (bare_dir / "index.html").unlink()
        bare_dir.rmdir()

    def med(name: str, key: str) -> str:
        values = [v for v in figures[name].get(key, []) if v == v]
        return "—" if not values else f"{statistics.median(values):,.0f}"

    print(f"Calculator benchmark: {options.runs} run(s), medians; localhost, no throttling, plain static server")
    print(f"{'':38}{'calculator page':>18}{'bare Pyodide page':>20}{'role page':>12}")
    rows = [
        ("cold: prerendered result (ms)", "cold shown"),
        ("cold: live calculation ready (ms)", "cold ready"),
        ("returning: prerendered result (ms)", "returning shown"),
        ("returning: ready (ms)", "returning ready"),
        ("cold: bytes sent by the server", "cold bytes"),
        ("cold: same, if served gzip-compressed", "cold gzip"),
        ("returning: bytes sent by the server", "returning bytes"),
    ]
    for label, key in rows:
        print(
            f"{label:34}{med('calculator page', key):>18}{med('bare Pyodide page', key):>20}{med('role page', key):>12}"
        )
    print(f"recalculation after an input change: {round_trip:.0f} ms round trip, {python_ms:.0f} ms in Python", end="")
    print(" (median of 25)")
    vendor = site / "vendor" / "pyodide"
    sizes = {f.name: (f.stat().st_size, gzip_size(f)) for f in sorted(vendor.iterdir())}
    print("Pyodide files (raw / gzip -6): " + ", ".join(f"{n} {r:,} / {g:,}" for n, (r, g) in sizes.items()))


if __name__ == "__main__":
    main()
