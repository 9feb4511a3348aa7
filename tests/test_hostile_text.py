"""Data text is never markup: a payload in every text of both data files, built, opened in Chromium.

The payloads are what a hostile pull request would try: fences with attribute lists (the stored
XSS once found on the calculator page), raw HTML, entities, Markdown links and images, attribute
lists, Mermaid directives and template syntax. Each page of the built site, in both languages,
is opened with a dialog listener; the calculator also recomputes in the browser, so results
rendered by the Web Worker's Python are checked too. Expected: no dialog, no injected element,
no policy violation.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown import Markdown
from playwright.sync_api import Browser

from calculator.datafiles.load import load_sizing
from calculator.engine.export import plan_to_markdown
from calculator.engine.scenario import parse_scenario
from calculator.engine.sizing.plan import size
from calculator.pages import md_text
from tests.conftest import QuietHandler, _free_port
from tests.sitebuild import ROOT, build, copy_repo
from tests.sizing_fixtures import PLAYBOOK

PROBE = "xss-probe"
PAYLOADS = [
    # the stored XSS as reported: a fence with an attribute list on a line of its own inside a text
    "WeChat groups.\n~~~ {.mermaid onanimationstart=alert(400) style=animation-name:pulse;animation-duration:1s;"
    f"display:block data-{PROBE}=1}}\ngraph LR\n~~~\ndone",
    # the same fence mid-line
    f"~~~ {{.mermaid onanimationstart=alert(401) data-{PROBE}=1 style=animation-name:pulse;animation-duration:1s}}",
    f"``` {{.x onmouseover=alert(402) data-{PROBE}=1}}",
    f"<img src=x onerror=alert(403) data-{PROBE}=1>",
    f"<script>alert(404)</script><{PROBE}></{PROBE}>",
    f'"><svg onload=alert(405) data-{PROBE}=1>',
    "&lt;script&gt;alert(406)&lt;/script&gt; &#60;b&#62;",
    "[click](javascript:alert(407))",
    "![x](x onerror=alert(408))",
    f"text{{: onclick=alert(409) data-{PROBE}=1}}",
    "%%{init: {'securityLevel': 'loose'}}%% click director call alert(410)",
    "{{ config }} {% raw %} ${alert(411)} <%= 1 %>",
    f"- item\n\n<div data-{PROBE}=1 onclick=alert(412)>",
    "| a | b |",
    "1. not a list `code` *em* _em_ **strong** \\",
]


def _poison(node: Any, payloads: Iterator[str]) -> Any:
    """Every localised text and source title of a data file, with a payload appended."""
    if isinstance(node, dict):
        if set(node) == {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
            payload = next(payloads)
            return {lang: f"{text} {payload}" for lang, text in node.items()}
        out = {k: _poison(v, payloads) for k, v in node.items()}
        if isinstance(out.get("title"), str):
            out["title"] = f"{out['title']} {next(payloads)}"
        return out
    if isinstance(node, list):
        return [_poison(v, payloads) for v in node]
    return node


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    repo = copy_repo(tmp_path_factory.mktemp("hostile"))
    for name in ("roles.yaml", "sizing.yaml"):
        # each file from the first payload on: a text added to one file does not shift the other's
        payloads = itertools.cycle(PAYLOADS)
        data = yaml.safe_load((repo / name).read_text(encoding="utf-8"))
        (repo / name).write_text(yaml.safe_dump(_poison(data, payloads), allow_unicode=True), encoding="utf-8")
    url = f"http://127.0.0.1:{_free_port()}/"
    result = build(repo, url)
    assert result.returncode == 0, result.stderr[-3000:]
    handler = functools.partial(QuietHandler, directory=str(repo / "site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield url
    httpd.shutdown()


INJECTED = f"""() => {{
  const hits = [...document.querySelectorAll('{PROBE}, [data-{PROBE}], a[href^="javascript:" i], img[src="x"]')];
  for (const el of document.querySelectorAll('*')) {{
    for (const a of el.attributes) {{ if (a.name.startsWith('on')) hits.push(el); }}
  }}
  return hits.map(el => el.outerHTML.slice(0, 120));
}}"""


def test_payloads_in_every_text_stay_text_on_every_page(browser: Browser, hostile_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    violations: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    pages = ["", "roles/", "roles/director/", "roles/design_tech/", "collaboration/", "methodology/", "calculator/"]
    pages += ["reference/schema/", "reference/sizing/", "contributing/"]
    checked = 0
    for lang in ("", "en/"):
        for path in pages:
            page.goto(hostile_site + lang + path)
            page.wait_for_timeout(300)  # animations and Mermaid get their chance to fire
            assert page.evaluate(INJECTED) == [], lang + path
            checked += 1
        # the live calculator renders the poisoned labels and reasons through the worker's Python
        page.goto(hostile_site + lang + "calculator/")
        page.wait_for_selector("#calc-result[data-state=ready]", timeout=60_000)
        page.fill("input[name='comments_per_week']", "900")
        page.wait_for_selector("#calc-result[data-state=ready]", timeout=60_000)
        page.wait_for_timeout(300)
        assert page.evaluate(INJECTED) == []
        body = page.inner_text("body")
        assert "alert(400)" in body and "alert(401)" in body  # the payloads are shown, as text
    assert dialogs == []
    assert violations == []
    assert checked == 2 * len(pages)
    context.close()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_text_output_is_one_line_without_markdown_or_html_syntax(payload: str) -> None:
    out = md_text(payload)
    assert "\n" not in out
    bare = re.sub(r"&#\d+;", "", out)  # numeric references are literal text to Markdown
    for char in "<>`*_[]{}|~!#&\\":
        assert char not in bare, (char, out)
    assert html.unescape(out) == re.sub(r"\n+", " ", payload).strip()


class _Elements(HTMLParser):
    """Every start tag and its attributes, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def test_markdown_export_of_a_poisoned_plan_renders_as_text(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "sizing.yaml").read_text(encoding="utf-8"))
    (tmp_path / "sizing.yaml").write_text(
        yaml.safe_dump(_poison(data, itertools.cycle(PAYLOADS)), allow_unicode=True), encoding="utf-8"
    )
    model = load_sizing(tmp_path / "sizing.yaml", PLAYBOOK)
    scenario = parse_scenario({"channels": {"douyin": {"posts_per_week": 7, "live_hours_per_week": 20}}}, model)
    markdown = plan_to_markdown(size(scenario, model), model, "en", "http://x/calculator/#scenario=abc")
    assert "alert(401)" in markdown
    rendered = Markdown(extensions=["tables", "attr_list", "pymdownx.superfences"]).convert(markdown)
    parser = _Elements()
    parser.feed(rendered)
    assert [t for t, a in parser.found if t in ("script", "svg", "pre", PROBE)] == []
    # the one image is the link's QR code, a PNG data URI the exporter made
    images = [a for t, a in parser.found if t == "img"]
    assert len(images) == 1 and (images[0].get("src") or "").startswith("data:image/png;base64,")
    assert [a for _, a in parser.found if any(k.startswith("on") or k.startswith("data-") for k in a)] == []
    assert [a for t, a in parser.found if t == "a" and not (a.get("href") or "").startswith("http://x/")] == []
