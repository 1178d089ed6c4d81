"""Workshop 1 in a real browser through `datatrail serve`'s server: a teen creates a double and walks
through the four steps; nothing is fetched from outside the laptop."""

from __future__ import annotations

from playwright.sync_api import expect
from teen_walk import create_double, hosts_contacted


def test_a_teen_walks_through_ma_journee(open_workshop) -> None:
    page = open_workshop("01_ma_journee", from_launcher=True)
    create_double(page, "lune42")
    step1 = page.locator('[id="cell-id=step1"]')
    expect(step1.get_by_text("Ta journée du")).to_be_visible(timeout=60_000)  # the timeline's title
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_text("À ton avis, dans quel quartier")).to_be_visible()
    expect(page.get_by_text("Il reste 100 % de ta trace")).to_be_visible()
    page.get_by_label("Couper la localisation").check()
    expect(page.get_by_text("Il reste 100 % de ta trace")).not_to_be_visible()
    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))
