"""The "Devine où j'habite" card, driven as a teen would: pick a neighbourhood, press, read the reveal."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.analysis.home import in_window
from kit.scenario.model import Scenario
from kit.widgets.guess import GuessCard


def _trail(nantes: Scenario, *, with_pings: bool = True) -> dict[str, pd.DataFrame]:
    """A teen of Bellevue at the Collège de la Butte: every night at home, weekday mornings at school."""
    home, school = nantes.place("bellevue"), nantes.place("college_chantenay")
    persona = pd.DataFrame({"person_id": ["moi"], "pseudonym": ["lune42"], "home_place_id": [home.id],
                            "school_place_id": [school.id], "home_lat": [home.lat + 0.002],
                            "home_lon": [home.lon]})
    nights = pd.date_range("2026-03-16 23:00", periods=20, freq="D")
    lessons = pd.bdate_range("2026-03-16", periods=10) + pd.Timedelta(hours=10)
    pings = pd.DataFrame({"person_id": "moi", "timestamp": nights.append(lessons),
                          "lat": [home.lat + 0.002] * 20 + [school.lat] * 10,
                          "lon": [home.lon] * 20 + [school.lon] * 10})
    return {"personas": persona, "location_pings": pings if with_pings else pings.iloc[:0]}


@pytest.fixture
def card(nantes: Scenario) -> GuessCard:
    return GuessCard(_trail(nantes), nantes, language="fr")


def test_the_button_waits_for_a_guess(card: GuessCard) -> None:
    assert card.check.disabled and card.check.description == "Vérifier"
    card.guess.value = "doulon"
    assert not card.check.disabled


def test_the_map_shows_the_night_and_school_locations_before_the_guess_and_nothing_the_kit_found(
        card: GuessCard) -> None:
    shown = {trace.name for trace in card.figure.data}
    assert {"Position enregistrée la nuit", "Position enregistrée pendant les cours"} <= shown
    assert not {"Domicile deviné par le kit", "Vrai domicile"} & shown
    assert "ronds orange" in card.question.value and card.answer.value == ""
    card.guess.value = "doulon"
    card.check.click()
    assert {"Domicile deviné par le kit", "Vrai domicile"} <= {trace.name for trace in card.figure.data}


def test_a_language_switch_before_the_guess_relabels_the_map_without_revealing(card: GuessCard) -> None:
    card.relabel("en")
    assert card.figure.layout.title.text == "The city of Nantes" and card.answer.value == ""
    assert "Real home" not in {trace.name for trace in card.figure.data}


def test_the_dropdown_lists_the_neighbourhoods_by_name(card: GuessCard, nantes: Scenario) -> None:
    assert card.guess.options == tuple((place.name, place.id) for place in nantes.places_of_kind("neighbourhood"))


def test_a_wrong_guess_reveals_the_right_neighbourhood_and_how_sure_the_kit_is(card: GuessCard) -> None:
    card.guess.value = "doulon"
    card.check.click()
    wrong = "Pas tout à fait : ton double habite dans le quartier Bellevue, pas dans le quartier Doulon"
    assert wrong in card.answer.value
    assert "Le kit pense que ton double habite dans le quartier Bellevue. Il en est sûr à 100 %" in card.answer.value
    assert "20 positions de nuit" in card.answer.value
    assert "Le kit a trouvé le bon quartier" in card.answer.value
    assert "Collège de la Butte (sûr à 100 %)" in card.answer.value
    assert "Carte de Nantes" in card.map_text.value and card.figure is not None


def test_a_right_guess_is_praised(card: GuessCard) -> None:
    card.guess.value = "bellevue"
    card.check.click()
    assert "Bravo, tu as deviné juste" in card.answer.value


def test_relabelling_changes_every_word_including_the_reveal_and_keeps_the_guess(nantes: Scenario) -> None:
    card = GuessCard(_trail(nantes), nantes, language="fr")
    card.guess.value = "bellevue"
    card.check.click()
    card.relabel("en")
    assert card.guess.value == "bellevue"
    assert card.check.description == "Check" and card.guess.description == "Neighbourhood"
    assert "Where do you think your double lives?" in card.question.value
    assert "Well done, you guessed right" in card.answer.value and "100% sure" in card.answer.value
    assert card.figure.layout.title.text == "The city of Nantes"


def test_the_revealed_map_uses_no_geo_traces_nor_map_settings(card: GuessCard) -> None:
    card.guess.value = "bellevue"
    card.check.click()
    assert {trace.type for trace in card.figure.data} == {"scatter"}
    layout = card.figure.to_dict()["layout"]
    layout.pop("template")
    assert not {"geo", "mapbox", "map", "images"} & set(layout)
    assert "Domicile deviné par le kit" in {trace.name for trace in card.figure.data}


def test_without_locations_the_kit_says_it_cannot_guess(nantes: Scenario) -> None:
    card = GuessCard(_trail(nantes, with_pings=False), nantes, language="fr")
    card.guess.value = "bellevue"
    card.check.click()
    assert "aucune position enregistrée la nuit" in card.answer.value
    assert "Bravo" in card.answer.value and "Le kit pense" not in card.answer.value


def test_names_are_shown_as_text(nantes: Scenario) -> None:
    places = tuple(dataclasses.replace(place, name="<b>Bellevue</b>") if place.id == "bellevue" else place
                   for place in nantes.places)
    scenario = dataclasses.replace(nantes, places=places)
    card = GuessCard(_trail(scenario), scenario, language="fr")
    card.guess.value = "bellevue"
    card.check.click()
    assert "<b>Bellevue" not in card.answer.value and html.escape("<b>Bellevue</b>") in card.answer.value


def test_nothing_is_written_to_disk(card: GuessCard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    card.guess.value = "doulon"
    card.check.click()
    assert list(tmp_path.iterdir()) == []


def test_a_generated_trail_reveals_its_true_neighbourhood(nantes: Scenario) -> None:
    trails = (kit.trail(pseudonym) for pseudonym in ("lune42", "soleil7", "camille"))
    trail = next(trail for trail in trails if len(in_window(trail["location_pings"], "home")) >= 20)
    truth = nantes.place(trail["personas"].iloc[0]["home_place_id"])
    card = GuessCard(trail, nantes, language="fr")
    card.guess.value = next(place.id for place in nantes.places_of_kind("neighbourhood") if place.id != truth.id)
    card.check.click()
    assert f"ton double habite dans le quartier {html.escape(truth.name)}, pas" in card.answer.value
    assert f"Le kit pense que ton double habite dans le quartier {html.escape(truth.name)}." in card.answer.value
