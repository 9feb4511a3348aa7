"""``python -m calculator.linkcheck site``: every internal link of the built site must resolve.

For every HTML page (both languages), each relative ``href``/``src`` must name a file in the
site, and each ``#fragment`` must be an ``id`` on the target page. Links to other sites
(``http(s):``, ``//``), ``mailto:``, ``javascript:`` and ``data:`` are not followed. A
``#scenario=`` fragment is a calculator plan (the presets' share links), not an anchor: the page
opens it, and the tests check that the engine decodes it.
Standard library only. Prints one line per broken link, then a count; exit 1 when any.
"""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: (tag, attribute) pairs whose value is a URL the reader or the browser follows
#: fragments that carry a calculator plan rather than name an element
_STATE_FRAGMENT = "scenario="
_URL_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")}


@dataclass
class _Page(HTMLParser):
    """The ids a page defines and the URLs it links to (with their line numbers)."""

    ids: set[str] = field(default_factory=set)
    urls: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in _URL_ATTRS:
                self.urls.append((self.getpos()[0], value))


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith("//")


def base_path(site: Path) -> str:
    """The URL path the site is served under (``/`` or e.g. ``/playbook/``), read from its sitemap."""
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8") if sitemap.is_file() else ""
    paths = [urlsplit(loc.split("</loc>")[0].strip()).path for loc in text.split("<loc>")[1:]]
    return min(paths, key=len, default="/") or "/"


def _target(site: Path, page: str, path: str, base: str = "/") -> Path | None:
    """The file a URL path names from ``page`` (site-relative), or None if it leaves the site.

    Root-relative paths (Material's 404 page uses them) must start with the site's ``base`` path.
    """
    if not path:
        return site / page
    if path.startswith("/"):
        if not path.startswith(base):
            return None
        page, path = "index.html", path[len(base) :]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined == ".." or joined.startswith("../"):
        return None
    target = site / joined
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def check_site(site: Path) -> list[str]:
    """Every broken internal link of the site at ``site``, as ``page:line: message`` lines."""
    _parse.cache_clear()
    problems = []
    base = base_path(site)
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix()
        for line, url in _parse(file).urls:
            if _external(url):
                continue
            parts = urlsplit(url)
            target = _target(site, page, unquote(parts.path), base)
            if target is None or not target.is_file():
                problems.append(f"{page}:{line}: {url}: no such file in the site")
                continue
            fragment = unquote(parts.fragment)
            anchor = fragment and not fragment.startswith(_STATE_FRAGMENT)
            if anchor and target.suffix == ".html" and fragment not in _parse(target).ids:
                problems.append(f"{page}:{line}: {url}: no id {fragment!r} on {target.relative_to(site).as_posix()}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "site")
    if not (site / "index.html").is_file():
        print(f"{site}/index.html is missing: run `make build` first", file=sys.stderr)
        return 2
    problems = check_site(site)
    for problem in problems:
        print(problem, file=sys.stderr)
    pages = sum(1 for _ in site.rglob("*.html"))
    if problems:
        print(f"Found {len(problems)} broken link{'s' if len(problems) != 1 else ''}.", file=sys.stderr)
        return 1
    print(f"All internal links of {pages} pages resolve.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
