"""Workshop 1 in a real browser through `datatrail serve`'s server, on a phone's screen (360 by 640 px): a teen
taps habit chips, creates a double and is taken to its first result, jumps between steps with the step list and
walks through the four steps; nothing is fetched from outside the laptop."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from teen_walk import create_double, hosts_contacted

#: Whether the browser's focus sits on the heading of id `anchor` (just before it: see `kit.widgets.steps`).
_FOCUSED = """anchor => { const after = document.activeElement.nextElementSibling;
    return Boolean(after && after.contains(document.getElementById(anchor))) }"""


def _on_screen(page: Page, anchor: str) -> tuple[float, float, float]:
    """The top and bottom of the heading of id `anchor`, and the screen's height, in px."""
    return tuple(page.evaluate("""anchor => { const box = document.getElementById(anchor).getBoundingClientRect();
        return [box.top, box.bottom, window.innerHeight] }""", anchor))


def test_a_teen_walks_through_ma_journee(open_workshop) -> None:
    page = open_workshop("01_ma_journee", from_launcher=True)
    page.set_viewport_size({"width": 360, "height": 640})
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


def test_a_new_double_scrolls_its_first_step_into_view(open_workshop) -> None:
    """The button at the bottom of the screen, the first step below it, out of sight: the page moves to it."""
    page = open_workshop("01_ma_journee", from_launcher=True)
    page.set_viewport_size({"width": 360, "height": 640})
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
