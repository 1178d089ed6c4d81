"""What axe-core finds on the pages a teen sees: the launcher, workshop 1 once a double exists, and the
page asking for the room code. Serious or critical violations fail (a screen reader, a keyboard or low
vision cannot get through); the message names each rule, what to fix and where."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_the_launcher_passes_axe(room, page: Page, axe) -> None:
    page.goto(room.url, wait_until="networkidle")
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=30_000)
    violations = axe(page)
    assert not violations, "\n".join(violations)


def test_workshop_1_with_a_double_passes_axe(open_workshop, axe) -> None:
    # Voilà sends the page while its cells run, so "load" waits for a cold kernel: wait for the form.
    page = open_workshop("01_ma_journee", wait_until="commit")
    expect(page.get_by_label("Ton pseudo")).to_be_visible(timeout=90_000)
    page.get_by_label("Ton pseudo").fill("lune42")
    page.get_by_role("button", name="C'est parti !").click()
    expect(page.get_by_text("Voici la trace de données de lune42")).to_be_visible(timeout=90_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    violations = axe(page)
    assert not violations, "\n".join(violations)


def test_the_room_code_page_passes_axe(room, page: Page, axe) -> None:
    page.goto(f"{room.base}/voila/render/accueil.ipynb")
    expect(page.get_by_role("heading", name="Il manque le code de la salle")).to_be_visible()
    violations = axe(page)
    assert not violations, "\n".join(violations)
