"""Open the built docs in headless Chromium (Debian's package) and look at them as a reader would.

Playwright drives the system browser over the DevTools protocol (no browser download). Every request
is intercepted: anything other than file://, data: or 127.0.0.1 is recorded and aborted, so a page
that would fetch from the network fails the test even on a machine without network. The screenshot
lands in build/docs/screenshot.png, next to the docs it shows.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from b24_spec.bundle import BUNDLE_JSON
from generator.docs.site import DEFAULT_OUT, build
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (Debian: apt-get install chromium, as .ci/run does): skipped",
    ),
    # one worker runs the module: one browser, and only it writes the real build/docs folder
    pytest.mark.xdist_group("docs-browser"),
]


class Browser:
    """One Chromium page plus everything it reported: console errors, page errors, outside requests."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on(
            "console",
            lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("requestfailed", self._failed)
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = urlparse(route.request.url)
        if url.scheme in {"file", "data", "about"} or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _failed(self, request: Any) -> None:
        if request.url not in self.outside:
            self.errors.append(f"request failed: {request.url} {request.failure}")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")


@pytest.fixture(scope="module")
def docs() -> Path:
    """The real output folder: the screenshot is part of what `nox -s docs` publishes."""
    out = ROOT / DEFAULT_OUT
    build(BUNDLE_JSON, out)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only needed where Chromium exists

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        try:
            yield Browser(page)
        finally:
            chromium.close()


def test_every_page_loads_cleanly_and_offline(
    docs: Path, browser: Browser, operations: dict[str, Any]
) -> None:
    browser.open((docs / "index.html").as_uri())
    nav = browser.page.locator("nav a.nav-op")
    assert sorted(nav.evaluate_all("links => links.map(a => a.dataset.op)")) == sorted(operations)
    for op_id in operations:
        browser.open((docs / f"{op_id}.html").as_uri())
        assert browser.page.locator("h1").inner_text().endswith(f"/{op_id}")
        table = browser.page.locator("table.errors")
        table.scroll_into_view_if_needed()
        assert table.is_visible(), op_id
        assert table.locator("tr.error").count() == len(operations[op_id]["x-bitrix-errors"])
    browser.open((docs / "protocol.html").as_uri())
    assert browser.page.locator("#system-errors + p + table.errors").is_visible()
    assert browser.errors == []
    assert browser.outside == []


def test_search_and_sample_tabs_work(docs: Path, browser: Browser) -> None:
    browser.open((docs / "index.html").as_uri())
    browser.page.keyboard.press("/")
    browser.page.keyboard.type("isexists")
    first = browser.page.locator("#search-results a").first
    assert first.inner_text().startswith("tasks.flow.Flow.isExists")
    browser.page.fill("#search", "QUERY_LIMIT_EXCEEDED")  # error codes are searchable too
    assert browser.page.locator("#search-results a").count() >= 10
    browser.page.fill("#search", "isexists")
    browser.page.keyboard.press("Enter")
    browser.page.wait_for_url("**/tasks.flow.Flow.isExists.html")
    curl = browser.page.locator('.panel[data-lang="curl"]').first
    python = browser.page.locator('.panel[data-lang="python"]').first
    assert curl.is_visible() and not python.is_visible()
    browser.page.locator('.tabs button[data-lang="python"]').first.click()
    assert python.is_visible() and not curl.is_visible()
    assert "from b24_client import Client" in python.inner_text()
    browser.page.locator('.tabs button[data-lang="curl"]').first.click()  # leave the default for later pages
    assert browser.errors == []
    assert browser.outside == []


def test_served_over_http_like_a_static_host(docs: Path, browser: Browser) -> None:
    handler = functools.partial(QuietHandler, directory=str(docs))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}"
            browser.open(f"{base}/index.html")
            browser.page.locator("a.nav-op", has_text="bizproc.task.complete").click()
            browser.page.wait_for_url("**/bizproc.task.complete.html")
            assert browser.page.locator("table.errors").is_visible()
            assert (
                browser.page.evaluate("getComputedStyle(document.querySelector('.sidebar')).position")
                == "sticky"
            )
        finally:
            server.shutdown()
    assert browser.errors == []
    assert browser.outside == []


def test_screenshot(docs: Path, browser: Browser) -> None:
    browser.open((docs / "tasks.flow.Flow.pin.html").as_uri())
    target = docs / "screenshot.png"
    browser.page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000  # a blank or unstyled page compresses far below this
    assert browser.errors == []


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""
