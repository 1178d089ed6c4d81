"""The launcher in a real browser, as a teen's phone opens it after scanning the QR code."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect


def test_the_launcher_shows_in_french_and_loads_nothing_from_outside(room, page: Page) -> None:
    page.goto(room.url, wait_until="networkidle")
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=30_000)
    expect(page.locator("svg").first).to_be_visible()
    hosts = {urlparse(url).hostname for url in page.requests if urlparse(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, page.requests


def test_without_the_code_the_page_asks_for_it_and_lets_the_teen_in(room, page: Page) -> None:
    page.goto(f"{room.base}/voila/render/accueil.ipynb")
    expect(page.get_by_role("heading", name="Il manque le code de la salle")).to_be_visible()
    page.get_by_label("Code de la salle").fill(room.code)
    page.get_by_role("button", name="Entrer").click()
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=30_000)


def test_a_teen_switches_to_english_and_the_workshop_follows(room, page: Page) -> None:
    page.goto(room.url)
    with page.context.expect_page() as opened:  # Jupyter's renderer opens full addresses in a new tab
        page.get_by_role("link", name="English").click()
    english = opened.value
    expect(english.get_by_text("Pick a workshop")).to_be_visible(timeout=60_000)
    expect(english.locator("html")).to_have_attribute("lang", "en")  # screen readers switch voice
    with english.context.expect_page() as opened:
        english.get_by_role("link", name="My day in data").click()
    expect(opened.value.get_by_text("Create your profile")).to_be_visible(timeout=90_000)
    expect(opened.value.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
