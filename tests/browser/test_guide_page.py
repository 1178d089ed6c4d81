"""The guide's HTML page, opened from disk the way a youth worker opens it from a USB stick: it asks nothing
of the network, its contents link to each chapter, and screen readers and keyboards can use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.guide import build_guide
from kit.i18n import text


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
