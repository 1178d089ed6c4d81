"""Inferring home and school from location pings: hand-made trails with a known answer, then real ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kit
from kit.analysis.home import (
    _CELL_M,
    error_m,
    in_window,
    infer_places,
    nearest_place,
    pings_enough,
)
from kit.engine.places import METRES_PER_DEGREE, distance_m
from kit.scenario.model import Scenario

HOME = (47.2085, -1.611)
SCHOOL = (47.204, -1.583)
ELSEWHERE = (47.256, -1.525)
MONDAY = "2026-03-16"


def _pings(rows: list[tuple[str, tuple[float, float]]]) -> pd.DataFrame:
    return pd.DataFrame({"timestamp": pd.to_datetime([when for when, _ in rows]),
                         "lat": [where[0] for _, where in rows], "lon": [where[1] for _, where in rows]})


def _nudged(where: tuple[float, float], metres_north: float) -> tuple[float, float]:
    return where[0] + metres_north / METRES_PER_DEGREE, where[1]


def _row(inferred: pd.DataFrame, kind: str) -> pd.Series:
    return inferred.set_index("kind").loc[kind]


NIGHTS = [(f"2026-03-{16 + day} 23:{10 + day}", _nudged(HOME, 10 * day - 30)) for day in range(8)]
LESSONS = [(f"2026-03-{16 + day} 10:30", _nudged(SCHOOL, 5 * day)) for day in range(5)]


def test_nights_give_home_and_weekday_lessons_give_school() -> None:
    inferred = infer_places(_pings(NIGHTS + [("2026-03-18 02:00", ELSEWHERE), ("2026-03-19 03:00", ELSEWHERE)]
                                   + LESSONS))
    assert inferred["kind"].tolist() == ["home", "school"]
    home, school = _row(inferred, "home"), _row(inferred, "school")
    assert distance_m(home["lat"], home["lon"], *HOME) < 10
    assert distance_m(school["lat"], school["lon"], *SCHOOL) < 15
    assert (home["pings"], home["share"]) == (8, pytest.approx(0.8))
    assert (school["pings"], school["share"]) == (5, 1.0)


def test_only_the_time_windows_count() -> None:
    # A whole weekend day and evening elsewhere must not move home or school.
    weekend = [(f"2026-03-21 {hour:02d}:00", ELSEWHERE) for hour in range(9, 22)]
    edges = [(f"{MONDAY} 21:59", ELSEWHERE), (f"{MONDAY} 06:00", ELSEWHERE), (f"{MONDAY} 12:30", ELSEWHERE),
             (f"{MONDAY} 16:00", ELSEWHERE), (f"{MONDAY} 08:59", ELSEWHERE)]
    pings = _pings(NIGHTS + LESSONS + weekend + edges)
    assert len(in_window(pings, "home")) == len(NIGHTS)
    assert len(in_window(pings, "school")) == len(LESSONS)
    inferred = infer_places(pings)
    assert inferred["share"].tolist() == [1.0, 1.0]
    assert _row(inferred, "home")["lat"] == pytest.approx(HOME[0], abs=1e-3)


def test_a_cluster_cut_by_a_grid_line_is_still_sure() -> None:
    # Half the pings just south of a square's edge, half just north: one place, so share 1.
    edge = np.ceil(HOME[0] / (_CELL_M / METRES_PER_DEGREE)) * _CELL_M / METRES_PER_DEGREE
    rows = [(f"2026-03-{16 + day} 01:00", (edge + (-1) ** day * 20 / METRES_PER_DEGREE, HOME[1])) for day in range(10)]
    home = _row(infer_places(_pings(rows)), "home")
    assert (home["pings"], home["share"]) == (10, 1.0)


def test_no_pings_means_no_guess_and_no_certainty() -> None:
    empty = _pings([])
    inferred = infer_places(empty)
    assert inferred["kind"].tolist() == ["home", "school"]
    assert inferred[["lat", "lon"]].isna().all().all()
    assert inferred["pings"].tolist() == [0, 0] and inferred["share"].tolist() == [0.0, 0.0]
    only_days = infer_places(_pings(LESSONS))
    assert np.isnan(_row(only_days, "home")["lat"]) and _row(only_days, "school")["share"] == 1.0
    assert pings_enough(empty) == 0


def test_pings_enough_counts_until_the_guess_stops_changing() -> None:
    # Three nights at a friend's first: the guess is wrong until home has more pings (the 7th).
    away = [(f"2026-03-{16 + day} 23:00", ELSEWHERE) for day in range(3)]
    home = [(f"2026-03-{19 + day} 23:00", HOME) for day in range(10)]
    assert pings_enough(_pings(away + home)) == 7
    later = [(f"2026-03-{29 + day} 23:00", ELSEWHERE) for day in range(3)]
    assert pings_enough(_pings(home + later)) == 1


def test_nearest_place_and_error(nantes: Scenario) -> None:
    bellevue = nantes.place("bellevue")
    assert nearest_place(nantes, bellevue.lat + 0.001, bellevue.lon).id == "bellevue"
    assert nearest_place(nantes, *SCHOOL, kinds=("school",)).id == "college_chantenay"
    with pytest.raises(ValueError):
        nearest_place(nantes, np.nan, np.nan)
    persona = pd.Series({"home_lat": HOME[0], "home_lon": HOME[1], "school_place_id": "college_chantenay"})
    errors = error_m(infer_places(_pings(NIGHTS + LESSONS)), persona, nantes)
    assert errors["home"] < 10 and errors["school"] < 15
    assert error_m(infer_places(_pings([])), persona, nantes).isna().all()


@pytest.fixture(scope="module")
def located_trails() -> list[dict[str, pd.DataFrame]]:
    """Trails of teens whose apps record locations at night (most teens have one: weather, social)."""
    trails = [kit.trail(pseudonym) for pseudonym in ("lune42", "soleil7", "camille", "zed")]
    located = [trail for trail in trails if len(in_window(trail["location_pings"], "home")) >= 20]
    assert len(located) >= 2, "the default scenario should give most teens a location app"
    return located


def test_a_generated_trail_gives_away_home_and_its_neighbourhood(located_trails: list, nantes: Scenario) -> None:
    for trail in located_trails:
        persona = trail["personas"].iloc[0]
        inferred = infer_places(trail["location_pings"])
        assert error_m(inferred, persona, nantes)["home"] < 500
        home = _row(inferred, "home")
        assert nearest_place(nantes, home["lat"], home["lon"]).id == persona["home_place_id"]
        assert inferred["share"].between(0, 1).all() and home["share"] > 0.5
        assert 1 <= pings_enough(trail["location_pings"]) <= home["pings"]


def test_a_trail_without_locations_gives_nothing_away(located_trails: list) -> None:
    inferred = infer_places(located_trails[0]["location_pings"].iloc[:0])
    assert inferred["share"].tolist() == [0.0, 0.0] and inferred["lat"].isna().all()
