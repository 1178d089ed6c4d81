"""Headless Debian Chromium driven by Playwright (`playwright install` cannot download browsers here)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: Without these, Chromium tries to reach Google's services at start (refused on this network).
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page that records every request it makes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    opened = context.new_page()
    opened.requests = []  # type: ignore[attr-defined]
    opened.on("request", lambda request: opened.requests.append(request.url))  # type: ignore[attr-defined]
    yield opened
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed browser test reports what the server and its kernels were doing at that moment."""
    report = yield
    room = getattr(item, "funcargs", {}).get("room")
    if report.failed and room is not None:
        report.sections.append(("Voilà server and kernels", room.diagnose()))
    return report
