"""Headless Debian Chromium driven by Playwright (`playwright install` cannot download browsers here),
and axe-core to check what a page gives screen readers, keyboards and low vision."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from kit.i18n import DEFAULT_LANGUAGE, text
from kit.serve import LAUNCHER

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: axe-core comes from npm: `.ci/run` installs it into this git-ignored folder.
AXE = Path(__file__).resolve().parents[2] / ".ci" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
#: The impacts that fail a page: what stops a teen from reading or using it, not a best practice.
BLOCKING = ("serious", "critical")
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
def recording_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """`recording_page(width, height)`: a French page of that size that records every request it makes
    (`page.requests`), closed after the test. `touch=True`: a phone's browser (touch, no hover, the page's
    own viewport width)."""
    contexts: list[BrowserContext] = []

    def open_page(width: int, height: int, *, touch: bool = False) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR",
                                      has_touch=touch, is_mobile=touch)
        contexts.append(context)
        opened = context.new_page()
        opened.requests = []  # type: ignore[attr-defined]
        opened.on("request", lambda request: opened.requests.append(request.url))  # type: ignore[attr-defined]
        return opened

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(recording_page: Callable[[int, int], Page]) -> Page:
    """A phone-sized page that records every request it makes."""
    return recording_page(390, 844)


@pytest.fixture
def open_workshop(room, page: Page) -> Callable[..., Page]:
    """`open_workshop("04_anonymat")`: the test's page opens the workshop at its address in the room (the test
    module's own room, if it has one), where the launcher's link leads; `lang="en"` asks for it in English,
    `wait_until` goes to Playwright (Voilà sends a page while its cells run: "commit" does not wait for them).
    `from_launcher=True`: as a teen does it, the launcher then a tap on the workshop's link, which opens it in
    a new tab; that tab is returned, recording every request it makes."""

    def open_(stem: str, *, lang: str | None = None, from_launcher: bool = False, wait_until: str = "load") -> Page:
        asked = f"&lang={lang}" if lang else ""
        if not from_launcher:
            page.goto(room.url.replace(LAUNCHER, f"{stem}.ipynb") + asked, wait_until=wait_until)
            return page
        page.goto(room.url + asked, wait_until=wait_until)
        with page.context.expect_page() as opened:  # workshops open in a new tab; the launcher stays
            page.get_by_role("link", name=text(f"workshop.{stem}.title", lang or DEFAULT_LANGUAGE)).click()
        workshop = opened.value
        workshop.requests = []  # type: ignore[attr-defined]
        workshop.on("request", lambda request: workshop.requests.append(request.url))  # type: ignore[attr-defined]
        return workshop

    return open_


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed browser test reports what the server and its kernels were doing at that moment."""
    report = yield
    room = getattr(item, "funcargs", {}).get("room")  # the session's room, or a module's own
    if report.failed and room is not None:
        report.sections.append(("Voilà server and kernels", room.diagnose()))
    return report


@pytest.fixture
def axe() -> Callable[[Page], list[str]]:
    """`axe(page)` runs axe-core in the page as it is now and returns one readable line per serious or
    critical violation: rule, what to fix, the first few selectors (empty: the page passes). Without
    axe-core the test fails rather than skips: an unchecked page must never look like a passing one."""

    def run(page: Page) -> list[str]:
        if not AXE.is_file():
            pytest.fail(f"axe-core is missing ({AXE}): run `bash .ci/run`, which installs it from npm.")
        # Voilà's page scrolls inside a full-screen box, and axe skips what that box hides: the page
        # grows to its full height first (phone width kept), so every step of a workshop is checked.
        height = page.evaluate("() => Math.max(...Array.from(document.querySelectorAll('*'), e => e.scrollHeight))")
        page.set_viewport_size({"width": page.viewport_size["width"], "height": min(height, 16_000)})
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
        lines = []
        for violation in [found for found in violations if found["impact"] in BLOCKING]:
            targets = [" >> ".join(map(str, node["target"])) for node in violation["nodes"]]
            more = f" (+{len(targets) - 3} more)" if len(targets) > 3 else ""
            lines.append(f"{violation['id']} [{violation['impact']}] {violation['help']}: "
                         f"{', '.join(targets[:3])}{more}")
        return lines

    return run
