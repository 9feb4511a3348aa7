"""Benchmark of the calculator page: prints figures, asserts nothing (``make bench``).

Serves the built ``site/`` on localhost gzip-compressed as GitHub Pages does (the rules of
``/work/shared/tools/gzip-serve.py``: text, JSON, JS, wasm and ``.bin`` compressed, with ETag and
``Cache-Control: max-age=600``), drives Debian's Chromium, and measures in one run, medians of N:
  - cold visit (empty profile) and returning visit (same profile, warm HTTP cache): time to the
    prerendered result on screen and to live calculation ``ready``, for the calculator page (which
    starts from the build's Pyodide memory snapshot), the same page taking the plain start (as with
    Save-Data on), a bare Pyodide page (Pyodide alone in a Web Worker, same files) and a role page;
  - the ratio calculator / bare Pyodide, cold and returning (targets: <= 0.5 cold, <= 0.6 s returning);
  - bytes on the wire (compressed) and raw, per page and per file of the calculator's start;
  - recalculation latency after an input change (median of many).
Usage: python tests/bench/calculator_bench.py [SITE_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import io
import os
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


#: what GitHub Pages (and gzip-serve.py) compress, by file name
COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm", ".map", ".bin", ".csv", ".md")
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g'}})"


class Counting(SimpleHTTPRequestHandler):
    """Serves like GitHub Pages (gzip by type, ETag, max-age=600) and counts each body: (path, raw, wire)."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".mjs": "text/javascript"}
    served: list[tuple[str, int, int]] = []
    lock = threading.Lock()
    gzipped: dict[str, tuple[bytes, str, int]] = {}

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not (
            path.endswith(COMPRESSED) and os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            self.raw_path, self.raw_size = path, 0
            return super().send_head()
        with self.lock:
            body, etag, size = self.compressed(path)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.raw_path, self.raw_size = path, size
        return io.BytesIO(body)

    @classmethod
    def compressed(cls, path: str) -> tuple[bytes, str, int]:
        """The gzip body, ETag and raw size of ``path``, compressed once per file version."""
        key = f"{path}:{os.path.getmtime(path)}"
        if key not in cls.gzipped:
            raw = Path(path).read_bytes()
            cls.gzipped[key] = (gzip.compress(raw, 6), hashlib.sha1(raw).hexdigest()[:16], len(raw))
        return cls.gzipped[key]

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        with self.lock:
            self.served.append((getattr(self, "raw_path", ""), getattr(self, "raw_size", 0) or len(data), len(data)))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """``root`` over HTTP on localhost. Every compressible file is gzipped before the first request,
    as a CDN has it ready: compressing the 31 MB snapshot on its first request (under the lock, which
    every other request waits for) made each benchmark's first cold run ~1.5 s slower than the rest."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name.endswith(COMPRESSED):
            Counting.compressed(str(path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def visit(context: BrowserContext, url: str, ready: str, shown: str | None) -> dict[str, float]:
    """Load ``url``; milliseconds to ``shown`` visible and to ``ready``; bytes on the wire and raw."""
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
    return {
        "shown": shown_ms,
        "ready": ready_ms,
        "wire": sum(wire for _, _, wire in served),
        "raw": sum(raw for _, raw, _ in served),
        "files": {Path(path).name: (raw, wire) for path, raw, wire in served},  # type: ignore[dict-item]
    }


def recalc_latency(page: Page, runs: int) -> tuple[float, float]:
    """Median milliseconds from an input change to the new result in the page, and inside Python."""
    round_trips, in_python = [], []
    for i in range(runs):
        # the next answer sets the status again: the new total as text, the worker's milliseconds in data-ms
        page.evaluate("delete document.querySelector('#calc-status').dataset.ms")
        start = time.perf_counter()
        page.fill("input[name='channels.bilibili.posts_per_week']", str(1 + i % 7 + (i % 2) * 10))
        page.wait_for_function("() => document.querySelector('#calc-status').dataset.ms !== undefined")
        round_trips.append((time.perf_counter() - start) * 1000)
        ms = page.locator("#calc-status").get_attribute("data-ms")
        if ms:
            in_python.append(float(ms))
    return statistics.median(round_trips), statistics.median(in_python) if in_python else float("nan")


PAGES = {
    # name: (path, ready selector, shown selector, init script)
    "calculator": ("calculator/", "#calc-result[data-state=ready]", "#calc-result .calc-headline", ""),
    "calculator, plain start": (
        "calculator/",
        "#calc-result[data-state=ready]",
        "#calc-result .calc-headline",
        SAVE_DATA,
    ),
    "bare Pyodide": ("bench-bare/", "#state[data-state=ready]", None, ""),
    "role page": ("roles/user/", "article h1", "article h1", ""),
}


def measure(base: str, runs: int) -> tuple[dict[str, dict[str, list]], dict[str, tuple[int, int]], str]:
    """Each page ``runs`` times, cold then returning, each run with a fresh profile per page."""
    figures: dict[str, dict[str, list]] = {name: {} for name in PAGES}
    files: dict[str, tuple[int, int]] = {}
    startup = ""
    with sync_playwright() as p:
        for _ in range(runs):
            for name, (path, ready, shown, init) in PAGES.items():
                with tempfile.TemporaryDirectory() as profile:  # one page's cache does not warm the next
                    context = p.chromium.launch_persistent_context(
                        profile, executable_path="/usr/bin/chromium", args=ARGS
                    )
                    if init:
                        context.add_init_script(init)
                    for kind in ("cold", "returning"):
                        got = visit(context, base + path, ready, shown)
                        if name == "calculator" and kind == "cold":
                            files = got["files"]  # type: ignore[assignment]
                        for key in ("shown", "ready", "wire", "raw"):
                            figures[name].setdefault(f"{kind} {key}", []).append(got[key])
                    context.close()
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        page.goto(base + "calculator/")
        page.wait_for_selector("#calc-result[data-state=ready]", timeout=120_000)
        startup = page.locator(".calc-startup p").text_content() or ""
        figures["calculator"]["recalc"] = list(recalc_latency(page, 25))
        browser.close()
    return figures, files, startup


def report(figures: dict[str, dict[str, list]], files: dict[str, tuple[int, int]], startup: str, runs: int) -> None:
    def med(name: str, key: str) -> float:
        values = [v for v in figures[name].get(key, []) if v == v]
        return statistics.median(values) if values else float("nan")

    def cell(value: float) -> str:
        return "—" if value != value else f"{value:,.0f}"

    print(f"Calculator benchmark: {runs} run(s), medians; localhost, served gzip-compressed as GitHub Pages does")
    print(f"{'':40}" + "".join(f"{name:>26}" for name in PAGES))
    rows = [
        ("cold: prerendered result (ms)", "cold shown"),
        ("cold: live calculation ready (ms)", "cold ready"),
        ("returning: prerendered result (ms)", "returning shown"),
        ("returning: ready (ms)", "returning ready"),
        ("cold: bytes on the wire (gzip)", "cold wire"),
        ("cold: bytes raw", "cold raw"),
        ("returning: bytes on the wire", "returning wire"),
    ]
    for label, key in rows:
        print(f"{label:40}" + "".join(f"{cell(med(name, key)):>26}" for name in PAGES))
    for name in ("calculator", "bare Pyodide"):
        for kind in ("cold", "returning"):
            each = ", ".join(cell(v) for v in figures[name].get(f"{kind} ready", []))
            print(f"  {name}, {kind} ready, each run (ms): {each}")
    bare_cold, bare_back = med("bare Pyodide", "cold ready"), med("bare Pyodide", "returning ready")
    cold, back = med("calculator", "cold ready"), med("calculator", "returning ready")
    plain_cold = med("calculator, plain start", "cold ready")
    print(f"RATIO cold ready, calculator / bare Pyodide: {cold / bare_cold:.2f} (target <= 0.5)")
    print(f"RATIO returning ready, calculator / bare Pyodide: {back / bare_back:.2f}; returning ready {back:,.0f} ms")
    print(f"  (target <= 600 ms); plain start / bare Pyodide, cold: {plain_cold / bare_cold:.2f}")
    round_trip, python_ms = figures["calculator"]["recalc"]
    print(
        f"recalculation after an input change: {round_trip:.0f} ms round trip, {python_ms:.0f} ms in Python",
        "(median of 25)",
    )
    print(f"start-up details on the page: {startup}")
    start = {
        n: f
        for n, f in files.items()
        if n.startswith(("pyodide", "python_stdlib", "calculator.zip")) or n.endswith(".bin")
    }
    print(
        "the calculator's start, per file (raw / on the wire): "
        + ", ".join(f"{n} {r:,} / {w:,}" for n, (r, w) in sorted(start.items()))
    )


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
    try:
        figures, files, startup = measure(base, options.runs)
    finally:
        httpd.shutdown()
        (bare_dir / "index.html").unlink()
        bare_dir.rmdir()
    report(figures, files, startup, options.runs)


if __name__ == "__main__":
    main()
