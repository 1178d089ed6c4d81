"""The facilitator's group screen in Chromium, with simulated teens answering in workshops 1 and 2: it waits
for k answers, then shows the group's counts, never a pseudonym, follows the room without a reload, asks nothing
outside the laptop, refuses the room's code, and passes axe. Its own room: its answers only."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Locator, Page, expect
from simulated_teens import teens_do

from kit.i18n import text
from kit.serve.group_screen import GROUP_PATH
from kit.workshops import workshops_root


#: Teens ado<n> whose double's first banner is Chatou's in the default scenario.
SAME_FIRST_BANNER = (10, 12, 14, 15, 18, 20)


@pytest.fixture(scope="module")
def room(serve_folder) -> Iterator:
    with serve_folder(workshops_root()) as opened:
        yield opened


@pytest.fixture
def screen(recording_page: Callable[[int, int], Page], room) -> Page:
    """The group screen on the facilitator's laptop (a projector's 1280 × 720), recording every request."""
    return recording_page(1280, 720)


def figure(page: Page, step: str) -> Locator:
    return page.locator("section.figure").filter(has=page.get_by_role("heading", name=text(f"{step}.title")))


def test_the_screen_waits_for_k_answers_then_shows_the_group_without_a_pseudonym(room, screen: Page, axe) -> None:
    screen.goto(f"{room.group_url}#01_ma_journee")
    expect(screen.get_by_role("heading", name="Écran du groupe")).to_be_visible()
    guess = figure(screen, "ma_journee.step3")
    expect(guess).to_contain_text("En attente de 5 réponses")

    teens_do(room.base, room.code, "01_ma_journee", range(4))
    expect(guess).to_contain_text("4 reçues pour l'instant", timeout=15_000)  # no reload: the page follows
    expect(guess).to_contain_text("En attente de 5 réponses")

    teens_do(room.base, room.code, "01_ma_journee", range(4, 6))
    expect(guess.locator(".bars")).to_be_visible(timeout=15_000)
    expect(guess).to_contain_text("sur 5")
    expect(guess).to_contain_text("1 nouvelle réponse attend d'être 5 pour compter")
    assert guess.locator(".bars").get_attribute("aria-label"), "the figure has no text alternative"

    # Teens whose first banner is the same app's (their doubles' phones open it first): any 5 of them answered
    # one design, which the figure may then show.
    teens_do(room.base, room.code, "02_consentement", SAME_FIRST_BANNER)
    screen.get_by_role("button", name=f"2. {text('workshop.02_consentement.title')}", exact=False).click()
    expect(screen.locator("section.figure .bars").first).to_be_visible(timeout=15_000)
    expect(screen.locator("section.figure").first).to_contain_text("sur")

    shown = screen.locator("body").inner_text()
    assert not any(f"ado{number}" in shown for number in (*range(6), *SAME_FIRST_BANNER)), "a pseudonym is on screen"
    assert "null" not in shown and "undefined" not in shown, shown
    outside = [url for url in screen.requests if not url.startswith(room.base)]
    assert not outside, f"the group screen asked outside the laptop: {outside}"
    violations = axe(screen)
    assert not violations, "\n".join(violations)


def test_the_room_s_code_does_not_open_the_screen(room, screen: Page, axe) -> None:
    screen.goto(f"{room.base}{GROUP_PATH}?code={room.code}")
    expect(screen.get_by_role("heading", name="Cette adresse est celle de l'écran du groupe")).to_be_visible()
    expect(screen.get_by_text("Le code de la salle ne l'ouvre pas")).to_be_visible()
    violations = axe(screen)
    assert not violations, "\n".join(violations)
