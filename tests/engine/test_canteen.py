"""Canteen attendance: the table's shape and the patterns the forecasting workshop relies on."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pandas as pd
import pytest

from kit.engine.canteen import canteen_attendance
from kit.engine.random import Stream, domain_rng
from kit.scenario.model import Scenario

COLUMNS = ["date", "school_place_id", "meals_served", "enrolled", "weekday", "open", "menu", "temp_c", "rain",
           "strike", "meals_prepared", "waste_kg"]
EASTER_MONDAY = date(2026, 4, 6)


@pytest.fixture(scope="module")
def month(nantes: Scenario) -> pd.DataFrame:
    """The month teens see: the default scenario with the pipeline's own random stream."""
    return canteen_attendance(nantes, domain_rng(nantes.meta.seed, Stream.CANTEEN))


@pytest.fixture(scope="module")
def long_run(nantes: Scenario) -> pd.DataFrame:
    """300 days of the default scenario, so that menu effects of a few points stand out of the noise."""
    period = dataclasses.replace(nantes.meta.period, days=300)
    longer = dataclasses.replace(nantes, meta=dataclasses.replace(nantes.meta, period=period))
    return canteen_attendance(longer, np.random.default_rng(2))


def _usual_days(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["open"] & ~table["strike"]]


def test_columns_order_types_and_one_row_per_day_and_school(month: pd.DataFrame, nantes: Scenario) -> None:
    assert list(month.columns) == COLUMNS
    assert month.equals(month.sort_values(["date", "school_place_id"], kind="stable"))
    pairs = pd.MultiIndex.from_frame(month[["date", "school_place_id"]])
    expected = pd.MultiIndex.from_product([pd.to_datetime(list(nantes.meta.period.dates)),
                                           sorted(school.place for school in nantes.canteen.schools)])
    assert pairs.equals(expected)
    for column in ("meals_served", "enrolled", "meals_prepared"):
        assert pd.api.types.is_integer_dtype(month[column]), column
    for column in ("open", "rain", "strike"):
        assert pd.api.types.is_bool_dtype(month[column]), column
    for column in ("temp_c", "waste_kg"):
        assert (month[column] == month[column].round(1)).all(), column


def test_weather_and_menu_are_the_same_for_every_school_on_a_day(month: pd.DataFrame) -> None:
    assert (month.groupby("date")[["temp_c", "rain", "menu", "strike"]].nunique() == 1).all().all()


def test_closed_days_serve_nothing_and_open_days_serve_meals(month: pd.DataFrame, nantes: Scenario) -> None:
    period = nantes.meta.period
    days = pd.Series(period.dates)
    weekend = days.map(date.weekday) >= 5
    holiday = days.isin(period.public_holidays + period.school_holidays)
    closed_dates = set(days[weekend | holiday])
    assert EASTER_MONDAY in closed_dates
    closed = ~month["open"]
    assert set(month.loc[closed, "date"].dt.date) == closed_dates
    assert (month.loc[closed, ["meals_served", "meals_prepared", "waste_kg"]] == 0).all().all()
    assert (month.loc[closed, "menu"] == "").all()
    assert (month.loc[~closed, "meals_served"] > 0).all()
    assert (month.loc[~closed, "menu"] != "").all()


def test_wednesdays_are_quiet(month: pd.DataFrame) -> None:
    by_weekday = _usual_days(month).groupby("weekday")["meals_served"].mean()
    assert set(by_weekday.index) == {"monday", "tuesday", "wednesday", "thursday", "friday"}
    assert by_weekday["wednesday"] < 0.5 * by_weekday.drop("wednesday").min()


def test_strike_days_dip_and_the_rule_of_thumb_wastes(month: pd.DataFrame) -> None:
    strike = month[month["strike"] & month["open"]]
    assert not strike.empty
    same_weekday = _usual_days(month)
    same_weekday = same_weekday[same_weekday["weekday"].isin(strike["weekday"])]
    usual = same_weekday.groupby("school_place_id")["meals_served"].mean()
    served = strike.set_index("school_place_id")["meals_served"]
    assert (served < 0.7 * usual[served.index]).all()
    worst_usual_waste = _usual_days(month).groupby("school_place_id")["waste_kg"].max()
    assert (strike.set_index("school_place_id")["waste_kg"] > worst_usual_waste[served.index]).all()


def test_vegetarian_and_fish_lower_attendance_and_burgers_raise_it(long_run: pd.DataFrame) -> None:
    usual = _usual_days(long_run)
    rate = usual["meals_served"] / usual["enrolled"]
    # Compare each day with the same school's usual rate for that weekday, so the weekday mix of a menu
    # does not pass for a menu effect.
    departure = rate - rate.groupby([usual["school_place_id"], usual["weekday"]]).transform("mean")
    by_menu = departure.groupby(usual["menu"]).mean()
    assert by_menu["vegetarien"] < by_menu["standard"] - 0.02
    assert by_menu["poisson"] < by_menu["standard"] - 0.02
    assert by_menu["frites_burger"] > by_menu["standard"] + 0.03


def test_same_seed_same_table_other_seed_other_table(nantes: Scenario) -> None:
    first = canteen_attendance(nantes, np.random.default_rng(7))
    pd.testing.assert_frame_equal(first, canteen_attendance(nantes, np.random.default_rng(7)))
    assert not first.equals(canteen_attendance(nantes, np.random.default_rng(8)))
