"""A scenario rewords the kit's messages for its city (`texts:`): checked like the rest of the file, and
shown in the workshops of a session on that scenario only."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.errors import KitError
from kit.i18n import text, use_scenario_texts
from kit.scenario import load_scenario, resolve_scenario
from kit.workshops.cantine import Cantine


@pytest.fixture(autouse=True)
def _kit_words_afterwards():
    yield
    use_scenario_texts({})


def _with_texts(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(resolve_scenario("nantes").read_text(encoding="utf-8") + "\ntexts:\n" + block, encoding="utf-8")
    return path


def _line(path: Path, fragment: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if fragment in line)


def test_montreal_says_cafeteria_and_nantes_still_says_canteen() -> None:
    montreal = Cantine("montreal")
    assert montreal.scenario.texts and text("workshop.05_cantine.title", "fr") == "Combien à la cafétéria ?"
    assert "Commission d'accès à l'information" in text("consentement.letter.deadline", "fr")
    assert text("workshop.05_cantine.title", "en") == "How many at the cafeteria?"
    Cantine("nantes")
    assert text("workshop.05_cantine.title", "fr") == "Combien à la cantine ?"
    assert "CNIL" in text("consentement.letter.deadline", "fr")


def test_an_unknown_message_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _with_texts(tmp_path, '  cantine.nope: {fr: "x", en: "y"}\n')
    with pytest.raises(KitError) as raised:
        load_scenario(path)
    (problem,) = raised.value.problems
    assert problem.field == "texts.cantine.nope" and problem.line == _line(path, "cantine.nope")


def test_a_rewording_must_keep_the_placeholders(tmp_path: Path) -> None:
    path = _with_texts(tmp_path, '  citymap.summary: {fr: "Carte de {ville}", en: "Map of {city}: {schools}"}\n')
    with pytest.raises(KitError) as raised:
        load_scenario(path)
    fields = sorted(problem.field for problem in raised.value.problems)
    assert fields == ["texts.citymap.summary.en", "texts.citymap.summary.fr"]
    assert all("neighbourhoods" in problem.expected for problem in raised.value.problems)


def test_a_language_the_scenario_does_not_have_is_refused(tmp_path: Path) -> None:
    path = _with_texts(tmp_path, '  workshop.05_cantine.title: {fr: "A", en: "B", de: "C"}\n')
    with pytest.raises(KitError) as raised:
        load_scenario(path)
    assert any(problem.field == "texts.workshop.05_cantine.title.de" for problem in raised.value.problems)
