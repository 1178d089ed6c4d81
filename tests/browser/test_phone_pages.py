"""Every workshop and the launcher on a teen's phone (360×640, touch) and on a tablet (768×1024), as a teen goes
through them: the page opened, a double made where the page asks for one, then every button of the workshop's
steps tapped once, so that what each step reveals is on the page. Then the rules of `phone_layout` (one
column, 44 px targets, 16 px text, no plotly mode bar) and axe-core must hold; each failure names the element."""

from __future__ import annotations

import importlib

import pytest
from playwright.sync_api import Browser, Page, expect

from kit.serve import LAUNCHER
from kit.workshops import WORKSHOPS
from phone_layout import PHONE, TABLET, layout_problems
from teen_walk import create_double

SIZES = {"phone": PHONE, "tablet": TABLET}


@pytest.fixture
def touch_page(browser: Browser, request: pytest.FixtureRequest):
    """A French page of the size asked, with a touch screen and a phone's viewport rules (`is_mobile` makes
    Chromium honour the page's viewport tag, as a phone's browser does)."""
    contexts = []

    def open_page(size: dict) -> Page:
        context = browser.new_context(viewport=size, locale="fr-FR", has_touch=True, is_mobile=True,
                                      device_scale_factor=2)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def _tap_every_step_button(page: Page) -> None:
    """Each widget button of the steps, once, waiting for the kernel between taps: the language switch stays (the
    walk is in French) and so does the double's own button (the double is made already)."""
    buttons = page.locator("#rendered_cells button.jupyter-button:visible")  # ipywidgets', not a chart's
    for index in range(buttons.count()):
        button = buttons.nth(index)
        if not button.is_visible() or not button.is_enabled():
            continue
        words = button.inner_text().strip()
        if words in ("FR", "EN", "C'est parti !"):
            continue
        button.tap()
        _settled(page)


def _settled(page: Page) -> None:
    """Until the page has not changed for 0.8 s (what a tap asked of the kernel has come back and been drawn),
    at most 30 s: a tap's result has no one element to wait for in a walk that taps every button."""
    page.evaluate("""() => new Promise(done => {
        let quiet = setTimeout(finish, 800);
        const watcher = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(finish, 800); });
        const limit = setTimeout(finish, 30000);
        function finish() { watcher.disconnect(); clearTimeout(limit); done(); }
        watcher.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    })""")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("stem", [entry.stem for entry in WORKSHOPS])
def test_a_workshop_holds_on_a_phone_and_a_tablet(room, touch_page, axe, stem: str, size: str) -> None:
    page = touch_page(SIZES[size])
    page.goto(room.url.replace(LAUNCHER, f"{stem}.ipynb"), wait_until="commit")
    if stem in _ASKING:
        create_double(page, "lune42")
    expect(page.locator("#rendered_cells h2").last).to_be_visible(timeout=90_000)
    _settled(page)
    _tap_every_step_button(page)
    problems = layout_problems(page)
    assert not problems, f"{stem} at {size}:\n" + "\n".join(problems)
    violations = axe(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("size", SIZES)
def test_the_launcher_holds_on_a_phone_and_a_tablet(room, touch_page, axe, size: str) -> None:
    page = touch_page(SIZES[size])
    page.goto(room.url, wait_until="networkidle")
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=30_000)
    problems = layout_problems(page)
    assert not problems, f"launcher at {size}:\n" + "\n".join(problems)
    violations = axe(page)
    assert not violations, "\n".join(violations)


#: The workshops whose page asks for a double before its steps show anything.
_ASKING = {entry.stem for entry in WORKSHOPS
           if getattr(importlib.import_module(entry.page_module), entry.page_class).asks_for_double}
