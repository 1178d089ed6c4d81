"""The notebook-facing API: `kit.load` for the class and city, `kit.trail` for a teen's own trail."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.engine.package import table_names
from kit.errors import KitError
from kit.page_env import SCENARIO_VARIABLE
from kit.scenario import load_scenario, resolve_scenario
from kit.serve import voila_environment


def test_load_gives_every_table_and_edits_do_not_leak_into_the_next_load() -> None:
    tables = kit.load()
    assert tuple(tables) == table_names()
    assert len(tables["personas"]) == 30 and tables["crowd_pings"]["person_id"].nunique() == 2000
    tables["personas"]["age"] = 99
    assert (kit.load()["personas"]["age"] <= 17).all()


def test_a_pseudonym_always_gives_the_same_trail_and_another_one_another_trail() -> None:
    first = kit.trail("Lune42", habits=["music"])
    again = kit.trail("  lune42 ", habits=["music"])
    other = kit.trail("soleil7", habits=["music"])
    pd.testing.assert_frame_equal(first["location_pings"], again["location_pings"])
    assert not first["location_pings"].equals(other["location_pings"])
    assert first["personas"].loc[0, "pseudonym"] == "Lune42"
    assert first["personas"].loc[0, "habits"] == "music"
    assert (first["app_sessions"]["person_id"] == "moi").all()


def test_habits_and_age_chosen_by_the_teen_shape_the_trail() -> None:
    sporty = kit.trail("camille", habits=["sporty"], age=14)
    assert sporty["personas"].loc[0, "age"] == 14
    visits = sporty["location_pings"]["place_id"]
    assert visits.isin([place.id for place in kit.scenario.load_scenario().places_of_kind("sports")]).any()


def test_an_unknown_habit_is_a_clear_error() -> None:
    with pytest.raises(KitError, match="habits"):
        kit.trail("camille", habits=["astronaut"])


def test_a_trail_writes_nothing_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    kit.trail("personne_ne_le_saura", habits=["gamer"])
    assert list(os.scandir(tmp_path)) == []


def test_in_a_room_served_on_another_city_load_and_trail_give_that_citys_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook in a room started with `datatrail serve --scenario montreal` reads Montréal, not Nantes."""
    room = voila_environment("http://127.0.0.1:8866/voila/render/accueil.ipynb?token=abc234",
                             scenario=resolve_scenario("montreal"))
    monkeypatch.setenv(SCENARIO_VARIABLE, room[SCENARIO_VARIABLE])
    montreal = {place.id for place in load_scenario("montreal").places}
    nantes_only = {place.id for place in load_scenario("nantes").places} - montreal
    assert set(kit.load()["places"]["place_id"]) == montreal
    teen = kit.trail("x")
    visited = set(teen["location_pings"]["place_id"].dropna())
    assert visited and visited <= montreal and not visited & nantes_only
    assert teen["personas"].loc[0, "home_place_id"] in montreal
