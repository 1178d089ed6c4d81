"""Time inside the engine: whole minutes since the study period starts, local wall-clock time.

Providers compute with integer minutes (fast, vectorised); tables hand pandas timestamps to people.
Timestamps are local time without offset, as a teen reads them on their phone.
"""

from __future__ import annotations

import typing
from datetime import date

import numpy as np
import pandas as pd

from kit.scenario.model import Period, Weekday

__all__ = ["MINUTES_PER_DAY", "NIGHT_HOURS", "WEEKDAYS", "at_night", "day_kinds", "minute", "to_timestamps"]

MINUTES_PER_DAY = 24 * 60
#: Weekday names as scenarios write them, Monday first (pandas numbers Monday 0).
WEEKDAYS: tuple[str, ...] = typing.get_args(Weekday)
#: The night as [start, end) hours, one definition for the whole kit: the hours night owls use their phone
#: more (`kit.engine.apps`), where a phone sleeps (workshop 1's home guess, `kit.analysis.home`), and the
#: profiler's night-use clue (workshop 3). Screens and cards write it « 22 h – 6 h ».
NIGHT_HOURS = (22, 6)


def minute(hhmm: str) -> int:
    """Minutes after midnight of an "HH:MM" time."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def at_night(timestamps: pd.Series) -> pd.Series:
    """Whether each moment falls in the night (`NIGHT_HOURS`)."""
    hours = timestamps.dt.hour
    return (hours >= NIGHT_HOURS[0]) | (hours < NIGHT_HOURS[1])


def to_timestamps(period: Period, minutes: np.ndarray) -> pd.Series:
    """Timestamps (second resolution) of minute offsets from the start of `period`."""
    start = np.datetime64(period.start, "m")
    return pd.Series((start + np.asarray(minutes, dtype="timedelta64[m]")).astype("datetime64[s]"))


def day_kinds(period: Period, strike_days: tuple[date, ...] = ()) -> pd.DataFrame:
    """One row per day: date, weekday (0 = Monday), whether it is a weekend, holiday or school day."""
    dates = pd.to_datetime(list(period.dates))
    weekday = dates.day_of_week.to_numpy()
    public = np.isin(dates.date, period.public_holidays)
    school_holiday = np.isin(dates.date, period.school_holidays)
    weekend = weekday >= 5
    return pd.DataFrame({
        "date": dates,
        "weekday": weekday,
        "weekend": weekend,
        "public_holiday": public,
        "school_holiday": school_holiday,
        "school_day": ~(weekend | public | school_holiday),
        "strike": np.isin(dates.date, strike_days),
    })
