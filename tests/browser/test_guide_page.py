"""The guide's HTML page, opened from disk the way a youth worker opens it from a USB stick: it asks nothing
of the network, its contents link to each chapter, and screen readers and keyboards can use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.guide import build_cards, build_guide
from kit.i18n import text

#: A4 (210 mm) less the 14 mm side margins of print.css, in CSS pixels (96 per inch).
A4_CONTENT_PX = round((210 - 2 * 14) / 25.4 * 96)


@pytest.fixture(scope="module")
def guide_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("guide") / "guide"
    build_guide(out, language="fr")
    return out / f"{text('guide.book_file', 'fr')}.html"


def test_the_guide_page_opens_offline_and_its_contents_lead_to_a_chapter(page, axe, guide_page: Path) -> None:
    page.goto(guide_page.as_uri())
    assert [url for url in page.requests if not url.startswith("file://")] == []
    page.get_by_role("link", name=text("guide.workshop_title", "fr", number=4, title="Anonyme, vraiment ?")).click()
    assert page.url.endswith("#04_anonymat")
    chapter = page.locator('[id="04_anonymat"] > h1')
    assert chapter.is_visible() and chapter.bounding_box()["y"] < 100  # scrolled to the top of the screen
    assert axe(page) == []


@pytest.fixture(scope="module")
def card_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("cards") / "cartes"
    build_cards(out, scenario="nantes", language="fr")
    return sorted(out.glob("*.html"))


def test_nothing_on_a_card_sheet_runs_past_the_page_edge(page, card_pages: list[Path]) -> None:
    """What sticks out of the A4 width is cut off on paper: a grid column, a wide table, a long word."""
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.emulate_media(media="print")
    assert len(card_pages) == 7
    for sheet in card_pages:
        page.goto(sheet.as_uri())
        wider = page.evaluate("""() => Array.from(document.body.querySelectorAll('*'))
            .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 3).map(element => element.tagName + '.' + element.className + ': '
                                        + element.textContent.trim().slice(0, 40))""")
        assert wider == [], f"{sheet.name}: {wider}"
