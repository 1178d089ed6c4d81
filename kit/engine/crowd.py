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

__all__ = ["crowd_pings"]

#: Relative phone activity per hour of the day (calls, messages, data): quiet nights, busy evenings.
_HOURLY_ACTIVITY = np.array([0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.3, 1.2, 1.1, 1.2,
                             1.5, 1.4, 1.2, 1.2, 1.3, 1.5, 1.6, 1.5, 1.4, 1.2, 0.9, 0.6])
_NIGHT = (_HOURLY_ACTIVITY.size - 2, 7)  # 22:00 to 07:00 at home
_WORK_HOURS = (9, 17)


def crowd_pings(scenario: Scenario, rng: np.random.Generator, *, residents: int | None = None) -> pd.DataFrame:
    """One row per time a resident's phone showed up on the network (see the module docstring)."""
    crowd = scenario.crowd
    count = crowd.residents if residents is None else residents
    grid = _Grid(scenario)
    # Each resident's usual places, as antenna cells (small arrays; pings only index into them).
    home = grid.cell_of(*_around(scenario, rng, scenario.places_of_kind("neighbourhood"), count))
    anchor_kinds = [kind for kind in crowd.anchor_kinds if scenario.places_of_kind(kind)]
    anchor = grid.cell_of(*_around(scenario, rng, scenario.places_of_kind(*anchor_kinds), count,
                                   kind_weights={kind: crowd.anchor_kinds[kind] for kind in anchor_kinds}))
    commuter = rng.random(count) < crowd.commuter_share
    favourites = np.stack([grid.cell_of(*_around(scenario, rng, _leisure_places(scenario), count))
                           for _ in range(3)], axis=1)
    favourite_count = rng.integers(1, 4, count)

    days = day_kinds(scenario.meta.period)
    per_day = rng.poisson(crowd.pings_per_day, (count, len(days)))
    person = np.repeat(np.arange(count), per_day.sum(axis=1))
    day = np.repeat(np.tile(np.arange(len(days)), count), per_day.ravel())
    hours = rng.choice(24, size=person.size, p=_HOURLY_ACTIVITY / _HOURLY_ACTIVITY.sum())
    minutes = day * MINUTES_PER_DAY + hours * 60 + rng.integers(0, 60, person.size)

    # Where the phone is at that hour, following the resident's routine; later rules win.
    draw = rng.random(person.size)
    routine = draw < crowd.routine_share
    working = (~(days["weekend"] | days["public_holiday"]).to_numpy()[day]
               & (hours >= _WORK_HOURS[0]) & (hours < _WORK_HOURS[1]) & commuter[person] & (draw < 0.9))
    at_night = (hours >= _NIGHT[0]) | (hours < _NIGHT[1])
    cell = grid.random_cells(rng, person.size)
    cell = np.where(routine, favourites[person, rng.integers(0, 3, person.size) % favourite_count[person]], cell)
    cell = np.where(routine & (rng.random(person.size) < 0.5), home[person], cell)
    cell = np.where(working, anchor[person], cell)
    cell = np.where(at_night, home[person], cell)

    # Already in person then day order: only the times within a day need sorting.
    order = np.argsort(person.astype(np.int64) * scenario.meta.period.days * MINUTES_PER_DAY + minutes,
                       kind="stable")
    width = max(4, len(str(count)))
    cell = cell[order]
    # Categorical ids: millions of rows share a few thousand names, stored once.
    return pd.DataFrame({
        "person_id": pd.Categorical.from_codes(person[order], categories=[f"c{i:0{width}d}" for i in range(1, count + 1)]),
        "timestamp": to_timestamps(scenario.meta.period, minutes[order]),
        "lat": grid.centre_lat[cell],
        "lon": grid.centre_lon[cell],
        "cell_id": pd.Categorical.from_codes(cell, categories=grid.names),
    })


class _Grid:
    """The antenna grid over the city's bounds: cells numbered row by row, with centres and names."""

    def __init__(self, scenario: Scenario) -> None:
        bounds = scenario.meta.city.bounds
        self.south, self.west = bounds.south, bounds.west
        self.dlat = scenario.crowd.cell_size_m / METRES_PER_DEGREE
        self.dlon = self.dlat / np.cos(np.radians((bounds.south + bounds.north) / 2))
        self.rows = int(np.floor((bounds.north - bounds.south) / self.dlat)) + 1
        self.cols = int(np.floor((bounds.east - bounds.west) / self.dlon)) + 1
        row, col = np.divmod(np.arange(self.rows * self.cols), self.cols)
        self.centre_lat = (self.south + (row + 0.5) * self.dlat).round(5)
        self.centre_lon = (self.west + (col + 0.5) * self.dlon).round(5)
        #: "r012c034": row and column of the grid, readable and easy to coarsen.
        self.names = [f"r{r:03d}c{c:03d}" for r, c in zip(row, col)]

    def cell_of(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        row = np.clip(np.floor((lat - self.south) / self.dlat).astype(np.int64), 0, self.rows - 1)
        col = np.clip(np.floor((lon - self.west) / self.dlon).astype(np.int64), 0, self.cols - 1)
        return row * self.cols + col

    def random_cells(self, rng: np.random.Generator, count: int) -> np.ndarray:
        return rng.integers(0, self.rows * self.cols, count)


def _leisure_places(scenario: Scenario) -> tuple:
    return tuple(place for place in scenario.places if place.kind not in ("neighbourhood", "work_area"))


def _around(scenario: Scenario, rng: np.random.Generator, places: tuple, count: int,
            kind_weights: dict[str, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A point (latitudes, longitudes) near one of `places` per resident, chosen by weight."""
    weights = np.array([place.weight * (kind_weights or {}).get(place.kind, 1.0) for place in places], float)
    picks = rng.choice(len(places), size=count, p=weights / weights.sum())
    return scatter(rng, np.array([place.lat for place in places])[picks],
                   np.array([place.lon for place in places])[picks],
                   np.array([place.radius_m for place in places])[picks], scenario)
