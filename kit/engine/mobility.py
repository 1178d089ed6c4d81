"""Where the teens are (stays), and the location pings their apps record there.

A day is a short sequence of stays, the same shape for everyone so it can be drawn for the whole class
at once: home, (transit), school or an outing, (transit), an after-school visit, (transit), home. Habits
decide where teens go after school; distance decides whether they take the tram. Location pings are then
what apps with a location permission record: at every session, and all day long for apps allowed to
track in the background. The ground truth (stays) stays apart from what is observed (pings): the
"guess where I live" workshop infers the first from the second.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import MINUTES_PER_DAY, WEEKDAYS, day_kinds, minute, to_timestamps
from kit.engine.places import METRES_PER_DEGREE, distance_m
from kit.scenario.model import Scenario

__all__ = ["location_pings", "positions_within", "stays", "where_at"]

#: Kinds of places teens go to in their free time (others are homes, schools, stops, offices).
_OUTING_KINDS = ("youth_centre", "shop", "sports", "library", "park", "culture", "food")
#: Beyond this distance a trip is by tram or bus rather than on foot or by bike.
_TRANSIT_FROM_M = 1_500.0
#: Metres per minute door to door (walking, cycling or tram with waits, averaged).
_SPEED_M_PER_MIN = 250.0
#: Places further away are visited less: weight / (1 + distance / this)^2.
_DISTANCE_SCALE_M = 2_000.0


def stays(scenario: Scenario, personas: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The ground-truth timeline of every persona over the whole period (see the module docstring)."""
    town = _Town(scenario, personas)
    days = day_kinds(scenario.meta.period)
    school_day = scenario.teens.school_day
    short_days = {WEEKDAYS.index(day) for day in school_day.short_days}
    outing_rate = np.minimum(town.visits_per_week / 5.0, 0.9)
    pieces = []
    for day_index, day in enumerate(days.itertuples()):
        base = day_index * MINUTES_PER_DAY
        n = len(personas)
        if day.school_day:
            end = minute(school_day.short_day_end if day.weekday in short_days else school_day.end)
            main = _Leg(town.school_index, np.full(n, True), "school",
                        minute(school_day.start) - rng.integers(0, 11, n), end + rng.integers(0, 11, n))
            chance = np.where(day.weekday in short_days, 0.85, outing_rate)
            after_start = main.end + 5
        else:
            main = None
            chance = np.full(n, 0.8)
            after_start = rng.integers(minute("10:00"), minute("15:00"), n)
        going = rng.random(n) < chance
        visit = _Leg(town.pick_outings(rng), going, "visit", after_start,
                     after_start + rng.integers(60, 181, n))
        pieces.append(town.day_stays(base, [leg for leg in (main, visit) if leg is not None]))
    timeline = pd.concat(pieces, ignore_index=True)
    timeline = timeline[timeline["end"] > timeline["start"]]
    return _merge_repeats(timeline.sort_values(["person_id", "start"], kind="stable"))


def _merge_repeats(timeline: pd.DataFrame) -> pd.DataFrame:
    """One stay for a night at home or a visit, not pieces cut at midnight or at a departure."""
    same = ["person_id", "place_id", "activity"]
    changed = (timeline[same] != timeline[same].shift()).any(axis=1)
    group = changed.cumsum().to_numpy()
    merged = timeline.groupby(group, sort=False).agg(
        person_id=("person_id", "first"), start=("start", "min"), end=("end", "max"), place_id=("place_id", "first"),
        activity=("activity", "first"), lat=("lat", "first"), lon=("lon", "first"))
    return merged.reset_index(drop=True)


def where_at(stays: pd.DataFrame, person_ids: np.ndarray, minutes: np.ndarray) -> pd.DataFrame:
    """Where each (person, minute) pair is: place_id, activity, lat, lon (vectorised lookup)."""
    people = pd.Index(stays["person_id"].unique())
    stay_keys = people.get_indexer(stays["person_id"]).astype(np.int64) * 10**8 + stays["start"].to_numpy()
    keys = people.get_indexer(np.asarray(person_ids)).astype(np.int64) * 10**8 + np.asarray(minutes)
    rows = np.searchsorted(stay_keys, keys, side="right") - 1
    return stays.iloc[rows][["place_id", "activity", "lat", "lon"]].reset_index(drop=True)


def location_pings(scenario: Scenario, personas: pd.DataFrame, stays: pd.DataFrame, sessions: pd.DataFrame,
                   rng: np.random.Generator) -> pd.DataFrame:
    """What apps with a location permission record: during sessions, and in the background."""
    period = scenario.meta.period
    located = {app.id for app in scenario.apps if {"location", "background_location"} & set(app.permissions)}
    in_session = sessions[sessions["app"].isin(located)]
    start = ((in_session["timestamp"] - pd.Timestamp(period.start)) // pd.Timedelta(minutes=1)).to_numpy()
    # One fix when the app opens, then one every five minutes while it stays open.
    repeats = 1 + (in_session["duration_min"].to_numpy() // 5).astype(int)
    session_people = np.repeat(in_session["person_id"].to_numpy(), repeats)
    session_minutes = np.repeat(start, repeats) + 5 * positions_within(repeats)
    session_apps = np.repeat(in_session["app"].to_numpy(), repeats)
    background_people, background_minutes, background_apps = _background_fixes(scenario, personas, rng)
    people = np.concatenate([session_people, background_people])
    minutes = np.concatenate([session_minutes, background_minutes]).astype(np.int64)
    apps = np.concatenate([session_apps, background_apps])
    background = np.arange(people.size) >= session_people.size
    keep = minutes < period.days * MINUTES_PER_DAY
    people, minutes, apps, background = people[keep], minutes[keep], apps[keep], background[keep]
    # GPS fixes in the foreground are precise; background ones often come from wifi or antennas.
    accuracy = np.where(background, rng.uniform(20, 100, apps.size), rng.uniform(5, 30, apps.size)).round(0)
    where = where_at(stays, people, minutes)
    offset = rng.normal(0.0, 1.0, (2, apps.size)) * accuracy / METRES_PER_DEGREE / 2
    lat = where["lat"].to_numpy() + offset[0]
    lon = where["lon"].to_numpy() + offset[1] / np.cos(np.radians(where["lat"].to_numpy()))
    table = pd.DataFrame({
        "person_id": people,
        "timestamp": to_timestamps(period, minutes),
        "lat": lat.round(5),
        "lon": lon.round(5),
        "source_app": apps,
        "accuracy_m": accuracy.astype(int),
        "place_id": where["place_id"].to_numpy(),
    })
    return table.sort_values(["person_id", "timestamp", "source_app"], kind="stable").reset_index(drop=True)


def _background_fixes(scenario: Scenario, personas: pd.DataFrame, rng: np.random.Generator
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Apps allowed to track in the background report about every 20 minutes, day and night."""
    total = scenario.meta.period.days * MINUTES_PER_DAY
    people, minutes, apps = [], [], []
    for app in scenario.apps:
        if "background_location" not in app.permissions:
            continue
        owners = personas.loc[personas["apps"].str.split("|").apply(lambda ids, app=app.id: app in ids),
                              "person_id"].to_numpy()
        per_owner = rng.poisson(total / 20, owners.size)
        people.append(np.repeat(owners, per_owner))
        minutes.append(rng.integers(0, total, per_owner.sum()))
        apps.append(np.full(per_owner.sum(), app.id, dtype=object))
    if not people:
        return np.array([], dtype=object), np.array([], dtype=np.int64), np.array([], dtype=object)
    return np.concatenate(people), np.concatenate(minutes), np.concatenate(apps)


def positions_within(sizes: np.ndarray) -> np.ndarray:
    """0, 1, …, k-1 for each k in `sizes`, concatenated: each row's position inside its group."""
    return np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)


class _Leg:
    """One planned stay for every persona on a day: where (place index), whether, what, from, to."""

    def __init__(self, place: np.ndarray, present: np.ndarray, activity: str, start: np.ndarray,
                 end: np.ndarray) -> None:
        self.place, self.present, self.activity = place, present, activity
        self.start, self.end = start.astype(np.int64), end.astype(np.int64)


class _Town:
    """Per-persona geography precomputed once: their school, their likely outings, the stops near them."""

    def __init__(self, scenario: Scenario, personas: pd.DataFrame) -> None:
        self.places = scenario.places
        self.place_ids = np.array([place.id for place in self.places], dtype=object)
        self.place_lat = np.array([place.lat for place in self.places])
        self.place_lon = np.array([place.lon for place in self.places])
        index = {place.id: i for i, place in enumerate(self.places)}
        self.people = personas["person_id"].to_numpy()
        self.home_lat = personas["home_lat"].to_numpy()
        self.home_lon = personas["home_lon"].to_numpy()
        self.home_id = personas["home_place_id"].to_numpy()
        self.school_index = personas["school_place_id"].map(index).to_numpy()
        self.stops = np.array([i for i, place in enumerate(self.places) if place.kind == "transit_stop"], dtype=int)
        habits = {habit.id: habit for habit in scenario.teens.habits}
        kinds = np.array([place.kind for place in self.places])
        weights = np.zeros((len(personas), len(self.places)))
        for row, teen_habits in enumerate(personas["habits"]):
            for habit_id in filter(None, teen_habits.split("|")):
                for kind, per_week in habits[habit_id].visits_per_week.items():
                    weights[row, kinds == kind] += per_week
        self.visits_per_week = np.array([sum(sum(habits[h].visits_per_week.values()) for h in row.split("|") if h)
                                         for row in personas["habits"]], dtype=float)
        outing = np.isin(kinds, _OUTING_KINDS)
        weights[:, ~outing] = 0.0
        weights[:, outing] += 0.2  # a little curiosity beyond one's habits
        place_weight = np.array([place.weight for place in self.places])
        far = distance_m(self.home_lat[:, None], self.home_lon[:, None], self.place_lat[None, :],
                         self.place_lon[None, :])
        self.outing_weights = weights * place_weight / (1 + far / _DISTANCE_SCALE_M) ** 2

    def pick_outings(self, rng: np.random.Generator) -> np.ndarray:
        cumulative = np.cumsum(self.outing_weights, axis=1)
        targets = rng.random(len(self.people)) * cumulative[:, -1]
        return np.minimum((cumulative < targets[:, None]).sum(axis=1), len(self.places) - 1)

    def day_stays(self, base: int, legs: list[_Leg]) -> pd.DataFrame:
        """Home, then each leg that happens (with a transit stay when it is far), then home again."""
        n = len(self.people)
        rows: list[tuple[np.ndarray, ...]] = []
        here = _Here(self.home_id.copy(), np.full(n, "home", dtype=object), self.home_lat.copy(),
                     self.home_lon.copy())
        cursor = np.zeros(n, dtype=np.int64)
        for leg in legs:
            going = leg.present & (leg.start > cursor)
            there = _Here(self.place_ids[leg.place], np.full(n, leg.activity, dtype=object),
                          self.place_lat[leg.place], self.place_lon[leg.place])
            cursor = self._trip(rows, going, cursor, leg.start, here, there)
            self._add(rows, going, cursor, leg.end, there)
            cursor = np.where(going, np.maximum(leg.end, cursor), cursor)
            here = here.moved(going, there)
        home = _Here(self.home_id, np.full(n, "home", dtype=object), self.home_lat, self.home_lon)
        away = here.activity != "home"
        cursor = self._trip(rows, away, cursor, cursor + _travel_minutes(here, home), here, home)
        self._add(rows, np.full(n, True), cursor, np.full(n, MINUTES_PER_DAY), home)
        frame = pd.DataFrame({name: np.concatenate([row[i] for row in rows])
                              for i, name in enumerate(("person_id", "start", "end", "place_id", "activity",
                                                        "lat", "lon"))})
        frame["start"] += base
        frame["end"] += base
        return frame

    def _trip(self, rows: list, going: np.ndarray, cursor: np.ndarray, due: np.ndarray, here: _Here,
              there: _Here) -> np.ndarray:
        """Stay where one is until leaving; far trips add a stay at the stop nearest the departure.

        Short trips on foot or by bike are not stays of their own: the phone is counted where it left.
        """
        by_transit = going & (distance_m(here.lat, here.lon, there.lat, there.lon) > _TRANSIT_FROM_M)
        if not self.stops.size:
            by_transit[:] = False
        leave = np.where(by_transit, np.maximum(due - _travel_minutes(here, there), cursor), due)
        self._add(rows, going, cursor, leave, here)
        if by_transit.any():
            far = distance_m(here.lat[:, None], here.lon[:, None], self.place_lat[self.stops][None, :],
                             self.place_lon[self.stops][None, :])
            stop = self.stops[far.argmin(axis=1)]
            self._add(rows, by_transit, leave, due, _Here(self.place_ids[stop], np.full(len(stop), "transit",
                                                                                      dtype=object),
                                                         self.place_lat[stop], self.place_lon[stop]))
        return np.where(going, np.maximum(due, cursor), cursor)

    def _add(self, rows: list, mask: np.ndarray, start: np.ndarray, end: np.ndarray, where: _Here) -> None:
        rows.append((self.people[mask], start[mask], end[mask], where.place_id[mask], where.activity[mask],
                     where.lat[mask], where.lon[mask]))


def _travel_minutes(here: _Here, there: _Here) -> np.ndarray:
    return (5 + distance_m(here.lat, here.lon, there.lat, there.lon) / _SPEED_M_PER_MIN).astype(np.int64)


class _Here:
    """Where each persona is at a point of the day being built."""

    def __init__(self, place_id: np.ndarray, activity: np.ndarray, lat: np.ndarray, lon: np.ndarray) -> None:
        self.place_id, self.activity, self.lat, self.lon = place_id, activity, lat, lon

    def moved(self, mask: np.ndarray, there: _Here) -> _Here:
        return _Here(*(np.where(mask, new, old) for old, new in
                       ((self.place_id, there.place_id), (self.activity, there.activity), (self.lat, there.lat),
                        (self.lon, there.lon))))
