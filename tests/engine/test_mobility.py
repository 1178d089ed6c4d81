"""Stays (the truth) and location pings (what apps record)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine import apps, mobility, people
from kit.engine.clock import MINUTES_PER_DAY
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def trail(nantes: Scenario) -> dict[str, pd.DataFrame]:
    class_ = people.personas(nantes, np.random.default_rng(1))
    stays = mobility.stays(nantes, class_, np.random.default_rng(2))
    sessions = apps.app_sessions(nantes, class_, stays, np.random.default_rng(3))
    pings = mobility.location_pings(nantes, class_, stays, sessions, np.random.default_rng(4))
    return {"personas": class_, "stays": stays, "sessions": sessions, "pings": pings}


def test_stays_cover_the_whole_period_without_gaps(trail: dict, nantes: Scenario) -> None:
    stays = trail["stays"]
    for _, own in stays.groupby("person_id"):
        assert own["start"].iloc[0] == 0 and own["end"].iloc[-1] == nantes.meta.period.days * MINUTES_PER_DAY
        assert (own["start"].to_numpy()[1:] == own["end"].to_numpy()[:-1]).all()


def test_teens_sleep_at_home_and_are_at_school_on_school_mornings(trail: dict) -> None:
    people_ids = trail["personas"]["person_id"].to_numpy()
    night = mobility.where_at(trail["stays"], people_ids, np.full(people_ids.size, 3 * 60))
    assert (night["activity"] == "home").all()
    monday_ten = mobility.where_at(trail["stays"], people_ids, np.full(people_ids.size, 10 * 60))
    assert (monday_ten["place_id"].to_numpy() == trail["personas"]["school_place_id"].to_numpy()).all()
    sunday_ten = mobility.where_at(trail["stays"], people_ids, np.full(people_ids.size, 6 * MINUTES_PER_DAY + 600))
    assert (sunday_ten["activity"] != "school").all()


def test_habits_take_teens_to_their_places(trail: dict, nantes: Scenario) -> None:
    visits = trail["stays"][trail["stays"]["activity"] == "visit"]
    kinds = visits["place_id"].map({place.id: place.kind for place in nantes.places})
    sporty = trail["personas"].loc[trail["personas"]["habits"].str.contains("sporty"), "person_id"]
    share_sporty = (kinds[visits["person_id"].isin(sporty)] == "sports").mean()
    share_others = (kinds[~visits["person_id"].isin(sporty)] == "sports").mean()
    assert share_sporty > 2 * share_others


def test_pings_come_only_from_apps_allowed_to_locate(trail: dict, nantes: Scenario) -> None:
    pings = trail["pings"]
    assert list(pings.columns[:5]) == ["person_id", "timestamp", "lat", "lon", "source_app"]
    allowed = {app.id for app in nantes.apps if {"location", "background_location"} & set(app.permissions)}
    assert set(pings["source_app"]) <= allowed
    assert pings.equals(pings.sort_values(["person_id", "timestamp", "source_app"], kind="stable"))


def test_pings_are_near_where_the_teen_really_was(trail: dict, nantes: Scenario) -> None:
    pings = trail["pings"]
    places = {place.id: place for place in nantes.places}
    homes = trail["personas"].set_index("home_place_id")
    not_home = ~pings["place_id"].isin(homes.index)
    lat = pings.loc[not_home, "place_id"].map(lambda place: places[place].lat)
    assert (abs(pings.loc[not_home, "lat"] - lat) < 0.01).mean() > 0.99
