"""The city crowd: operator-style records (antenna + time) that workshops and educators rely on."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine.clock import day_kinds
from kit.engine.crowd import crowd_pings
from kit.scenario.model import Scenario

RESIDENTS = 300


@pytest.fixture(scope="module")
def crowd(nantes: Scenario) -> pd.DataFrame:
    return crowd_pings(nantes, np.random.default_rng(5), residents=RESIDENTS)


def test_columns_types_and_order(crowd: pd.DataFrame) -> None:
    assert list(crowd.columns) == ["person_id", "timestamp", "lat", "lon", "cell_id"]
    assert crowd["timestamp"].dtype == "datetime64[s]"
    assert (crowd["timestamp"].dt.second == 0).all()
    assert crowd["lat"].dtype == crowd["lon"].dtype == np.float64
    assert crowd["person_id"].map(type).eq(str).all() and crowd["cell_id"].map(type).eq(str).all()


def test_sorted_by_person_then_time(crowd: pd.DataFrame) -> None:
    assert crowd.equals(crowd.sort_values(["person_id", "timestamp"], kind="stable", ignore_index=True))


def test_positions_are_antenna_centres_inside_the_city(crowd: pd.DataFrame, nantes: Scenario) -> None:
    bounds = nantes.meta.city.bounds
    assert crowd["lat"].between(bounds.south, bounds.north).all()
    assert crowd["lon"].between(bounds.west, bounds.east).all()
    assert crowd["lat"].equals(crowd["lat"].round(5)) and crowd["lon"].equals(crowd["lon"].round(5))
    # One antenna, one position, and the other way round.
    antennas = crowd[["cell_id", "lat", "lon"]].drop_duplicates()
    assert antennas["cell_id"].is_unique and not antennas.duplicated(["lat", "lon"]).any()


def test_residents_option_names_everyone(crowd: pd.DataFrame) -> None:
    assert crowd["person_id"].unique().tolist() == [f"c{number:03d}" for number in range(1, RESIDENTS + 1)]


def test_phones_show_up_pings_per_day_on_average(crowd: pd.DataFrame, nantes: Scenario) -> None:
    per_day = len(crowd) / RESIDENTS / nantes.meta.period.days
    assert per_day == pytest.approx(nantes.crowd.pings_per_day, rel=0.03)


def test_nights_are_spent_at_home(crowd: pd.DataFrame) -> None:
    night = crowd[crowd["timestamp"].dt.hour.isin([23, 0, 1, 2, 3, 4, 5, 6])]
    assert (night.groupby("person_id")["cell_id"].nunique() == 1).all()


def test_commuters_spend_working_hours_at_one_place(crowd: pd.DataFrame, nantes: Scenario) -> None:
    """The operator can tell who works where: on working days from 10 to 16, about `commuter_share` of
    residents are seen almost always under one antenna that is not their night-time one (a few less:
    some work next door)."""
    hour = crowd["timestamp"].dt.hour
    days = day_kinds(nantes.meta.period).set_index("date")
    working = (~(days["weekend"] | days["public_holiday"]))[crowd["timestamp"].dt.normalize()].to_numpy()
    home = crowd[hour < 6].groupby("person_id")["cell_id"].agg(lambda cells: cells.mode()[0])
    daytime = crowd[working & hour.between(10, 15)].groupby("person_id")["cell_id"]
    usual = daytime.agg(lambda cells: cells.mode()[0])
    settled = daytime.agg(lambda cells: cells.value_counts(normalize=True).iloc[0]) >= 0.9
    away = (settled & (usual != home.reindex(usual.index))).mean()
    assert nantes.crowd.commuter_share - 0.15 <= away <= nantes.crowd.commuter_share + 0.08


def test_same_seed_same_crowd_other_seed_other_crowd(nantes: Scenario, crowd: pd.DataFrame) -> None:
    assert crowd.equals(crowd_pings(nantes, np.random.default_rng(5), residents=RESIDENTS))
    assert not crowd.equals(crowd_pings(nantes, np.random.default_rng(6), residents=RESIDENTS))
