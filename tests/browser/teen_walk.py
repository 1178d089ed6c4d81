"""What every workshop walk-through in a browser goes through once the `open_workshop` fixture has opened it
from the launcher, as a teen does: a made-up double; and the check that the page only ever talked to the laptop."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Locator, Page, expect


def create_double(page: Page, pseudonym: str, *, habits: tuple[str, ...] = (), tap: bool = False) -> None:
    """Waits for the form (a cold kernel renders in a few seconds; a stall shows the server's and kernels'
    stacks, see conftest), checks the steps wait, then makes the double, tapping the chips of `habits` (their
    French labels) on the way: each then says it is chosen (« ✓ Sport »). `tap=True`: with a finger, as on a
    phone (the page then never meets a mouse)."""
    expect(page.get_by_text("Crée ton profil")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Crée d'abord ton double").first).to_be_visible()
    page.get_by_label("Ton pseudo").fill(pseudonym)
    press = Locator.tap if tap else Locator.click
    for habit in habits:
        press(page.get_by_role("button", name=habit, exact=True))
        expect(page.get_by_role("button", name=f"✓ {habit}", exact=True)).to_be_visible(timeout=30_000)
    press(page.get_by_role("button", name="C'est parti !"))
    expect(page.get_by_text(f"Voici la trace de données de {pseudonym}")).to_be_visible(timeout=60_000)


def hosts_contacted(page: Page) -> set[str]:
    """The hosts of every web and websocket request the page made (`{"127.0.0.1"}`: nothing left the laptop)."""
    return {urlparse(url).hostname for url in page.requests if urlparse(url).scheme in ("http", "https", "ws", "wss")}
