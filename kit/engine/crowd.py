"""The city's crowd as a phone operator sees it: which antenna, at what time, for each resident.

This is the kind of data de Montjoye et al. (2013, "Unique in the Crowd") showed to be re-identifiable
from a handful of points. Each resident has a home (around a neighbourhood), commuters a weekday
daytime anchor (work or studies), and everyone one to three favourite places. The phone shows up on
the network a few times a day (calls, messages, data), more by day than at night; where it is then
follows the resident's routine: home at night, the anchor on weekday working hours, a favourite place
or home otherwise, and sometimes anywhere in the city. Positions are reported as the centre of the
square cell (the "antenna") they fall in, like operator records (CDR).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import MINUTES_PER_DAY, day_kinds, to_timestamps
from kit.engine.places import METRES_PER_DEGREE, scatter
from kit.scenario.model import Scenario

__all__ = ["cell_grid", "crowd_pings"]

#: Relative phone activity per hour of the day (calls, messages, data): quiet nights, busy evenings.
_HOURLY_ACTIVITY = np.array([0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.3, 1.2, 1.1, 1.2,
                             1.5, 1.4, 1.2, 1.2, 1.3, 1.5, 1.6, 1.5, 1.4, 1.2, 0.9, 0.6])
_NIGHT = (_HOURLY_ACTIVITY.size - 2, 7)  # 22:00 to 07:00 at home
_WORK_HOURS = (9, 17)


def cell_grid(scenario: Scenario) -> tuple[float, float]:
    """Cell size in degrees (latitude, longitude) for the scenario's antenna size."""
    bounds = scenario.meta.city.bounds
    side = scenario.crowd.cell_size_m / METRES_PER_DEGREE
    return side, side / np.cos(np.radians((bounds.south + bounds.north) / 2))


def crowd_pings(scenario: Scenario, rng: np.random.Generator, *, residents: int | None = None) -> pd.DataFrame:
    """One row per time a resident's phone showed up on the network (see the module docstring)."""
    crowd = scenario.crowd
    count = crowd.residents if residents is None else residents
    homes = _around(scenario, rng, scenario.places_of_kind("neighbourhood"), count)
    anchor_kinds = [kind for kind in crowd.anchor_kinds if scenario.places_of_kind(kind)]
    anchors = _around(scenario, rng, scenario.places_of_kind(*anchor_kinds), count,
                      kind_weights={kind: crowd.anchor_kinds[kind] for kind in anchor_kinds})
    commuter = rng.random(count) < crowd.commuter_share
    favourites = np.stack([_around(scenario, rng, _leisure_places(scenario), count) for _ in range(3)], axis=1)
    favourite_count = rng.integers(1, 4, count)

    days = day_kinds(scenario.meta.period)
    per_day = rng.poisson(crowd.pings_per_day, (count, len(days)))
    person = np.repeat(np.arange(count), per_day.sum(axis=1))
    day = np.repeat(np.tile(np.arange(len(days)), count), per_day.ravel())
    hours = rng.choice(24, size=person.size, p=_HOURLY_ACTIVITY / _HOURLY_ACTIVITY.sum())
    minutes = day * MINUTES_PER_DAY + hours * 60 + rng.integers(0, 60, person.size)

    # Where the phone is at that hour, following the resident's routine.
    at_night = (hours >= _NIGHT[0]) | (hours < _NIGHT[1])
    working = (~days["weekend"].to_numpy()[day] & ~days["public_holiday"].to_numpy()[day]
               & (hours >= _WORK_HOURS[0]) & (hours < _WORK_HOURS[1]) & commuter[person])
    draw = rng.random(person.size)
    routine = draw < crowd.routine_share
    favourite = favourites[person, rng.integers(0, 3, person.size) % favourite_count[person]]
    lat, lon = _anywhere(scenario, rng, person.size)
    evening_home = routine & (rng.random(person.size) < 0.5)
    for mask, points in ((routine, favourite), (evening_home, homes[person]), (working & (draw < 0.9),
                                                                              anchors[person]),
                         (at_night, homes[person])):
        lat = np.where(mask, points[:, 0], lat)
        lon = np.where(mask, points[:, 1], lon)

    row, col, cell_lat, cell_lon = _cells(scenario, lat, lon)
    width = max(4, len(str(count)))
    ids = np.array([f"c{index:0{width}d}" for index in range(1, count + 1)], dtype=object)
    order = np.lexsort((minutes, person))
    return pd.DataFrame({
        "person_id": ids[person[order]],
        "timestamp": to_timestamps(scenario.meta.period, minutes[order]),
        "lat": cell_lat[order].round(5),
        "lon": cell_lon[order].round(5),
        "cell_id": _cell_ids(row[order], col[order]),
    })


def _leisure_places(scenario: Scenario) -> tuple:
    return tuple(place for place in scenario.places if place.kind not in ("neighbourhood", "work_area"))


def _around(scenario: Scenario, rng: np.random.Generator, places: tuple, count: int,
            kind_weights: dict[str, float] | None = None) -> np.ndarray:
    """A point near one of `places` per resident, chosen by weight: an array of shape (count, 2)."""
    weights = np.array([place.weight * (kind_weights or {}).get(place.kind, 1.0) for place in places], float)
    picks = rng.choice(len(places), size=count, p=weights / weights.sum())
    lat, lon = scatter(rng, np.array([place.lat for place in places])[picks],
                       np.array([place.lon for place in places])[picks],
                       np.array([place.radius_m for place in places])[picks], scenario)
    return np.stack([lat, lon], axis=1)


def _anywhere(scenario: Scenario, rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    bounds = scenario.meta.city.bounds
    return rng.uniform(bounds.south, bounds.north, count), rng.uniform(bounds.west, bounds.east, count)


def _cells(scenario: Scenario, lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, ...]:
    bounds = scenario.meta.city.bounds
    dlat, dlon = cell_grid(scenario)
    row = np.floor((lat - bounds.south) / dlat).astype(np.int64)
    col = np.floor((lon - bounds.west) / dlon).astype(np.int64)
    return row, col, bounds.south + (row + 0.5) * dlat, bounds.west + (col + 0.5) * dlon


def _cell_ids(row: np.ndarray, col: np.ndarray) -> np.ndarray:
    """"r012c034": row and column of the antenna grid, readable and easy to coarsen."""
    unique, inverse = np.unique(row * 1000 + col, return_inverse=True)
    names = np.array([f"r{code // 1000:03d}c{code % 1000:03d}" for code in unique], dtype=object)
    return names[inverse]
