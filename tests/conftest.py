from __future__ import annotations

import functools
import os
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.sitebuild import build, copy_repo


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the test server will listen; the site is built for it, as a deployment would be.

    Material's language switcher compares page URLs with the sitemap, so site_url must match.
    """
    return f"http://127.0.0.1:{_free_port()}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The real site, built once per test run from a copy of the repository."""
    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    result = build(repo, site_url)
    assert result.returncode == 0, result.stderr
    return repo / "site"


@pytest.fixture(scope="session")
def server(site: Path, site_url: str) -> Iterator[str]:
    """The built site over HTTP on localhost, as a visitor gets it."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", int(site_url.rsplit(":", 1)[1].strip("/"))), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site_url
    httpd.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


# Debian's chromium (Playwright cannot download its browser here); CHROMIUM overrides it.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browser here)."""
    with sync_playwright() as p:
        if Path(CHROMIUM).exists():
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        else:  # e.g. Ubuntu, whose chromium is a snap: Playwright's own browser, if installed
            try:
                chromium = p.chromium.launch(args=CHROMIUM_ARGS)
            except Exception as exc:  # noqa: BLE001 - say what to do instead of a driver traceback
                pytest.fail(
                    f"no browser for the browser tests: install Debian's chromium (`make browser`), "
                    f"set CHROMIUM=/path/to/chrome, or run `playwright install chromium` ({exc})"
                )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh page that fails the test on console errors or requests to other origins."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []  # type: ignore[attr-defined]
    tab.foreign_requests = []  # type: ignore[attr-defined]
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))  # type: ignore[attr-defined]
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))  # type: ignore[attr-defined]
    tab.on(
        "request",
        lambda r: (
            r.url.startswith(("http:", "https:"))
            and not r.url.startswith(server)
            and tab.foreign_requests.append(r.url)
        ),  # type: ignore[attr-defined]
    )
    yield tab
    context.close()
