"""Workshop 1 in a real browser through `datatrail serve`'s server: a teen creates a double and walks
through the four steps; nothing is fetched from outside the laptop."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect


def test_a_teen_walks_through_ma_journee(room, page: Page) -> None:
    page.goto(room.url)
    with page.context.expect_page() as opened:  # workshops open in a new tab; the launcher stays
        page.get_by_role("link", name="Ma journée en données").click()
    page = opened.value
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    # A cold kernel renders this in a few seconds; a stall shows the server's and kernels' stacks (conftest).
    expect(page.get_by_text("Crée ton profil")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Crée d'abord ton double").first).to_be_visible()
    page.get_by_label("Ton pseudo").fill("lune42")
    page.get_by_role("button", name="C'est parti !").click()
    expect(page.get_by_text("Voici la trace de données de lune42")).to_be_visible(timeout=60_000)
    step1 = page.locator('[id="cell-id=step1"]')
    expect(step1.get_by_text("Ta journée du")).to_be_visible(timeout=60_000)  # the timeline's title
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_text("À ton avis, dans quel quartier")).to_be_visible()
    expect(page.get_by_text("Il reste 100 % de ta trace")).to_be_visible()
    page.get_by_label("Couper la localisation").check()
    expect(page.get_by_text("Il reste 100 % de ta trace")).not_to_be_visible()
    hosts = {urlparse(url).hostname for url in page.requests if urlparse(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, sorted(set(page.requests))
