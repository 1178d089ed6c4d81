"""The city's crowd as a phone operator sees it: which antenna, at what time, for each resident.

This is the kind of data de Montjoye et al. (2013, "Unique in the Crowd", Sci. Rep. 3:1376) showed to
be re-identifiable from a handful of points; the workshop "Anonyme, vraiment ?" replays their finding
on it. The model (city knowledge comes from the scenario only):

- Places. Each resident's home is a point scattered around a neighbourhood (picked by the
  neighbourhoods' weights, spread by their `radius_m`). Commuters (`commuter_share`) have a weekday
  daytime anchor among the places of `anchor_kinds`; everyone has one to three favourite places for
  evenings and weekends. Anchors and favourites are picked by weight *and* closeness to home (appeal
  falls by e every `_ANCHOR_REACH_M` / `_FAVOURITE_REACH_M`) and people stand near their heart (a
  small jitter), so neighbours share places, as they do in a real city.
- Times. A phone shows up a Poisson number of times a day (mean `pings_per_day`), at times drawn from
  a diurnal activity curve: busy by day and in the evening, nearly silent at night.
- Whereabouts at each ping. At night, home. In a commuter's working hours (weekdays that are not
  public holidays), the anchor. Any other time, a share `routine_share` of pings at a routine place
  (home or a favourite, equally likely); the rest anywhere in the city where people are (the home
  area of a random resident: a visit, an errand).
- Antennas. Positions are the centre of a square cell of side `cell_size_m` on a grid over the city's
  bounds, like operator records (CDR); `cell_id` "r012c034" names the cell's grid row and column,
  which is what `kit.analysis.unicity` coarsens.

Why people share places so much: the study had 1.5 million people, so an antenna at a given hour
held many others; our crowd has 2,000. Shared home areas, anchors and favourites give the points of a
trace some company, so that at hour x antenna resolution 4 points still single out over 90% of
residents but 2 points far fewer (published: 95% and about half), as `tests/analysis/test_unicity.py`
checks on the default scenario.

Everything is vectorised over residents and pings (loops run over places at most): millions of pings
per second, see `benchmarks/crowd_mobility.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.engine.clock import MINUTES_PER_DAY, day_kinds, to_timestamps
from kit.engine.places import METRES_PER_DEGREE, distance_m, scatter
from kit.scenario.model import Place, Scenario

__all__ = ["crowd_pings"]

#: Relative phone activity per hour of the day (calls, messages, data), the usual shape of operator
#: records: quiet from 1 to 6 am, a rise in the morning, peaks at lunch and in the evening.
_ACTIVITY_BY_HOUR = np.array([0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.3, 1.2, 1.1, 1.2,
                              1.5, 1.4, 1.2, 1.2, 1.3, 1.5, 1.6, 1.5, 1.4, 1.2, 0.9, 0.6])
#: Hours (from, until) when phones are at home, whatever the day.
_NIGHT_HOURS = (23, 7)
#: Hours (from, until) when commuters are at their anchor on working days.
_WORK_HOURS = (9, 17)
#: Kinds of places where people spend evenings and weekends (not homes, offices, schools or stops).
_FAVOURITE_KINDS = ("youth_centre", "shop", "sports", "library", "park", "culture", "food")
_MOST_FAVOURITES = 3
#: Distance over which a place's appeal falls by e: people work or study within a few kilometres of
#: home and spend evenings closer still. Calibration values (see the module docstring).
_ANCHOR_REACH_M = 3_000.0
_FAVOURITE_REACH_M = 1_000.0
#: Spread of people around an anchor or favourite, as a share of the place's radius: they meet at
#: its heart (the same antenna), not all over it.
_PLACE_JITTER = 0.2
#: Resolution of the table minutes of the day are drawn from (see `_minute_quantiles`).
_QUANTILES = 1 << 16
#: Bits that hold a minute of the day (up to 1439) in a sort key.
_MINUTE_BITS = 11


def crowd_pings(scenario: Scenario, rng: np.random.Generator, *, residents: int | None = None) -> pd.DataFrame:
    """One row per time a resident's phone showed up on the network (model: see the module docstring).

    Columns: person_id ("c0001"…), timestamp (local, to the minute), lat and lon of the antenna cell's
    centre, cell_id; sorted by person then time. `residents` overrides the scenario's crowd size.
    """
    crowd = scenario.crowd
    count = crowd.residents if residents is None else residents
    grid = _Grid(scenario)
    routines = _routines(scenario, rng, count, grid)
    person, day, minute_of_day = _ping_times(rng, count, scenario.meta.period.days, crowd.pings_per_day)
    cell = _whereabouts(scenario, rng, routines, person, day, minute_of_day)
    width = len(str(count))
    names = np.array([f"c{number:0{width}d}" for number in range(1, count + 1)], dtype=object)
    return pd.DataFrame({
        "person_id": pd.array(names[person], dtype="str"),
        "timestamp": to_timestamps(scenario.meta.period, day * MINUTES_PER_DAY + minute_of_day),
        "lat": grid.centre_lat[cell],
        "lon": grid.centre_lon[cell],
        "cell_id": pd.array(grid.names[cell], dtype="str"),
    }, copy=False)


class _Grid:
    """Square antenna cells of side `cell_size_m`, numbered row by row from the south-west.

    The grid is centred on the city's bounds with whole cells only, so every antenna (cell centre) is
    inside the city; the thin margins left over belong to the outermost cells.
    """

    def __init__(self, scenario: Scenario) -> None:
        bounds = scenario.meta.city.bounds
        # Degrees of longitude shrink with latitude: measured at the city's middle.
        self.dlat = scenario.crowd.cell_size_m / METRES_PER_DEGREE
        self.dlon = self.dlat / np.cos(np.radians((bounds.south + bounds.north) / 2))
        self.rows = max(1, int((bounds.north - bounds.south) // self.dlat))
        self.cols = max(1, int((bounds.east - bounds.west) // self.dlon))
        self.south = (bounds.south + bounds.north - self.rows * self.dlat) / 2
        self.west = (bounds.west + bounds.east - self.cols * self.dlon) / 2
        row, col = np.divmod(np.arange(self.rows * self.cols), self.cols)
        self.centre_lat = (self.south + (row + 0.5) * self.dlat).round(5)
        self.centre_lon = (self.west + (col + 0.5) * self.dlon).round(5)
        self.names = np.array([f"r{r:03d}c{c:03d}" for r, c in zip(row, col)], dtype=object)

    def cell_of(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        row = np.clip(np.floor((lat - self.south) / self.dlat).astype(np.int64), 0, self.rows - 1)
        col = np.clip(np.floor((lon - self.west) / self.dlon).astype(np.int64), 0, self.cols - 1)
        return row * self.cols + col


@dataclass(frozen=True, slots=True)
class _Routines:
    """Each resident's usual antenna cells.

    `places` holds home (column 0) then favourites; only the first `place_count` columns of a row are
    that resident's (the others are padding).
    """

    places: np.ndarray
    place_count: np.ndarray
    commuter: np.ndarray
    anchor: np.ndarray


def _routines(scenario: Scenario, rng: np.random.Generator, count: int, grid: _Grid) -> _Routines:
    """Draw every resident's home, anchor (commuters) and favourite places, as antenna cells."""
    crowd = scenario.crowd
    neighbourhoods = scenario.places_of_kind("neighbourhood")
    weights = np.array([place.weight for place in neighbourhoods])
    picks = rng.choice(len(neighbourhoods), size=count, p=weights / weights.sum())
    home_lat, home_lon = scatter(rng, *_coordinates(neighbourhoods, picks), scenario)
    home = grid.cell_of(home_lat, home_lon)

    anchors = tuple(place for place in scenario.places_of_kind(*crowd.anchor_kinds)
                    if place.weight * crowd.anchor_kinds[place.kind] > 0)
    anchor_weights = np.array([place.weight * crowd.anchor_kinds[place.kind] for place in anchors])
    anchor = _nearby_cells(scenario, rng, grid, anchors, anchor_weights, home_lat, home_lon, _ANCHOR_REACH_M,
                           min(1, len(anchors)))
    commuter = (rng.random(count) < crowd.commuter_share) & (anchor.shape[1] > 0)

    favourites = tuple(place for place in scenario.places_of_kind(*_FAVOURITE_KINDS) if place.weight > 0)
    favourite = _nearby_cells(scenario, rng, grid, favourites, np.array([place.weight for place in favourites]),
                              home_lat, home_lon, _FAVOURITE_REACH_M, min(_MOST_FAVOURITES, len(favourites)))
    favourite_count = np.minimum(rng.integers(1, _MOST_FAVOURITES + 1, count), favourite.shape[1])
    return _Routines(places=np.column_stack([home, favourite]), place_count=1 + favourite_count,
                     commuter=commuter, anchor=anchor[:, 0] if anchor.shape[1] else home)


def _coordinates(places: tuple[Place, ...], picks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Latitude, longitude and radius of the picked places."""
    table = np.array([(place.lat, place.lon, place.radius_m) for place in places])[picks]
    return table[..., 0], table[..., 1], table[..., 2]


def _nearby_cells(scenario: Scenario, rng: np.random.Generator, grid: _Grid, places: tuple[Place, ...],
                  weights: np.ndarray, home_lat: np.ndarray, home_lon: np.ndarray, reach_m: float,
                  size: int) -> np.ndarray:
    """`size` distinct places per resident, by weight and closeness to home, as cells (residents x size).

    Weighted sampling without replacement, all residents at once: the `size` largest of
    log-appeal + Gumbel noise (the Gumbel-top-k trick).
    """
    if size == 0:
        return np.empty((home_lat.size, 0), dtype=np.int64)
    lat, lon, radius = _coordinates(places, np.arange(len(places)))
    log_appeal = np.log(weights) - distance_m(home_lat[:, None], home_lon[:, None], lat, lon) / reach_m
    picks = np.argsort(-(log_appeal + rng.gumbel(size=log_appeal.shape)), axis=1)[:, :size]
    spot_lat, spot_lon = scatter(rng, lat[picks], lon[picks], radius[picks] * _PLACE_JITTER, scenario)
    return grid.cell_of(spot_lat, spot_lon)


def _ping_times(rng: np.random.Generator, count: int, days: int, pings_per_day: float
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Person, day and minute of the day of every ping, sorted by person then time."""
    per_day = rng.poisson(pings_per_day, count * days)
    # 32-bit integers: a 10x crowd has millions of pings, and these never exceed a few million.
    person = np.repeat(np.arange(count, dtype=np.int32).repeat(days), per_day)
    day = np.repeat(np.tile(np.arange(days, dtype=np.int32), count), per_day)
    minute_of_day = _minute_quantiles()[rng.integers(0, _QUANTILES, person.size)]
    # Pings come out grouped by person and day: sorting person-day and minute together (the minute in
    # the low bits) orders each day and moves nothing across days.
    key = np.repeat(np.arange(count * days) << _MINUTE_BITS, per_day) | minute_of_day
    key.sort(kind="stable")
    return person, day, (key & ((1 << _MINUTE_BITS) - 1)).astype(np.int32)


def _minute_quantiles() -> np.ndarray:
    """`_QUANTILES` evenly spaced quantiles of the minute of the day a ping happens at.

    Indexing it with uniform integers draws minutes from the activity curve (uniform within each
    hour) in one vectorised lookup, much faster than a weighted choice per ping.
    """
    per_minute = np.repeat(_ACTIVITY_BY_HOUR, 60)
    cumulative = np.cumsum(per_minute) / per_minute.sum()
    return np.searchsorted(cumulative, (np.arange(_QUANTILES) + 0.5) / _QUANTILES)


def _whereabouts(scenario: Scenario, rng: np.random.Generator, routines: _Routines, person: np.ndarray,
                 day: np.ndarray, minute_of_day: np.ndarray) -> np.ndarray:
    """The antenna cell of every ping, following each resident's routine (see the module docstring).

    Every ping picks a (resident, column) of one table of usual cells, then one lookup gives all cells.
    """
    usual = np.column_stack([routines.places, routines.anchor])
    anchor_column = usual.shape[1] - 1
    minutes = np.arange(MINUTES_PER_DAY)
    night = ((minutes >= _NIGHT_HOURS[0] * 60) | (minutes < _NIGHT_HOURS[1] * 60))[minute_of_day]
    kinds = day_kinds(scenario.meta.period)
    working_day = ~(kinds["weekend"] | kinds["public_holiday"]).to_numpy()
    work_time = ((minutes >= _WORK_HOURS[0] * 60) & (minutes < _WORK_HOURS[1] * 60))[minute_of_day]
    at_work = work_time & working_day[day] & routines.commuter[person] & ~night

    # Free time: home or a favourite, equally likely...
    column = (rng.random(person.size) * routines.place_count[person]).astype(np.int32)
    column[at_work] = anchor_column
    column[night] = 0
    # ...or, off routine, anywhere people are: the home area of a random resident (a visit, an errand).
    resident = person.copy()
    elsewhere = ~(at_work | night) & (rng.random(person.size) >= scenario.crowd.routine_share)
    resident[elsewhere] = rng.integers(0, usual.shape[0], np.count_nonzero(elsewhere))
    column[elsewhere] = 0
    return usual.ravel()[resident * usual.shape[1] + column]
