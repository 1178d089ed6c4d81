"""Where someone lives and studies, inferred from nothing but their phone's location pings.

This is how data brokers and ad-tech firms turn "anonymous" location data into a home and a workplace: the
place a phone spends its nights is home, the place it spends weekday working hours is work (for teens,
school). Researchers have shown that this pair alone often singles a person out (Golle & Partridge 2009).
The "Devine où j'habite" step makes the method visible: first the teen guesses, then this module guesses
from the pings, and says how sure it is.

The method, simple enough to explain to a 12-year-old:
1. keep the pings of a time window (nights 22:00–06:00, the kit's one night `kit.engine.clock.NIGHT_HOURS`;
   school hours on weekdays, 09:00–12:00 and 14:00–16:00);
2. cut the city into squares of about 200 m and find the square with the most pings;
3. the place is the median of that square's pings; the pings within 200 m of it are the evidence, and their
   share of the window's pings is how sure the guess is.
Step 3 counts pings *around the point* rather than inside the square, because a square's edge may cut one
cluster in two and would make a clear answer look unsure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import at_night
from kit.engine.places import METRES_PER_DEGREE, distance_m
from kit.scenario.model import Place, Scenario

__all__ = ["KINDS", "error_m", "in_window", "infer_places", "nearest_place", "pings_enough"]

#: What is inferred, in the order of the result's rows.
KINDS = ("home", "school")
#: Side of the grid's squares and radius of a cluster, in metres: what counts as "one place".
_CELL_M = 200.0
#: Weekday school hours as [start, end) hours; Monday is 0 in pandas.
_SCHOOL_HOURS = ((9, 12), (14, 16))
_FRIDAY = 4


def infer_places(pings: pd.DataFrame) -> pd.DataFrame:
    """One person's likely home and school: one row per kind (home, school) with lat, lon, pings, share.

    `pings` has at least timestamp, lat and lon (a `location_pings` table of one person). `pings` is the
    number of the window's pings near the inferred point and `share` their fraction of the window's pings
    (0–1: how sure the guess is). A kind whose window has no ping gets NaN lat/lon, 0 pings and share 0.
    """
    rows = []
    for kind in KINDS:
        window = in_window(pings, kind)
        lat, lon, near = _densest(window, _reference_lat(pings))
        rows.append({"kind": kind, "lat": lat, "lon": lon, "pings": near,
                     "share": near / len(window) if len(window) else 0.0})
    return pd.DataFrame(rows).astype({"kind": str, "lat": float, "lon": float, "pings": int, "share": float})


def in_window(pings: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The pings the guess of `kind` looks at (its time window), in time order: what a map shows as evidence."""
    when = pd.to_datetime(pings["timestamp"])
    hour = when.dt.hour
    if kind == "home":
        keep = at_night(when)
    elif kind == "school":
        in_hours = np.logical_or.reduce([(hour >= start) & (hour < end) for start, end in _SCHOOL_HOURS])
        keep = in_hours & (when.dt.day_of_week <= _FRIDAY)
    else:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    return pings.loc[keep].sort_values("timestamp", kind="stable")


def pings_enough(pings: pd.DataFrame, kind: str = "home") -> int:
    """How many of the window's pings, in time order, were enough: from that many on, the busiest square of
    the first pings is always one whose pings lie within 200 m of the final guess (0 when the window is empty).

    Usually a handful among hundreds: that is the point the workshop makes.
    """
    window = in_window(pings, kind)
    if window.empty:
        return 0
    cells = _cells(window, _reference_lat(pings))
    lat, lon, _ = _densest(window, _reference_lat(pings))
    # Where each square's pings are, so that a prefix's answer is its busiest square's median point.
    medians = window[["lat", "lon"]].groupby(cells).median()
    answers = medians.loc[_running_leaders(cells)]
    wrong = distance_m(answers["lat"].to_numpy(), answers["lon"].to_numpy(), lat, lon) > _CELL_M
    return int(np.flatnonzero(wrong)[-1]) + 2 if wrong.any() else 1


def nearest_place(scenario: Scenario, lat: float, lon: float, kinds: tuple[str, ...] = ("neighbourhood",)) -> Place:
    """The scenario's place of one of `kinds` whose centre is closest to (lat, lon)."""
    candidates = scenario.places_of_kind(*kinds)
    if not candidates or np.isnan(lat) or np.isnan(lon):
        raise ValueError(f"no place of kinds {kinds} near ({lat}, {lon}): a point and a place of those kinds "
                         "are needed")
    far = distance_m(np.array([place.lat for place in candidates]), np.array([place.lon for place in candidates]),
                     lat, lon)
    return candidates[int(np.argmin(far))]


def error_m(inferred: pd.DataFrame, persona: pd.Series, scenario: Scenario) -> pd.Series:
    """Metres between each inferred place and the truth, by kind (NaN when nothing was inferred).

    The truth is the persona's home point (home_lat, home_lon) and the centre of their school.
    """
    school = scenario.place(persona["school_place_id"])
    truth = {"home": (persona["home_lat"], persona["home_lon"]), "school": (school.lat, school.lon)}
    true_lat = inferred["kind"].map(lambda kind: truth[kind][0]).to_numpy(dtype=float)
    true_lon = inferred["kind"].map(lambda kind: truth[kind][1]).to_numpy(dtype=float)
    metres = distance_m(inferred["lat"].to_numpy(dtype=float), inferred["lon"].to_numpy(dtype=float), true_lat,
                        true_lon)
    return pd.Series(metres, index=pd.Index(inferred["kind"], name="kind"), name="error_m")


def _reference_lat(pings: pd.DataFrame) -> float:
    """One latitude for the whole trail, so that both windows share the same grid."""
    return float(pings["lat"].median()) if len(pings) else 0.0


def _cells(window: pd.DataFrame, reference_lat: float) -> np.ndarray:
    """The grid square of each ping, as one integer per square."""
    degrees_lat = _CELL_M / METRES_PER_DEGREE
    degrees_lon = degrees_lat / np.cos(np.radians(reference_lat))
    row = np.floor(window["lat"].to_numpy(dtype=float) / degrees_lat).astype(np.int64)
    column = np.floor(window["lon"].to_numpy(dtype=float) / degrees_lon).astype(np.int64)
    return row * 10**7 + column


def _running_leaders(cells: np.ndarray) -> np.ndarray:
    """For every prefix of `cells`, its most frequent square (ties: the square that got there first).

    A square takes the lead exactly when its count beats every count so far, so the leader of a prefix is
    the square of the last such record.
    """
    count = pd.Series(cells).groupby(cells).cumcount().to_numpy() + 1
    best_before = np.concatenate([[0], np.maximum.accumulate(count)[:-1]])
    record = np.where(count > best_before, np.arange(cells.size), 0)
    return cells[np.maximum.accumulate(record)]


def _densest(window: pd.DataFrame, reference_lat: float) -> tuple[float, float, int]:
    """Median point of the busiest square, then the pings within one square's side of it."""
    if window.empty:
        return np.nan, np.nan, 0
    cells = _cells(window, reference_lat)
    inside = window[cells == _running_leaders(cells)[-1]]
    lat, lon = float(inside["lat"].median()), float(inside["lon"].median())
    near = distance_m(window["lat"].to_numpy(dtype=float), window["lon"].to_numpy(dtype=float), lat, lon) <= _CELL_M
    return lat, lon, int(near.sum())
