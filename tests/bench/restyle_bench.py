"""Style and layout work of page loads in Chromium: prints figures per page, asserts nothing.

For each page (phone viewport, as Lighthouse's mobile profile), N fresh loads traced by Chromium:
how many elements had their style recalculated in total (Chrome's ``UpdateLayoutTree`` events, a
count that does not depend on the machine's load), the milliseconds of style and layout on the main
thread (which do), and the stylesheets requested. Give two or more built sites to compare them load
by load (e.g. a worktree build of the previous commit against ``site/``).
Usage: python tests/bench/restyle_bench.py SITE [SITE ...] [--runs N] [--pages PATH ...]
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.bench.calculator_bench import serve  # noqa: E402  (one server for every benchmark)
from tests.conftest import CHROMIUM_ARGS  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PAGES = ["", "roles/content/", "collaboration/", "calculator/", "methodology/", "reference/sizing/"]


def load(browser: Browser, url: str) -> dict[str, float]:
    """One fresh load of ``url``: elements restyled, style and layout ms, stylesheets requested."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, device_scale_factor=1.75)
    page = context.new_page()
    sheets: list[str] = []
    page.on("request", lambda request: sheets.append(request.url) if request.resource_type == "stylesheet" else None)
    browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
    page.goto(url)
    page.wait_for_timeout(2500)
    events = [e for e in json.loads(browser.stop_tracing())["traceEvents"] if e.get("ph") == "X"]
    context.close()
    main = collections.Counter((e["pid"], e["tid"]) for e in events if e["name"] == "ParseHTML").most_common(1)[0][0]
    mine = [e for e in events if (e["pid"], e["tid"]) == main]
    style = [e for e in mine if e["name"] == "UpdateLayoutTree"]
    return {
        "restyled": sum((e.get("args", {}).get("elementCount") or 0) for e in style),
        "style_ms": sum(e["dur"] for e in style) / 1000,
        "layout_ms": sum(e["dur"] for e in mine if e["name"] == "Layout") / 1000,
        "sheets": len(sheets),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chrome:
        sys.exit("restyle_bench: Debian's chromium is needed (make browser)")
    from playwright.sync_api import sync_playwright

    servers = [serve(site) for site in args.sites]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chrome, args=CHROMIUM_ARGS)
            print(f"{'page':22} {'site':28} restyled elements (median; runs)    style ms  layout ms  stylesheets")
            for path in args.pages:
                results: dict[Path, list[dict[str, float]]] = {site: [] for site in args.sites}
                for _ in range(args.runs):  # the sites alternate, load by load
                    for (_, base), site in zip(servers, args.sites, strict=True):
                        results[site].append(load(browser, base + "/" + path))
                for site, rows in results.items():
                    restyled = [int(r["restyled"]) for r in rows]
                    style = statistics.median(r["style_ms"] for r in rows)
                    layout = statistics.median(r["layout_ms"] for r in rows)
                    print(
                        f"{'/' + path:22} {str(site)[-28:]:28} {statistics.median(restyled):7.0f} {restyled!s:22}"
                        f" {style:8.0f} {layout:10.0f}  {sorted({int(r['sheets']) for r in rows})}",
                        flush=True,
                    )
            browser.close()
    finally:
        for httpd, _ in servers:
            httpd.shutdown()


if __name__ == "__main__":
    main()
