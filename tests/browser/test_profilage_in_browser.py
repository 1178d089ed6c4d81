"""Workshop 3 in a real browser through `datatrail serve`'s server: a teen creates a double, reads their
profile, replays another auction, reads the class's results and refuses cookies everywhere; nothing is
fetched from outside the laptop, and axe finds nothing that blocks a screen reader or a keyboard."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect


def test_a_teen_walks_through_profilage(room, page: Page, axe) -> None:
    page.goto(room.url)
    with page.context.expect_page() as opened:  # workshops open in a new tab; the launcher stays
        page.get_by_role("link", name="Ce que l'algorithme pense de toi").click()
    page = opened.value
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    expect(page.get_by_text("Crée ton profil")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Crée d'abord ton double").first).to_be_visible()
    page.get_by_label("Ton pseudo").fill("lune42")
    page.get_by_role("button", name="C'est parti !").click()
    expect(page.get_by_text("Voici la trace de données de lune42")).to_be_visible(timeout=60_000)

    step1 = page.locator('[id="cell-id=step1"]')
    expect(step1.locator(".js-plotly-plot")).to_be_visible(timeout=60_000)
    expect(step1.get_by_text("Indices :").first).to_be_visible()

    step2 = page.locator('[id="cell-id=step2"]')
    words = step2.get_by_role("status")
    expect(words).to_contain_text("millisecondes", timeout=30_000)
    first = words.inner_text()
    step2.get_by_label("Appli", exact=True).select_option(index=5)
    expect(words).not_to_have_text(first, timeout=30_000)
    expect(step2.get_by_text("Ton attention a rapporté")).to_be_visible()

    step3 = page.locator('[id="cell-id=step3"]')
    expect(step3.get_by_role("columnheader", name="Il a dit oui et c'était vrai")).to_be_visible()

    step4 = page.locator('[id="cell-id=step4"]')
    result = step4.get_by_role("status")
    expect(result).to_contain_text("sur 100 % des pubs")
    step4.get_by_label("Refuser les cookies dans toutes les applis").check()
    expect(result).to_contain_text("sur 0 % des pubs", timeout=30_000)

    hosts = {urlparse(url).hostname for url in page.requests if urlparse(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, sorted(set(page.requests))
    violations = axe(page)
    assert not violations, "\n".join(violations)
