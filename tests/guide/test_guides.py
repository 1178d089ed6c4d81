"""The guide checker on the kit's own guide, and on copies broken one way at a time: each problem is found
with its file and line, and with every other problem of the same run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.guide import load_guides
from kit.guide.sources import guides_root
from kit.i18n import LANGUAGES
from kit.workshops import available_workshops


def test_the_kit_guide_passes_and_covers_every_workshop_in_both_languages() -> None:
    guides = load_guides()
    assert guides.workshops == available_workshops() and len(guides.workshops) == 6
    for language in LANGUAGES:
        assert [guide.stem for guide in guides.parts(language)] == ["introduction", "preparer_la_salle",
                                                                     *available_workshops(), "plans_de_seance"]


def test_datatrail_guide_check_says_valid_and_writes_nothing(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kit", "guide", "--check"], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "valide / valid (6 ateliers" in result.stdout and not any(tmp_path.iterdir())


@pytest.fixture
def broken(tmp_path: Path) -> Callable[[str, str, str, str], Path]:
    """`broken(language, stem, old, new)`: a copy of the guide with one text replaced in one file."""
    root = tmp_path / "facilitator_guide"
    shutil.copytree(guides_root(), root)

    def edit(language: str, stem: str, old: str, new: str) -> Path:
        path = root / language / f"{stem}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}: the test no longer breaks anything"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return root

    return edit


def _problems(root: Path) -> list[str]:
    with pytest.raises(KitError) as raised:
        load_guides(root)
    return [problem.format() for problem in raised.value.problems]


def _line(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_run_sheet_minutes_that_do_not_add_up_are_found_on_their_table(broken) -> None:
    root = broken("fr", "04_anonymat", "| 12 | 1. Qui est-ce ?", "| 13 | 1. Qui est-ce ?")
    problems = _problems(root)
    path = root / "fr" / "04_anonymat.md"
    assert any(f"{path}, ligne {_line(path, '| 5 | Accueil')}" in problem and "= 51 min" in problem
               and "50 min" in problem for problem in problems), problems
    assert any("minutes" in problem and "en/04_anonymat.md" in problem for problem in problems), \
        "the English run sheet now differs from the French one"


def test_a_missing_front_matter_field_is_named(broken) -> None:
    root = broken("en", "02_consentement", 'preparation_min: 15\n', "")
    problems = _problems(root)
    assert any("en/02_consentement.md, ligne 2 — preparation_min" in problem for problem in problems), problems


def test_a_guide_without_a_workshop_and_a_workshop_without_a_guide(broken) -> None:
    root = broken("fr", "06_charte", "title:", "title:")
    (root / "fr" / "06_charte.md").rename(root / "fr" / "07_charte.md")
    problems = _problems(root)
    assert any("fr/06_charte.md" in problem and "fichier absent / missing" in problem for problem in problems)
    assert any("fr/07_charte.md" in problem and "workshops/07_charte.ipynb" in problem for problem in problems)


def test_a_link_to_a_missing_file_or_section_is_found_on_its_line(broken) -> None:
    root = broken("fr", "introduction", "](01_ma_journee.md)", "](01_ma_journe.md)")
    broken("en", "plans_de_seance", "](04_anonymat.md)", "](04_anonymat.md#nowhere)")
    problems = _problems(root)
    path = root / "fr" / "introduction.md"
    assert any(f"{path}, ligne {_line(path, '](01_ma_journe.md)')} — lien / link" in problem for problem in problems)
    assert any("04_anonymat.md#nowhere" in problem for problem in problems), problems


def test_french_and_english_guides_must_have_the_same_sections(broken) -> None:
    root = broken("en", "05_cantine", "\n## Debrief\n", "\n## Debrief\n\n## One more section\n")
    problems = _problems(root)
    assert any("en/05_cantine.md" in problem and "titres / headings" in problem for problem in problems), problems
    assert any("en/05_cantine.md" in problem and "## sections" in problem for problem in problems), problems


@pytest.mark.parametrize(("language", "old", "new"), [
    ("fr", "## 2. Qui me suit ?", "## 2. Qui nous suit ?"),
    ("en", "## 2. Qui me suit ? (Who is following me?)", "## 2. Qui me suit ? (Who follows me?)")])
def test_a_step_titled_otherwise_than_on_screen_is_found_with_the_screen_title(broken, language, old, new) -> None:
    problems = _problems(broken(language, "01_ma_journee", old, new))
    assert any(f"{language}/01_ma_journee.md" in problem and "## sections" in problem and old[3:] in problem
               and "kit/i18n/01_ma_journee" in problem for problem in problems), problems


def test_a_translated_block_name_is_refused(broken) -> None:
    root = broken("fr", "03_profilage", "### say", "### dire")
    assert any("### dire" in problem and "say, expected" in problem for problem in _problems(root))


def test_a_session_plan_whose_minutes_do_not_add_up_or_shorten_a_workshop(broken) -> None:
    path = guides_root() / "fr" / "plans_de_seance.md"
    row = next(line for line in path.read_text(encoding="utf-8").splitlines() if "](01_ma_journee.md)" in line
               and line.startswith("| 60 |"))
    root = broken("fr", "plans_de_seance", row, row.replace("| 60 |", "| 45 |", 1))
    problems = _problems(root)
    assert any("01_ma_journee" in problem and "45 min" in problem and "60 min" in problem for problem in problems)
    assert any("la durée annoncée / the stated duration" in problem for problem in problems), problems


def test_every_problem_of_a_run_is_reported_at_once(broken) -> None:
    root = broken("fr", "01_ma_journee", "### say", "### parler")
    broken("en", "06_charte", 'licence: "CC BY-SA 4.0"\n', "")
    problems = _problems(root)
    assert any("### parler" in problem for problem in problems) and any("licence" in problem for problem in problems)
