"""Canteen attendance: the patterns the forecasting workshop relies on."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from kit.engine.canteen import canteen_attendance
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def month(nantes: Scenario) -> pd.DataFrame:
    return canteen_attendance(nantes, np.random.default_rng(1))


@pytest.fixture(scope="module")
def year(nantes: Scenario) -> pd.DataFrame:
    """A long period, so that small menu effects stand out of the noise."""
    period = dataclasses.replace(nantes.meta.period, days=364, public_holidays=(), school_holidays=())
    strikes = tuple(date(2026, 3, 17) + timedelta(weeks=week) for week in range(0, 50, 5))
    longer = dataclasses.replace(nantes, meta=dataclasses.replace(nantes.meta, period=period),
                                 canteen=dataclasses.replace(nantes.canteen, strike_days=strikes))
    return canteen_attendance(longer, np.random.default_rng(2))


def test_columns_and_one_row_per_day_and_school(month: pd.DataFrame, nantes: Scenario) -> None:
    assert list(month.columns[:3]) == ["date", "school_place_id", "meals_served"]
    assert len(month) == nantes.meta.period.days * len(nantes.canteen.schools)
    assert not month.duplicated(["date", "school_place_id"]).any()


def test_closed_days_serve_nothing_and_open_days_serve_meals(month: pd.DataFrame) -> None:
    closed = month[~month["open"]]
    assert (closed["meals_served"] == 0).all()
    assert set(closed["weekday"]) >= {"saturday", "sunday"}
    assert not month.loc[month["date"] == "2026-04-06", "open"].any()  # Easter Monday
    assert (month.loc[month["open"], "meals_served"] > 0).all()


def test_wednesdays_are_quiet(year: pd.DataFrame) -> None:
    open_days = year[year["open"] & ~year["strike"]]
    by_day = open_days.groupby("weekday")["meals_served"].mean()
    assert by_day["wednesday"] < 0.6 * by_day.drop("wednesday").min()


def test_strike_days_dip(year: pd.DataFrame) -> None:
    open_days = year[year["open"]]
    strike = open_days[open_days["strike"]]["meals_served"].mean()
    normal = open_days[~open_days["strike"] & (open_days["weekday"] == "tuesday")]["meals_served"].mean()
    assert strike < 0.6 * normal
    assert (year.loc[year["strike"], "waste_kg"] > year.loc[~year["strike"] & year["open"], "waste_kg"].mean()).all()


def test_menus_move_attendance(year: pd.DataFrame) -> None:
    usual = year[year["open"] & ~year["strike"] & (year["weekday"] != "wednesday")]
    rate = (usual["meals_served"] / usual["enrolled"]).groupby(usual["menu"]).mean()
    assert rate["vegetarien"] < rate["standard"] < rate["frites_burger"]


def test_same_seed_same_month(month: pd.DataFrame, nantes: Scenario) -> None:
    pd.testing.assert_frame_equal(month, canteen_attendance(nantes, np.random.default_rng(1)))
    assert not month.equals(canteen_attendance(nantes, np.random.default_rng(9)))
