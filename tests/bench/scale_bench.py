"""Benchmark of a large playbook: prints figures, asserts nothing (``make bench-scale``).

Copies the repository, grows roles.yaml to N roles (trimmed copies of the last shipped role under
new ids, reporting to the team lead), then times `make check`'s validator and the real two-language
build, and prints the site's size and how much of a page the navigation takes, per page kind.
Usage: python tests/bench/scale_bench.py [--roles 30 200] [--keep]
"""

from __future__ import annotations

import argparse
import copy
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.sitebuild import build, copy_repo  # noqa: E402  (the tests' own build, exactly `make build`)

NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', re.S)


def grow(repo: Path, count: int) -> None:
    """roles.yaml with ``count`` roles: the shipped ones plus trimmed copies of the last one."""
    path = repo / "roles.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    roles = data["roles"]
    top = next(r["id"] for r in roles if r.get("reports_to") is None)
    model = roles[-1]
    for n in range(len(roles), count):
        extra = copy.deepcopy(model)
        extra["id"] = f"{model['id']}_{n:04d}"
        extra["name"] = {lang: f"{text} {n}" for lang, text in model["name"].items()}
        extra["reports_to"] = top
        extra.pop("combines_with", None)
        for key in ("duties", "kpis", "collaboration"):  # lighter copies, so 200 fit the file-size budget
            extra[key] = extra[key][:1]
        extra["duties"][0]["points"] = extra["duties"][0]["points"][:1]
        roles.append(extra)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def measure(count: int, keep: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"scale{count}-"))
    repo = copy_repo(work)
    grow(repo, count)
    started = time.perf_counter()
    check = subprocess.run([sys.executable, "-m", "calculator.check"], cwd=repo, capture_output=True, text=True)
    checked = time.perf_counter() - started
    started = time.perf_counter()
    result = build(repo)
    built = time.perf_counter() - started
    if check.returncode or result.returncode:
        print(f"{count} roles: check exit {check.returncode}, build exit {result.returncode}")
        print((check.stdout + check.stderr + result.stderr)[-2000:])
        return
    site = repo / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    last_role = yaml.safe_load((repo / "roles.yaml").read_text(encoding="utf-8"))["roles"][-1]["id"]
    pages = {
        "home": site / "index.html",
        "role": site / "roles" / last_role / "index.html",
        "roles overview": site / "roles" / "index.html",
        "collaboration": site / "collaboration" / "index.html",
    }
    size = f"site {total / 1e6:.1f} MB in {len(files)} files"
    print(f"{count} roles: check {checked:.1f} s, build (zh + en) {built:.1f} s, {size}")
    for kind, page in pages.items():
        html = page.read_text(encoding="utf-8")
        nav = NAV.search(html)
        nav_kb = len(nav.group(0).encode()) / 1e3 if nav else 0.0
        print(f"  {kind:15} page {len(html.encode()) / 1e3:8.1f} kB, navigation {nav_kb:6.1f} kB")
    if keep:
        print(f"  kept: {repo}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, nargs="+", default=[30, 200])
    parser.add_argument("--keep", action="store_true", help="keep the generated repositories")
    args = parser.parse_args()
    for count in args.roles:
        measure(count, args.keep)


if __name__ == "__main__":
    main()
