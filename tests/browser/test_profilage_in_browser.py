"""Workshop 3 in a real browser through `datatrail serve`'s server: a teen creates a double, reads their
profile, replays another auction, reads the class's results and refuses cookies everywhere; nothing is
fetched from outside the laptop, and axe finds nothing that blocks a screen reader or a keyboard."""

from __future__ import annotations

from playwright.sync_api import expect
from teen_walk import create_double, hosts_contacted


def test_a_teen_walks_through_profilage(open_workshop, axe) -> None:
    page = open_workshop("03_profilage", from_launcher=True)
    create_double(page, "lune42")

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
    expect(step3.get_by_role("columnheader", name="Il a dit oui, et il a raison")).to_be_visible()

    step4 = page.locator('[id="cell-id=step4"]')
    result = step4.get_by_role("status")
    expect(result).to_contain_text("sur 100 % des pubs")
    step4.get_by_label("Refuser les cookies dans toutes les applis").check()
    expect(result).to_contain_text("sur 0 % des pubs", timeout=30_000)

    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))
    violations = axe(page)
    assert not violations, "\n".join(violations)
