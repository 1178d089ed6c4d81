"""Workshop 6 in a real browser through `datatrail serve`'s server: a group ticks and writes commitments,
changes an app's points, names itself and makes its poster; the poster's printable page renders in Chromium
to a one-page PDF on A4 and on A3; nothing is fetched from outside the laptop, and axe-core finds nothing that
blocks a screen reader or a keyboard."""

from __future__ import annotations

import base64
import re

from playwright.sync_api import Page, expect
from teen_walk import hosts_contacted

#: ISO paper sizes in PDF points (1/72 inch): 210 × 297 mm and 297 × 420 mm. Chromium rounds the /MediaBox
#: it writes to whole CSS pixels, hence a point of tolerance.
PAPER_POINTS = {"A4": (595.3, 841.9), "A3": (841.9, 1190.6)}


def _poster_pdf(page: Page, document: str, size: str) -> tuple[bytes, str]:
    """The poster's standalone page printed by Chromium (paper from its own `@page` rule), and its text."""
    printed = page.context.new_page()
    printed.set_content(document)
    pdf = printed.pdf(prefer_css_page_size=True, print_background=True)
    words = printed.inner_text("body")
    printed.close()
    return pdf, words


def test_a_group_writes_its_charter_and_prints_it(open_workshop, axe) -> None:
    page = open_workshop("06_charte", from_launcher=True)
    expect(page.get_by_role("heading", name="1. Les trois principes")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Crée ton profil")).to_have_count(0)

    step2 = page.locator('[id="cell-id=step2"]')
    step2.get_by_label("On garde le n°1").first.check()
    step2.get_by_label("Le nôtre").nth(2).fill("On éteint le wifi la nuit.")

    step3 = page.locator('[id="cell-id=step3"]')
    step3.get_by_label("Appli à noter").select_option(label="Chatou")
    expect(step3.get_by_text("Chatou : note B (8 points sur 10)")).to_be_visible(timeout=30_000)
    step3.get_by_label("Données en Europe").select_option(label="2 — tout en Europe")
    expect(step3.get_by_text("Chatou : note A (9 points sur 10)")).to_be_visible(timeout=30_000)

    step4 = page.locator('[id="cell-id=step4"]')
    expect(step4.get_by_text("Appuie sur « Faire l'affiche »")).to_be_visible()
    step4.get_by_label("Nom du groupe").fill("Les 4e B")
    for size in PAPER_POINTS:
        step4.get_by_role("button", name=size, exact=True).click()
        step4.get_by_role("button", name="Faire l'affiche").click()
        link = step4.get_by_role("link", name="Télécharger l'affiche pour l'imprimer")
        expect(link).to_have_attribute("download", f"notre_charte_{size}.html", timeout=30_000)
        expect(step4.get_by_text("Charte écrite par : Les 4e B")).to_be_visible()
        expect(step4.get_by_text("On éteint le wifi la nuit.")).to_be_visible()
        href = link.get_attribute("href")
        assert href.startswith("data:text/html;charset=utf-8;base64,")
        document = base64.b64decode(href.split(",", 1)[1]).decode("utf-8")

        pdf, words = _poster_pdf(page, document, size)
        assert pdf.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, f"the {size} poster must fit on one sheet"
        width, height = (float(value) for value in re.search(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
        assert abs(width - PAPER_POINTS[size][0]) < 1 and abs(height - PAPER_POINTS[size][1]) < 1, (width, height)
        for line in ("Notre charte de la donnée", "Charte écrite par : Les 4e B", "On ne partage pas la photo",
                     "On éteint le wifi la nuit.", "Chatou"):
            assert line in words

    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))
    violations = axe(page)
    assert not violations, "\n".join(violations)
