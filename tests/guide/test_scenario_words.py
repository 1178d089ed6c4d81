"""The guide speaks the scenario's law: Nantes' book names the CNIL, 15 ans and the 3018; Montréal's the
Commission d'accès à l'information, 14 ans and Québec's helplines. Every word resolves, in every scenario and
language (like Faker's per-locale checks), and a word that does not exist is found on its line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.guide import load_guides
from kit.guide.markdown import render
from kit.guide.sources import guides_root
from kit.guide.words import LAW_PREFIX, scenario_words
from kit.i18n import LANGUAGES, catalog
from kit.scenario import available_scenarios


def _book_text(scenario: str, language: str) -> str:
    """What the printed book says: every part's front matter and rendered body, tags removed."""
    guides = load_guides(scenario=scenario)
    parts = [f"{guide.front}\n{render(guide)}" for guide in guides.parts(language)]
    return re.sub(r"<[^>]+>", " ", "\n".join(parts))


@pytest.mark.parametrize("scenario", available_scenarios())
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_resolves_to_plain_single_line_text(scenario: str, language: str) -> None:
    words = scenario_words(scenario).by_language[language]
    assert {key for key in catalog(language) if key.startswith(LAW_PREFIX)} < set(words)
    for key, word in words.items():
        assert word and word.strip() == word and "\n" not in word and "{" not in word, key
        assert not re.search(r"\s{2}", word), key
    text = _book_text(scenario, language)
    assert "{{" not in text and "}}" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_montreal_s_book_speaks_quebec_s_law(language: str) -> None:
    text = _book_text("montreal", language)
    age = "14 ans" if language == "fr" else "under 14"
    for said in ("Commission d'accès à l'information", age, "Tel-jeunes", "Jeunesse, J'écoute", "Cyberaide.ca",
                 "datasets/scenarios/montreal/scenario.yaml", "COPPA"):
        assert said in text, said
    for unsaid in ("CNIL", "3018", "15 ans", "under 15", "datasets/scenarios/nantes"):
        assert unsaid not in text, unsaid


@pytest.mark.parametrize("language", LANGUAGES)
def test_nantes_s_book_speaks_france_s_law(language: str) -> None:
    text = _book_text("nantes", language)
    age = "15 ans" if language == "fr" else "under 15"
    for said in ("CNIL", "3018", age, "article 45", "datasets/scenarios/nantes/scenario.yaml", "COPPA"):
        assert said in text, said
    for unsaid in ("Commission d'accès à l'information", "Tel-jeunes", "Cyberaide", "14 ans", "under 14"):
        assert unsaid not in text, unsaid


def test_an_unknown_word_is_found_with_its_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "facilitator_guide"
    shutil.copytree(guides_root(), root)
    path = root / "fr" / "04_anonymat.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{{law.access_deadline}}", "{{law.deadline}}", 1), encoding="utf-8")
    line = next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if "{{law.deadline}}" in line)
    with pytest.raises(KitError) as raised:
        load_guides(root)
    problems = [problem.format() for problem in raised.value.problems]
    assert any(f"{path}, ligne {line}" in problem and "law.deadline" in problem and "law.access_deadline" in problem
               for problem in problems), problems


def test_datatrail_guide_check_with_montreal_says_valid(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kit", "guide", "--scenario", "montreal", "--check"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "valide / valid" in result.stdout and "montreal" in result.stdout and not any(tmp_path.iterdir())


def test_a_law_word_reworded_in_one_language_only_is_named_in_the_scenario(tmp_path: Path) -> None:
    source = Path(scenario_words("montreal").scenario).read_text(encoding="utf-8")
    english = next(line for line in source.splitlines() if line.startswith('    en: "**Give them Québec'))
    path = tmp_path / "scenario.yaml"
    path.write_text(source.replace(english + "\n", ""), encoding="utf-8")
    with pytest.raises(KitError) as raised:
        load_guides(scenario=path)
    problems = [problem.format() for problem in raised.value.problems]
    assert any(str(path) in problem and "texts.law.helplines" in problem and "en" in problem
               for problem in problems), problems
