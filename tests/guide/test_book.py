"""`datatrail guide` prints a real book with the laptop's Chromium: read back from the PDF, as a youth worker
would leaf through it (page size, numbers, contents, chapters, handouts)."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from kit.guide import build_guide, load_guides
from kit.guide.bibliography import read_sources
from kit.i18n import text

#: The book is printed by Chromium, as `datatrail guide` prints it.
pytestmark = pytest.mark.browser
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The French guide as the command line prints it, and the English one from the function."""
    folder = tmp_path_factory.mktemp("guides")
    result = subprocess.run([sys.executable, "-m", "kit", "guide"], cwd=folder, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    build_guide(folder / "facilitator-guide", language="en")
    return {"fr": folder / "guide-animation", "en": folder / "facilitator-guide"}


@cache
def _pages(pdf: Path) -> list[str]:
    """Each page's text (cached: reading a 50-page PDF back takes seconds)."""
    return [page.extract_text() for page in PdfReader(pdf).pages]


def _flat(text: str) -> str:
    """Text without spaces, ligatures ("ﬁ") or page footers, as a line-wrapped PDF page and its source can be
    compared (a footer can be read in the middle of a page's last line)."""
    return re.sub(r"page\d+/\d+", "", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_book_is_a4_with_numbered_pages(printed: dict[str, Path], language: str) -> None:
    book = printed[language] / f"{text('guide.book_file', language)}.pdf"
    reader = PdfReader(book)
    total = len(reader.pages)
    assert total > 30
    assert all(tuple(round(float(side)) for side in page.mediabox[2:]) == A4_POINTS for page in reader.pages)
    pages = _pages(book)
    assert all(f"page {number} / {total}" in page for number, page in enumerate(pages, 1))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contents_give_the_page_where_each_chapter_starts(printed: dict[str, Path], language: str) -> None:
    guides = load_guides()
    pages = _pages(printed[language] / f"{text('guide.book_file', language)}.pdf")
    contents = "\n".join(pages[1:4])
    assert text("guide.contents", language) in pages[1]
    for number, guide in enumerate(guides.parts(language)):
        title = guide.front["title"]
        if guide.stem in guides.workshops:
            title = text("guide.workshop_title", language, number=guides.workshops.index(guide.stem) + 1, title=title)
        found = re.search(re.escape(_flat(title)) + r"(\d+)", _flat(contents))
        assert found, f"{title!r} has no page number in the contents"
        page = int(found.group(1))
        assert _flat(title) in _flat(pages[page - 1]), f"{title!r} is not on page {page}"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_book_ends_with_its_sources_each_with_its_address(printed: dict[str, Path], language: str) -> None:
    pages = _pages(printed[language] / f"{text('guide.book_file', language)}.pdf")
    found = re.search(re.escape(_flat(text("guide.sources_title", language))) + r"(\d+)", _flat("\n".join(pages[1:4])))
    assert found, "the contents give no page for the sources"
    sources = _flat(" ".join(pages[int(found.group(1)) - 1:]))
    assert all(_flat(source.title) in sources and _flat(source.url) in sources for source in read_sources())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_workshop_chapter_carries_its_run_sheet_and_unplugged_version(printed: dict[str, Path],
                                                                              language: str) -> None:
    guides = load_guides()
    book = _flat(" ".join(_pages(printed[language] / f"{text('guide.book_file', language)}.pdf")))
    for stem in guides.workshops:
        front = guides.files[language][stem].front
        assert _flat(front["key_points"][-1]) in book and _flat(front["objectives"][0]) in book
    assert book.count(_flat(guides.book.section("unplugged", language))) >= 2 * len(guides.workshops)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_handouts_are_one_sheet_per_workshop_then_the_letter(printed: dict[str, Path], language: str) -> None:
    """Each workshop's sheet is one page, and its back ("10 minutes on your real phone") one page: printed
    double-sided, a teen takes home one sheet per workshop."""
    guides = load_guides()
    pages = _pages(printed[language] / f"{text('guide.handouts_file', language)}.pdf")
    assert len(pages) == 2 * len(guides.workshops) + 1
    (phone,) = guides.after_each_workshop(language)
    for front, back, stem in zip(pages[0::2], pages[1::2], guides.workshops):
        assert guides.files[language][stem].front["title"] in front
        assert "3" in front and "actions" in front.lower()
        assert _flat(phone.front["title"]) in _flat(back) and "exodus-privacy.eu.org" in _flat(back)
    letter = pages[-1]
    assert text("consentement.letter.any_app", language) in letter and "15" in letter  # GDPR article 15


def test_the_html_book_is_one_self_contained_page(printed: dict[str, Path]) -> None:
    page = (printed["fr"] / f"{text('guide.book_file', 'fr')}.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "the printed guide must fetch nothing"
    assert '<a href="#02_consentement">' in page  # the contents link into the page
    assert "<style>" in page and "@page" in page


def test_no_browser_is_an_error_with_the_fix_and_nothing_written(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kit", "guide", "--out", str(tmp_path / "out")],
                            env={"PATH": "/nonexistent", "DATATRAIL_BROWSER": "", "HOME": str(tmp_path)},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert "Chromium, Google Chrome, Microsoft Edge" in result.stderr and "DATATRAIL_BROWSER" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_a_browser_that_fails_leaves_no_half_written_guide(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "kit", "guide", "--out", str(out)],
                            env={"PATH": "/usr/bin:/bin", "DATATRAIL_BROWSER": "/bin/false"}, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 2 and "/bin/false" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and [path.name for path in tmp_path.iterdir()] == []
