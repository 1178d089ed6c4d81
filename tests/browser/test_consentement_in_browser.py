"""Workshop 2 in a real browser through `datatrail serve`'s server: a teen creates a double, taps real banner
buttons, watches the later steps follow, redesigns a banner and finds the letter; nothing is fetched from
outside the laptop, and axe-core finds nothing that blocks a screen reader or a keyboard."""

from __future__ import annotations

from playwright.sync_api import expect
from teen_walk import create_double, hosts_contacted


def test_a_teen_answers_banners_and_gets_a_letter(open_workshop, axe) -> None:
    page = open_workshop("02_consentement", from_launcher=True)
    create_double(page, "lune42")

    step1, step2 = page.locator('[id="cell-id=step1"]'), page.locator('[id="cell-id=step2"]')
    expect(step1.get_by_text("Bandeau 1 sur")).to_be_visible(timeout=60_000)
    expect(step2.get_by_text("Réponds d'abord à un bandeau")).to_be_visible()
    step1.get_by_role("button", name="Tout accepter").click()
    expect(step1.get_by_text("Bandeau 2 sur")).to_be_visible(timeout=30_000)
    expect(step2.get_by_text("fois avec ton accord")).to_be_visible(timeout=30_000)
    expect(step2.locator(".js-plotly-plot")).to_be_visible()
    # The second banner: refuse if the design lets you on the first screen, else through "Personnaliser".
    reject = step1.get_by_role("button", name="Tout refuser")
    customise = step1.get_by_role("button", name="Personnaliser")
    if customise.count():
        customise.click()
        reject.click()
    elif reject.count():
        reject.click()
    else:  # no way to refuse at all: the dark pattern itself
        step1.get_by_role("button", name="Tout accepter").click()
    expect(step1.get_by_text("Bandeau 3 sur")).to_be_visible(timeout=30_000)
    expect(step2.locator("summary")).to_have_count(2, timeout=30_000)

    step3 = page.locator('[id="cell-id=step3"]')
    expect(step3.get_by_text("+22 points dans le modèle")).to_be_visible()
    expect(step3.get_by_text("Le modèle prédit : 50 %")).to_be_visible()
    step3.get_by_role("button", name="caché dans « Personnaliser »").click()
    expect(step3.get_by_text("Le modèle prédit : 72 %")).to_be_visible(timeout=30_000)

    step4 = page.locator('[id="cell-id=step4"]')
    expect(step4.get_by_text("[ton prénom et ton nom]")).to_be_visible()
    link = step4.get_by_role("link", name="Télécharger la lettre pour l'imprimer")
    assert link.get_attribute("href").startswith("data:text/html;charset=utf-8;base64,")
    assert link.get_attribute("download").startswith("demande_acces_")

    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))
    violations = axe(page)
    assert not violations, "\n".join(violations)
