"""Apps and trackers: when teens open their apps, and what those apps' trackers send out.

Usage model, and why:
- Phone apps are opened a Poisson number of times a day: the app's `sessions_per_day` times each of the
  teen's habit multipliers (a gamer opens games more). Opening times follow a teen's day: a morning
  glance, an evening peak, little at night, except for "night owls" (a per-teen factor on night hours,
  so late-night use is a trait some teens have, as profilers assume).
- At school, phones stay in the bag (phones are banned in French collèges since 2018): most openings
  drawn while the timeline says the teen is at school wait until the teen has left (the phone comes out
  at the school gate). The school timetable, holidays and free Wednesday afternoons therefore come from
  the stays, that is from the scenario, not from Python, and the number of openings a day stays the
  scenario's. The school platform and the canteen are the exceptions.
- Session lengths are lognormal with mean `session_minutes`: most are short, a few very long. An open
  app is not opened again: a session ends, at the latest, when the next one of the same app starts.
- Cards leave records too, without a phone: the transit card is tapped when each transit stay starts,
  the canteen badge at lunch on each school day a canteen eater is at school.
- During each session every tracker of the app sends requests: Poisson(`requests_per_minute` × the
  session's minutes, at least one minute), at least one, the first as the app opens. After a refusal of
  consent, ads, analytics and social trackers send only if they ignore the refusal (a draw per teen,
  app and tracker: one that ignores a teen's "no" ignores it every time); crash reporters always send.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import MINUTES_PER_DAY, NIGHT_HOURS, day_kinds, minute, to_timestamps
from kit.engine.mobility import positions_within, where_at
from kit.engine.people import habit_multipliers, memberships
from kit.scenario.model import App, Scenario

__all__ = ["NEEDS_CONSENT", "app_sessions", "tracker_requests"]

#: Relative phone use per hour of the day, on school days (up early, busy in the day) and on free days
#: (up late). Being at school, read from the stays, is what keeps phones away: see `_after_school`.
_SCHOOL_DAY_HOURS = np.array([0.3, 0.1, 0.05, 0.02, 0.02, 0.05, 0.4, 1.2, 0.7, 0.7, 0.7, 0.7,
                              1.2, 1.0, 0.7, 0.7, 1.4, 1.8, 2.0, 2.0, 2.2, 2.2, 1.6, 0.8])
_FREE_DAY_HOURS = np.array([0.6, 0.3, 0.1, 0.05, 0.02, 0.02, 0.05, 0.2, 0.5, 1.0, 1.4, 1.6,
                            1.6, 1.6, 1.7, 1.8, 1.9, 2.0, 2.0, 2.0, 2.2, 2.3, 1.9, 1.2])
#: The hours a night owl uses the phone more: the kit's night (`kit.engine.clock.NIGHT_HOURS`).
_NIGHT_HOURS = np.array([hour for hour in range(24) if hour >= NIGHT_HOURS[0] or hour < NIGHT_HOURS[1]])
#: Spread of the teens' night-owl factor (lognormal sigma, median 1): a few use their phone a lot at night.
_NIGHT_OWL_SIGMA = 0.8
#: Homework: the school platform is opened three times as often in the early evening.
_HOMEWORK_HOURS = slice(17, 22)
_HOMEWORK_FACTOR = 3.0
#: Share of the openings drawn during a stay at school that happen there anyway (breaks, lycées, rule-breakers).
_AT_SCHOOL_KEPT = 0.05
#: App categories used at school on purpose.
_USED_AT_SCHOOL = ("school", "canteen")
#: Spread of session lengths (lognormal sigma): most are short, a few very long.
_DURATION_SIGMA = 0.8
#: Canteen queue: badge taps spread over this many minutes after the lunch bell.
_LUNCH_QUEUE_MIN = 30
#: Tracker categories a refusal of consent is supposed to stop (crash reports are not asked about: the law exempts
#: them only when strictly necessary to the app, which the kit assumes of its made-up ones): what a
#: cookie banner asks about, in the order the consent workshop lists them.
NEEDS_CONSENT = ("ads", "analytics", "social")
#: Consent status of a session, as codes and as the table writes them.
_ACCEPTED, _REFUSED, _NOT_ASKED = 0, 1, 2
_CONSENT_LABELS = np.array(["accepted", "refused", "not_asked"], dtype=object)


def app_sessions(scenario: Scenario, personas: pd.DataFrame, stays: pd.DataFrame,
                 rng: np.random.Generator) -> pd.DataFrame:
    """Every time each teen opened an app or tapped a card (see the module docstring for the model)."""
    days = day_kinds(scenario.meta.period)
    installed = memberships(personas["apps"], [app.id for app in scenario.apps])
    boost = habit_multipliers(scenario, personas["habits"])
    night_owl = rng.lognormal(0.0, _NIGHT_OWL_SIGMA, len(personas))
    parts = []
    for index, app in enumerate(scenario.apps):
        owners = np.flatnonzero(installed[:, index])
        if app.usage == "phone":
            person, minutes = _phone_openings(app, owners, boost[owners, index], night_owl, days, rng)
        elif app.usage == "transit_card":
            person, minutes = _transit_taps(personas, owners, stays)
        else:
            person, minutes = _canteen_taps(scenario, personas, owners, days, rng)
        parts.append((person, minutes, np.full(person.size, index)))
    person, minutes, app_index = (np.concatenate(column) for column in zip(*parts))
    person_ids = personas["person_id"].to_numpy()
    where = where_at(stays, person_ids[person], minutes)
    at_school = where["activity"].to_numpy() == "school"
    usage = np.array([app.usage for app in scenario.apps])[app_index]
    in_the_bag = np.array([app.usage == "phone" and app.category not in _USED_AT_SCHOOL
                           for app in scenario.apps])[app_index]
    waiting = in_the_bag & at_school & (rng.random(person.size) >= _AT_SCHOOL_KEPT)
    minutes, place = _after_school(stays, person_ids[person], minutes, where["place_id"].to_numpy(), waiting)
    # The canteen badge is only tapped by teens who are at school at lunch time (not on short days).
    lunch = (usage != "canteen_badge") | at_school
    person, minutes, app_index, place = person[lunch], minutes[lunch], app_index[lunch], place[lunch]
    person, minutes, app_index, place, duration = _sessions_of(scenario, person, minutes, app_index, place, rng)
    app_ids = np.array([app.id for app in scenario.apps], dtype=object)
    order = _sort_order(_sorted_ranks(person_ids)[person], minutes, _sorted_ranks(app_ids)[app_index])
    return pd.DataFrame({
        "person_id": person_ids[person[order]],
        "timestamp": to_timestamps(scenario.meta.period, minutes[order]),
        "app": app_ids[app_index[order]],
        "duration_min": duration[order].round(1),
        "place_id": place[order],
    })


def tracker_requests(scenario: Scenario, sessions: pd.DataFrame, consent: pd.DataFrame,
                     rng: np.random.Generator) -> pd.DataFrame:
    """Each request a tracker sent during a session, the data fields it carried, and the consent status."""
    app_ids = np.array([app.id for app in scenario.apps], dtype=object)
    tracker_ids = np.array([tracker.id for tracker in scenario.trackers], dtype=object)
    tracker_index = {tracker_id: i for i, tracker_id in enumerate(tracker_ids)}
    person, people = pd.factorize(sessions["person_id"], sort=True)
    app = pd.Index(app_ids).get_indexer(sessions["app"])
    status = _consent_status(consent, people, app_ids)[person, app]
    # One row per session and tracker of its app.
    embedded = [np.array([tracker_index[t] for t in a.trackers], dtype=np.int64) for a in scenario.apps]
    per_app = np.array([trackers.size for trackers in embedded])
    first_of_app = np.cumsum(per_app) - per_app
    row = np.repeat(np.arange(len(sessions)), per_app[app])
    tracker = np.concatenate(embedded)[first_of_app[app[row]] + positions_within(per_app[app])]
    needs_consent = np.array([t.category in NEEDS_CONSENT for t in scenario.trackers])
    ignores_refusal = rng.random((len(people), len(app_ids), len(tracker_ids))) < \
        scenario.consent.acceptance.leak_after_refusal
    sends = (~needs_consent[tracker] | (status[row] != _REFUSED)
             | ignores_refusal[person[row], app[row], tracker])
    row, tracker = row[sends], tracker[sends]
    # Requests of each (session, tracker): the first when the app opens, the others during the session.
    duration = sessions["duration_min"].to_numpy(dtype=float)[row]
    per_minute = np.array([t.requests_per_minute for t in scenario.trackers])[tracker]
    count = np.maximum(rng.poisson(per_minute * np.maximum(duration, 1.0)), 1)
    row, tracker = np.repeat(row, count), np.repeat(tracker, count)
    offset = (rng.random(row.size) * np.repeat(duration * 60, count)).astype(np.int64)
    offset[np.cumsum(count) - count] = 0
    seconds = sessions["timestamp"].to_numpy().astype("datetime64[s]").astype(np.int64)[row] + offset
    order = _sort_order(person[row], seconds - seconds.min(initial=0), _sorted_ranks(app_ids)[app[row]],
                        _sorted_ranks(tracker_ids)[tracker])
    row, tracker, seconds = row[order], tracker[order], seconds[order]
    fields = np.array(["|".join(t.fields) for t in scenario.trackers], dtype=object)
    return pd.DataFrame({
        "person_id": people.to_numpy(dtype=object)[person[row]],
        "timestamp": pd.Series(seconds.astype("datetime64[s]")),
        "app": app_ids[app[row]],
        "tracker": tracker_ids[tracker],
        "data_sent": fields[tracker],
        "consent": _CONSENT_LABELS[status[row]],
    })


def _consent_status(consent: pd.DataFrame, people: pd.Index, app_ids: np.ndarray) -> np.ndarray:
    """Each (person, app)'s answer as a status code; not asked where the app showed no banner."""
    status = np.full((len(people), len(app_ids)), _NOT_ASKED)
    person = people.get_indexer(consent["person_id"])
    app = pd.Index(app_ids).get_indexer(consent["app"])
    known = (person >= 0) & (app >= 0)
    answer = np.where(consent["choice"].to_numpy() == "accept_all", _ACCEPTED, _REFUSED)
    status[person[known], app[known]] = answer[known]
    return status


def _phone_openings(app: App, owners: np.ndarray, boost: np.ndarray, night_owl: np.ndarray, days: pd.DataFrame,
                    rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Poisson openings per owner and day, at hours drawn from that owner's profile of the day."""
    school = days["school_day"].to_numpy()
    counts = rng.poisson(np.broadcast_to(app.sessions_per_day * boost[:, None], (owners.size, school.size)))
    person = np.repeat(owners, counts.sum(axis=1))
    day = np.nonzero(counts)[1].repeat(counts[counts > 0])
    # One normalised cumulative profile per (person, kind of day), laid end to end and offset by its row
    # number, so one sorted search draws every opening's hour from its own row.
    profiles = np.stack([_SCHOOL_DAY_HOURS, _FREE_DAY_HOURS])[None, :, :] * np.ones((night_owl.size, 1, 1))
    profiles[:, :, _NIGHT_HOURS] *= night_owl[:, None, None]
    if app.category == "school":
        profiles[:, :, _HOMEWORK_HOURS] *= _HOMEWORK_FACTOR
    cumulative = np.cumsum(profiles, axis=2)
    cumulative /= cumulative[:, :, -1:]
    rows = np.arange(night_owl.size * 2, dtype=float)[:, None]
    profile_row = person * 2 + np.where(school[day], 0, 1)
    hour = np.searchsorted((cumulative.reshape(-1, 24) + rows).ravel(), profile_row + rng.random(person.size),
                           side="right") - profile_row * 24
    minutes = day * MINUTES_PER_DAY + np.minimum(hour, 23) * 60 + rng.integers(0, 60, person.size)
    return person, minutes.astype(np.int64)


def _after_school(stays: pd.DataFrame, person_ids: np.ndarray, minutes: np.ndarray, place: np.ndarray,
                  waiting: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Openings drawn in class happen later, hour by hour, once the teen has left school.

    The count of openings a day stays what the scenario says; only their time moves (the phone comes out
    at the school gate). A day later at most, whatever the stays say.
    """
    minutes, place = minutes.copy(), place.copy()
    waiting = np.flatnonzero(waiting)
    for _ in range(MINUTES_PER_DAY // 60):
        if not waiting.size:
            break
        minutes[waiting] += 60
        where = where_at(stays, person_ids[waiting], minutes[waiting])
        place[waiting] = where["place_id"].to_numpy()
        waiting = waiting[where["activity"].to_numpy() == "school"]
    return minutes, place


def _sessions_of(scenario: Scenario, person: np.ndarray, minutes: np.ndarray, app_index: np.ndarray,
                 place: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """Openings become sessions with a length; taps last 0 minutes.

    An open app is not opened again: a second opening in the same minute is the same session, and a
    session ends, at the latest, when the next one of the same app starts.
    """
    order = _sort_order(person, app_index, minutes)
    opened = np.ones(order.size, dtype=bool)
    opened[1:] = ~_same_as_next(person[order], app_index[order], minutes[order])
    person, minutes, app_index, place = (column[order[opened]] for column in (person, minutes, app_index, place))
    mean = np.array([app.session_minutes for app in scenario.apps])[app_index]
    drawn = np.maximum(rng.lognormal(np.log(mean) - _DURATION_SIGMA**2 / 2, _DURATION_SIGMA), 0.1)
    until_next = np.full(person.size, np.inf)
    until_next[:-1] = np.where(_same_as_next(person, app_index), np.diff(minutes), np.inf)
    phone = np.array([app.usage == "phone" for app in scenario.apps])[app_index]
    return person, minutes, app_index, place, np.where(phone, np.minimum(drawn, until_next), 0.0)


def _same_as_next(*columns: np.ndarray) -> np.ndarray:
    """For each row but the last: whether the next row has the same values in all `columns`."""
    return np.logical_and.reduce([column[1:] == column[:-1] for column in columns])


def _transit_taps(personas: pd.DataFrame, owners: np.ndarray, stays: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """A tap as each transit stay of a card owner starts."""
    person = pd.Index(personas["person_id"]).get_indexer(stays["person_id"])
    rides = (stays["activity"].to_numpy() == "transit") & np.isin(person, owners)
    return person[rides], stays["start"].to_numpy(dtype=np.int64)[rides]


def _canteen_taps(scenario: Scenario, personas: pd.DataFrame, owners: np.ndarray, days: pd.DataFrame,
                  rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A badge tap at lunch on each school day for canteen eaters (kept only if they are at school then)."""
    eaters = owners[personas["canteen"].to_numpy(dtype=bool)[owners]]
    school_days = np.flatnonzero(days["school_day"].to_numpy())
    person = np.repeat(eaters, school_days.size)
    minutes = (np.tile(school_days, eaters.size) * MINUTES_PER_DAY + minute(scenario.teens.school_day.lunch)
               + rng.integers(0, _LUNCH_QUEUE_MIN, person.size))
    return person, minutes.astype(np.int64)


def _sort_order(*keys: np.ndarray) -> np.ndarray:
    """Stable order of rows sorted by non-negative integer keys, most significant first.

    The keys are packed into one int64 (a single sort is several times faster than a lexsort).
    """
    packed = np.zeros(keys[0].size, dtype=np.int64)
    for key in keys:
        packed = packed * (int(key.max(initial=0)) + 1) + key
    return np.argsort(packed, kind="stable")


def _sorted_ranks(values: np.ndarray) -> np.ndarray:
    """Each value's rank in sorted order (so integer codes sort like the strings they stand for)."""
    return np.argsort(np.argsort(values, kind="stable"), kind="stable")
