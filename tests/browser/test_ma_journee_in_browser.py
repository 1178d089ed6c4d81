"""Workshop 1 in a real browser through `datatrail serve`'s server, on a small phone held in a hand (360 by 640
px): a teen taps habit chips, creates a double and is taken to its first result, jumps between steps with the step
list and walks through the four steps; nothing is fetched from outside the laptop; the charts fit the phone, leave
its scroll to the finger and show a value where it taps."""

from __future__ import annotations

import pytest
from playwright.sync_api import CDPSession, Page, expect
from teen_walk import create_double, hosts_contacted

#: A small Android phone's screen, in CSS pixels.
PHONE = {"width": 360, "height": 640}
#: Whether the browser's focus sits on the heading of id `anchor` (just before it: see `kit.widgets.steps`).
_FOCUSED = """anchor => { const after = document.activeElement.nextElementSibling;
    return Boolean(after && after.contains(document.getElementById(anchor))) }"""


def _on_screen(page: Page, anchor: str) -> tuple[float, float, float]:
    """The top and bottom of the heading of id `anchor`, and the screen's height, in px."""
    return tuple(page.evaluate("""anchor => { const box = document.getElementById(anchor).getBoundingClientRect();
        return [box.top, box.bottom, window.innerHeight] }""", anchor))


@pytest.fixture
def page(recording_page) -> Page:
    """The phone: its screen, touch only (a phone's browser reports no hover), recording every request."""
    return recording_page(PHONE["width"], PHONE["height"], touch=True)


def test_a_teen_walks_through_ma_journee(open_workshop) -> None:
    page = open_workshop("01_ma_journee", from_launcher=True)
    create_double(page, "lune42", habits=("Musique", "Sport"))
    step1 = page.locator('[id="cell-id=step1"]')
    expect(step1.get_by_text("Ta journée du")).to_be_visible(timeout=60_000)  # the timeline's title
    # The new double's first step: the focus sits on its heading, which is on screen, whole.
    page.wait_for_function(_FOCUSED, arg="ma_journee-step1", timeout=30_000)
    top, bottom, screen = _on_screen(page, "ma_journee-step1")
    assert 0 <= top < bottom <= screen, (top, bottom, screen)
    expect(page.locator(".js-plotly-plot").first).to_be_visible()

    page.get_by_role("navigation", name="Les étapes").get_by_role("link", name="À toi de jouer").click()
    expect(page.get_by_text("Il reste 100 % de ta trace")).to_be_in_viewport()
    assert abs(_on_screen(page, "ma_journee-step4")[0]) < 2  # the step's heading at the top of the screen
    expect(page.get_by_text("À ton avis, dans quel quartier")).to_be_visible()
    page.get_by_label("Couper la localisation").check()
    expect(page.get_by_text("Il reste 100 % de ta trace")).not_to_be_visible()
    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))


#: Every text of the charts (titles, ticks, legends, the sankey's node labels) that sticks out of its chart.
TEXT_OUTSIDE = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(chart => {
    const box = chart.getBoundingClientRect();
    return [...chart.querySelectorAll('text')].filter(text => {
        const own = text.getBoundingClientRect();
        return own.width > 0 && (own.left < box.left - 1 || own.right > box.right + 1);
    }).map(text => text.textContent);
})"""
#: How far the page has scrolled, whichever of its boxes scrolls (Voilà's page scrolls inside a box).
SCROLLED = "() => window.scrollY + [...document.querySelectorAll('*')].reduce((sum, box) => sum + box.scrollTop, 0)"
#: A point of a chart where the finger lands on what plotly.js listens to: the plot area of x/y charts, the
#: background between a sankey's flows.
LANDING = """(chart) => {
    const under = chart.querySelector('.nsewdrag, .bgsankey'), box = under.getBoundingClientRect();
    for (let y = box.top + 4; y < box.bottom; y += 4)
        for (let x = box.left + 4; x < box.right; x += 4)
            if (document.elementFromPoint(x, y) === under) return [x, y];
    return null;
}"""


def test_charts_fit_a_phone_and_leave_its_scroll_to_the_finger(open_workshop, page: Page) -> None:
    open_workshop("01_ma_journee")
    create_double(page, "lune42", tap=True)  # a mouse left on the page would take the charts' labels away
    charts = page.locator(".js-plotly-plot")
    timeline, sankey = charts.nth(0), charts.nth(1)
    expect(sankey.locator(".sankey-node").first).to_be_visible(timeout=60_000)
    expect(charts).to_have_count(3)  # and the map of step 3, with what the teen's double left at night
    page.wait_for_timeout(1_000)  # the sankey's flows fade in
    expect(page.locator(".modebar")).to_have_count(0)
    for chart in charts.all():
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.evaluate(TEXT_OUTSIDE) == []
    touch = page.context.new_cdp_session(page)
    for chart in (timeline, sankey):
        chart.scroll_into_view_if_needed()
        x, y = page.evaluate(LANDING, chart.element_handle())
        before = page.evaluate(SCROLLED)
        _swipe_up(touch, x, y)
        assert page.evaluate(SCROLLED) >= before + 100, chart  # the page followed the finger
    _settle(page)  # a tap during the swipe's fling only stops it
    point = timeline.locator(".scatterlayer .point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(timeline.locator(".hoverlayer .hovertext").first).to_be_visible()  # a tap shows the value


def _swipe_up(touch: CDPSession, x: float, y: float) -> None:
    """A finger put on (x, y) and moved 150 px up, as a teen scrolls down the page (Playwright taps, but
    has no swipe: Chromium's own touch events)."""
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 15 * step}]})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def _settle(page: Page) -> None:
    """Waits until the page has stopped scrolling (a swipe flings it on for a while)."""
    scrolled = None
    while scrolled != (scrolled := page.evaluate(SCROLLED)):
        page.wait_for_timeout(300)


def test_a_new_double_scrolls_its_first_step_into_view(open_workshop) -> None:
    """The button at the bottom of the screen, the first step below it, out of sight: the page moves to it."""
    page = open_workshop("01_ma_journee", from_launcher=True)
    expect(page.get_by_label("Ton pseudo")).to_be_visible(timeout=90_000)
    page.get_by_label("Ton pseudo").fill("soleil7")
    go = page.get_by_role("button", name="C'est parti !")
    go.evaluate("button => button.scrollIntoView({block: 'end'})")
    top, _, screen = _on_screen(page, "ma_journee-step1")
    assert top > screen  # below the fold
    go.click()
    page.wait_for_function(_FOCUSED, arg="ma_journee-step1", timeout=60_000)
    top, bottom, screen = _on_screen(page, "ma_journee-step1")
    assert 0 <= top < bottom <= screen, (top, bottom, screen)
