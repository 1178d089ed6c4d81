"""Workshop 4 in a real browser through `datatrail serve`'s server: a teen plays Guess-Who on the crowd's
nameless traces, measures the unicity curve, blurs it, and protects the data for a bus planner; nothing is
fetched from outside the laptop, and axe-core finds nothing that blocks a screen reader or a keyboard."""

from __future__ import annotations

from playwright.sync_api import Locator, expect
from teen_walk import hosts_contacted


def test_a_teen_finds_the_mystery_person_and_protects_the_crowd(open_workshop, axe) -> None:
    page = open_workshop("04_anonymat", from_launcher=True)

    step1 = page.locator('[id="cell-id=step1"]')
    step1.get_by_role("button", name="Lancer le jeu").click(timeout=90_000)
    status = step1.get_by_role("status")
    expect(status).to_contain_text("Au départ, 1000 personnes", timeout=60_000)
    clues = step1.get_by_role("checkbox")
    for index in range(4):
        clues.nth(index).check()
    expect(status).to_contain_text("Avec 4 indices", timeout=30_000)
    expect(step1.locator(".js-plotly-plot")).to_be_visible()
    step1.get_by_role("button", name="Autre personne mystère").click()
    expect(status).to_contain_text("Avec 0 indice, il reste 1000 personnes", timeout=30_000)

    step2 = page.locator('[id="cell-id=step2"]')
    words = _measure_then_blur(step2, "Mesurer sur toute la ville", "4 indices", "4")
    expect(words).to_contain_text("tranches de 4 h")

    step3 = page.locator('[id="cell-id=step3"]')
    _measure_then_blur(step3, "Publier les données protégées", "l'arrêt Commerce", "24")
    step4 = page.locator('[id="cell-id=step4"]')
    expect(step4.get_by_role("heading", name="4. Et maintenant ?")).to_be_visible()
    expect(step4.get_by_text("Principe de la charte de la donnée : la protection")).to_be_visible()

    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))
    violations = axe(page)
    assert not violations, "\n".join(violations)


def _measure_then_blur(step: Locator, button: str, expected: str, hours: str) -> Locator:
    """Press the step's button, wait for its words, then widen the time slices: the words must change."""
    step.get_by_role("button", name=button).click()
    words = step.get_by_role("status")
    expect(words).to_contain_text(expected, timeout=60_000)
    before = words.inner_text()
    step.get_by_label("Heures par tranche").select_option(hours)
    expect(words).not_to_have_text(before, timeout=60_000)
    return words
