"""The city crowd: operator-style records (antenna + time) that workshops and educators rely on."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine.crowd import crowd_pings
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def crowd(nantes: Scenario) -> pd.DataFrame:
    return crowd_pings(nantes, np.random.default_rng(5), residents=300)


def test_columns_order_and_sorting(crowd: pd.DataFrame) -> None:
    assert list(crowd.columns) == ["person_id", "timestamp", "lat", "lon", "cell_id"]
    assert crowd.equals(crowd.sort_values(["person_id", "timestamp"], kind="stable"))


def test_positions_are_antenna_centres_inside_the_city(crowd: pd.DataFrame, nantes: Scenario) -> None:
    bounds = nantes.meta.city.bounds
    assert crowd["lat"].between(bounds.south, bounds.north + 0.02).all()
    assert crowd["lon"].between(bounds.west, bounds.east + 0.02).all()
    # One position per antenna: every ping in a cell has the same coordinates.
    assert (crowd.groupby("cell_id")[["lat", "lon"]].nunique() == 1).all().all()


def test_residents_option_and_pings_per_day(crowd: pd.DataFrame, nantes: Scenario) -> None:
    assert crowd["person_id"].nunique() == 300
    per_day = len(crowd) / 300 / nantes.meta.period.days
    assert per_day == pytest.approx(nantes.crowd.pings_per_day, rel=0.05)


def test_nights_are_spent_at_home(crowd: pd.DataFrame) -> None:
    night = crowd[crowd["timestamp"].dt.hour.isin([23, 0, 1, 2, 3, 4])]
    cells_per_person = night.groupby("person_id")["cell_id"].nunique()
    assert (cells_per_person == 1).mean() > 0.95


def test_same_seed_same_crowd_other_seed_other_crowd(nantes: Scenario, crowd: pd.DataFrame) -> None:
    assert crowd.equals(crowd_pings(nantes, np.random.default_rng(5), residents=300))
    assert not crowd.equals(crowd_pings(nantes, np.random.default_rng(6), residents=300))
