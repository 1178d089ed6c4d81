"""The Montréal scenario, made only through the scenario format: it validates, generates every table,
gives the same data twice, and keeps every place inside the city."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import kit
from kit.engine.package import table_names
from kit.engine.pipeline import generate
from kit.scenario import load_scenario
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def montreal() -> Scenario:
    return load_scenario("montreal")


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return kit.load("montreal")


def test_the_scenario_is_montreal_in_quebec_french_and_english(montreal: Scenario) -> None:
    assert montreal.meta.id == "montreal" and montreal.meta.city.name == "Montréal"
    assert montreal.meta.locale == "fr_CA" and montreal.meta.languages == ("fr", "en")
    assert any(app.name == "Carte OPUS" and app.usage == "transit_card" for app in montreal.apps)
    assert all(school.name.startswith("École secondaire") for school in montreal.places_of_kind("school"))


def test_every_table_is_generated_and_not_empty(tables: dict[str, pd.DataFrame]) -> None:
    assert tuple(tables) == tuple(table_names())
    assert [name for name, table in tables.items() if table.empty] == []


def test_two_generations_are_identical(montreal: Scenario, tables: dict[str, pd.DataFrame]) -> None:
    again = generate(montreal, seed=montreal.meta.seed)  # a fresh run: `kit.load` would give its cached copy
    assert [name for name in tables if not tables[name].equals(again[name])] == []


def test_every_place_and_home_is_inside_the_city(montreal: Scenario, tables: dict[str, pd.DataFrame]) -> None:
    bounds = montreal.meta.city.bounds
    assert [place.id for place in montreal.places if not bounds.contains(place.lat, place.lon)] == []
    personas = tables["personas"]
    assert all(bounds.contains(lat, lon) for lat, lon in zip(personas["home_lat"], personas["home_lon"]))


def test_secondary_school_ages_and_no_free_wednesday(montreal: Scenario, tables: dict[str, pd.DataFrame]) -> None:
    assert tables["personas"]["age"].between(12, 17).all()
    assert montreal.teens.school_day.short_days == ()
    served = tables["canteen_attendance"].query("open").groupby("weekday")["meals_served"].mean()
    assert served["wednesday"] > 0.8 * served.mean()


def test_datatrail_check_accepts_it() -> None:
    checked = subprocess.run([sys.executable, "-m", "kit", "check", "montreal"], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stderr
    assert "« montreal » valide / valid" in checked.stdout
