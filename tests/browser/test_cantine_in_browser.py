"""Workshop 5 in a real browser through `datatrail serve`'s server: a teen guesses tomorrow's meals, builds a
forecast by ticking the menu, reads the comparison 1 to 4 weeks ahead and sorts the tempting data; nothing is
fetched from outside the laptop, and axe finds nothing that blocks a screen reader or a keyboard."""

from __future__ import annotations

from playwright.sync_api import expect
from teen_walk import hosts_contacted


def test_a_teen_forecasts_the_canteen_and_sorts_the_data(open_workshop, axe) -> None:
    page = open_workshop("05_cantine", from_launcher=True)
    step1 = page.locator('[id="cell-id=step1"]')
    expect(step1.get_by_text("Cette école compte")).to_be_visible(timeout=90_000)
    step1.get_by_label("École").select_option(index=3)
    expect(step1.get_by_text("Cette école compte 690 élèves")).to_be_visible(timeout=30_000)
    step1.get_by_label("Ton idée").fill("400")
    step1.get_by_label("Ton idée").press("Enter")
    step1.get_by_role("button", name="Vérifier").click()
    expect(step1.get_by_text("Ton écart :")).to_be_visible(timeout=30_000)

    step3 = page.locator('[id="cell-id=step3"]')
    expect(step3.get_by_text("Calcule d'abord ta prévision")).to_be_visible()
    step2 = page.locator('[id="cell-id=step2"]')
    step2.get_by_label("le menu").check()
    step2.get_by_role("button", name="Calculer ma prévision").click()
    expect(step2.get_by_text("mercredi :")).to_be_visible(timeout=30_000)
    expect(step2.locator(".js-plotly-plot")).to_be_visible(timeout=30_000)
    expect(step3.get_by_text("4 semaines à l'avance : ta prévision")).to_be_visible(timeout=30_000)
    expect(step3.locator(".js-plotly-plot")).to_be_visible()

    step4 = page.locator('[id="cell-id=step4"]')
    step4.get_by_role("button", name="pas utile").nth(4).click()  # the pupils' names
    step4.get_by_role("button", name="Vérifier mon tri").click()
    expect(step4.get_by_text("Cartes bien rangées : 1 sur 9")).to_be_visible(timeout=30_000)

    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))
    violations = axe(page)
    assert not violations, "\n".join(violations)
