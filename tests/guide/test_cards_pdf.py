"""`datatrail cards` prints every workshop's cards and the answer keys as PDFs, read back page by page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from kit.i18n import text
from kit.workshops import available_workshops

#: The cards are printed by Chromium, as `datatrail cards` prints them.
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cards_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cards")
    result = subprocess.run([sys.executable, "-m", "kit", "cards", "--lang", "en"], cwd=folder, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    return folder / text("cards.folder", "en")


def test_one_pdf_per_workshop_and_one_answer_key(cards_folder: Path) -> None:
    pdfs = sorted(path.name for path in cards_folder.glob("*.pdf"))
    assert pdfs == sorted([*(f"{stem}.pdf" for stem in available_workshops()), f"{text('cards.answers_file', 'en')}.pdf"])
    for pdf in cards_folder.glob("*.pdf"):
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        assert all(tuple(round(float(side)) for side in page.mediabox[2:]) == (595, 842) for page in reader.pages)


def test_the_cards_say_how_to_print_them_and_carry_the_scenario_data(cards_folder: Path, card_data) -> None:
    for stem in available_workshops():
        first = PdfReader(cards_folder / f"{stem}.pdf").pages[0].extract_text()
        assert text("cards.cut", "en")[:30] in " ".join(first.split()), stem
    apps = set(card_data.tables["apps"]["name"])
    charter = " ".join(page.extract_text() for page in PdfReader(cards_folder / "06_charte.pdf").pages)
    assert sum(app in charter for app in apps) >= len(apps) // 2


def test_the_answer_keys_are_kept_apart_with_a_warning(cards_folder: Path) -> None:
    reader = PdfReader(cards_folder / f"{text('cards.answers_file', 'en')}.pdf")
    everything = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "do not hand out" in everything
    for stem in available_workshops():
        assert " ".join(text(f"workshop.{stem}.title", "en").split()) in " ".join(everything.split())


def test_one_workshop_only_and_a_folder_that_is_not_ours_is_kept(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes")
    refused = subprocess.run([sys.executable, "-m", "kit", "cards", "--out", str(mine)], capture_output=True,
                             text=True, check=False)
    assert refused.returncode == 2 and "--out" in refused.stderr and (mine / "notes.txt").read_text() == "my notes"
    out = tmp_path / "cartes"
    done = subprocess.run([sys.executable, "-m", "kit", "cards", "--workshop", "04_anonymat", "--out", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in out.glob("*.pdf")) == ["04_anonymat.pdf", "corriges.pdf"]
