"""Lighthouse over the built site: prints scores and the metrics behind them, asserts nothing.

Serves ``site/`` gzip-compressed as GitHub Pages does (the server of ``calculator_bench.py``) and runs
Lighthouse 12.2.3 (pinned in ``tests/bench/lighthouse/``) with Debian's Chromium, mobile profile
(simulated slow 4G, 4x CPU slowdown), N runs per page; prints the median performance and the run
closest to it. Timings depend on the machine's load: run it on an idle machine (``uptime``).
Usage: python tests/bench/lighthouse_bench.py [SITE_DIR] [--runs N] [--pages PATH ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.bench.calculator_bench import serve  # noqa: E402  (one server for every benchmark)

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    ("FCP", "first-contentful-paint"),
    ("LCP", "largest-contentful-paint"),
    ("TBT", "total-blocking-time"),
    ("CLS", "cumulative-layout-shift"),
    ("SI", "speed-index"),
)


def pages(site: Path) -> list[str]:
    """Every built page of both languages, as paths under the site root."""
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [("" if p == "." else p + "/") for p in found if not p.startswith(("search", "vendor", "assets"))]


def run(url: str, chrome: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--only-categories=" + ",".join(CATEGORIES),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chrome},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return json.loads(out.read_text())


def summary(report: dict) -> dict:
    cats = report["categories"]
    audits = report["audits"]
    row = {name: round((cats[name]["score"] or 0) * 100) for name in CATEGORIES}
    for label, audit in METRICS:
        row[label] = audits[audit]["numericValue"]
    row["DOM"] = audits.get("dom-size", {}).get("numericValue", 0)
    row["bytes"] = audits.get("total-byte-weight", {}).get("numericValue", 0)
    row["failed"] = sorted(
        audit_id
        for name in CATEGORIES[1:]
        for ref in cats[name]["auditRefs"]
        if ref["weight"] and (audit_id := ref["id"]) and audits[audit_id].get("score") not in (None, 1)
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", help="paths under the site root (default: every page)")
    args = parser.parse_args()
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make lighthouse` (it installs the pinned Lighthouse)")
    if not (args.site / "index.html").exists():
        sys.exit(f"{args.site}/index.html is missing: run `make build` first")
    httpd, base = serve(args.site)
    load = os.getloadavg()[0]
    print(f"Lighthouse 12.2.3, mobile, {args.runs} run(s) per page, median performance; load {load:.1f} at start")
    print(
        f"{'page':34} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'FCP':>6} {'LCP':>6} {'TBT':>5} "
        f"{'CLS':>5} {'DOM':>5} {'kB':>6}  not passed"
    )
    try:
        for path in args.pages if args.pages is not None else pages(args.site):
            rows = sorted((summary(run(base + path, chrome)) for _ in range(args.runs)), key=lambda r: r["performance"])
            row = rows[len(rows) // 2]
            perf = statistics.median(r["performance"] for r in rows)
            print(
                f"/{path:33} {perf:4.0f} {row['accessibility']:4} {row['best-practices']:4} {row['seo']:4} "
                f"{row['FCP']:6.0f} {row['LCP']:6.0f} {row['TBT']:5.0f} {row['CLS']:5.2f} {row['DOM']:5.0f} "
                f"{row['bytes'] / 1000:6.0f}  {' '.join(row['failed']) or '-'}",
                flush=True,
            )
    finally:
        httpd.shutdown()
    print(f"load {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
