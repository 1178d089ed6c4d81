"""Apps and trackers: when teens open their apps, and what those apps' trackers send out.

Phone apps are opened a Poisson number of times a day (the app's rate, times the teen's habits), at
hours that follow a teen's day: little at night (more for night owls), almost nothing in class (phones
are banned in French collèges since 2018), peaks at lunch and in the evening. Cards leave records too:
the transit card at every tram or bus ride, the canteen badge at every school lunch. Each session then
wakes the app's embedded trackers, which send their data fields — unless the teen refused consent, in
which case only crash reporters, and the few trackers that ignore refusals, still send.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import MINUTES_PER_DAY, day_kinds, minute, to_timestamps
from kit.engine.mobility import where_at
from kit.scenario.model import App, Scenario

__all__ = ["app_sessions", "tracker_requests"]

#: Relative phone use per hour on school days and on free days (weekends, holidays).
_SCHOOL_DAY_HOURS = np.array([0.3, 0.1, 0.05, 0.02, 0.02, 0.05, 0.4, 1.2, 0.1, 0.05, 0.15, 0.05,
                              1.5, 0.8, 0.1, 0.15, 0.6, 1.8, 2.0, 2.0, 2.2, 2.2, 1.6, 0.8])
_FREE_DAY_HOURS = np.array([0.6, 0.3, 0.1, 0.05, 0.02, 0.02, 0.05, 0.2, 0.5, 1.0, 1.4, 1.6,
                            1.6, 1.6, 1.7, 1.8, 1.9, 2.0, 2.0, 2.0, 2.2, 2.3, 1.9, 1.2])
_NIGHT_HOURS = np.array([0, 1, 2, 3, 4, 5, 22, 23])
#: Teens use their phone more on days without school.
_FREE_DAY_FACTOR = 1.4
#: Spread of session lengths (lognormal sigma): most are short, a few very long.
_DURATION_SIGMA = 0.8
#: Categories a refusal of consent is supposed to stop (crash reports are exempt).
_NEEDS_CONSENT = ("analytics", "ads", "social")


def app_sessions(scenario: Scenario, personas: pd.DataFrame, stays: pd.DataFrame,
                 rng: np.random.Generator) -> pd.DataFrame:
    """Every time each teen opened an app or tapped a card (see the module docstring)."""
    days = day_kinds(scenario.meta.period)
    night_owl = rng.lognormal(0.0, 0.8, len(personas))
    installed = personas["apps"].str.split("|")
    parts = []
    for app in scenario.apps:
        owners = np.flatnonzero(installed.apply(lambda ids, app_id=app.id: app_id in ids).to_numpy())
        if app.usage == "phone":
            parts.append(_phone_sessions(scenario, app, personas, owners, night_owl, days, rng))
        elif app.usage == "transit_card":
            rides = stays[(stays["activity"] == "transit") & stays["person_id"].isin(personas["person_id"].iloc[owners])]
            parts.append(_taps(app, rides["person_id"].to_numpy(), rides["start"].to_numpy()))
        else:
            parts.append(_canteen_taps(scenario, app, personas, owners, stays, days, rng))
    sessions = pd.concat(parts, ignore_index=True)
    where = where_at(stays, sessions["person_id"].to_numpy(), sessions["minute"].to_numpy())
    table = pd.DataFrame({
        "person_id": sessions["person_id"],
        "timestamp": to_timestamps(scenario.meta.period, sessions["minute"].to_numpy()),
        "app": sessions["app"],
        "duration_min": sessions["duration_min"].round(1),
        "place_id": where["place_id"],
    })
    return table.sort_values(["person_id", "timestamp", "app"], kind="stable").reset_index(drop=True)


def tracker_requests(scenario: Scenario, sessions: pd.DataFrame, consent: pd.DataFrame,
                     rng: np.random.Generator) -> pd.DataFrame:
    """Each request a tracker sent during a session, with the data fields it carried."""
    choice = consent.set_index(["person_id", "app"])["choice"]
    columns = ["person_id", "timestamp", "app", "tracker", "data_sent", "consent"]
    trackers = {tracker.id: tracker for tracker in scenario.trackers}
    parts = []
    for app in scenario.apps:
        used = sessions[sessions["app"] == app.id]
        if used.empty or not app.trackers:
            continue
        answer = pd.Series(list(zip(used["person_id"], used["app"]))).map(choice).to_numpy()
        status = np.where(pd.isna(answer), "not_asked", np.where(answer == "accept_all", "accepted", "refused"))
        for tracker_id in app.trackers:
            tracker = trackers[tracker_id]
            sends = _sends_despite_refusal(scenario, used["person_id"].to_numpy(), tracker.category, status, rng)
            duration = used["duration_min"].to_numpy()
            count = np.where(sends, 1 + rng.poisson(tracker.requests_per_minute * np.maximum(duration, 0)), 0)
            # The first request leaves when the app opens, the others at random during the session.
            offsets = rng.uniform(0, 1, count.sum()) * np.repeat(duration, count)
            offsets[(np.cumsum(count) - count)[count > 0]] = 0.0
            starts = np.repeat(used["timestamp"].to_numpy(), count)
            parts.append(pd.DataFrame({
                "person_id": np.repeat(used["person_id"].to_numpy(), count),
                "timestamp": (starts + (offsets * 60).astype("timedelta64[s]")).astype("datetime64[s]"),
                "app": app.id,
                "tracker": tracker.id,
                "data_sent": "|".join(tracker.fields),
                "consent": np.repeat(status, count),
            }))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return table.sort_values(["person_id", "timestamp", "app", "tracker"], kind="stable").reset_index(drop=True)


def _sends_despite_refusal(scenario: Scenario, people: np.ndarray, category: str, status: np.ndarray,
                           rng: np.random.Generator) -> np.ndarray:
    """Whether each session's tracker sends: always with consent; after a refusal, only leaky ones.

    Leaking is decided once per teen (a tracker that ignores a teen's refusal ignores it every time).
    """
    if category not in _NEEDS_CONSENT:
        return np.ones(status.size, dtype=bool)
    unique, inverse = np.unique(people, return_inverse=True)
    leaks = (rng.random(unique.size) < scenario.consent.acceptance.leak_after_refusal)[inverse]
    return (status != "refused") | leaks


def _phone_sessions(scenario: Scenario, app: App, personas: pd.DataFrame, owners: np.ndarray,
                    night_owl: np.ndarray, days: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    boost = _habit_boost(scenario, app, personas["habits"].to_numpy()[owners])
    school = days["school_day"].to_numpy()
    rates = app.sessions_per_day * boost[:, None] * np.where(school, 1.0, _FREE_DAY_FACTOR)[None, :]
    counts = rng.poisson(rates)
    person = np.repeat(np.repeat(owners, len(days)), counts.ravel())
    day = np.repeat(np.tile(np.arange(len(days)), owners.size), counts.ravel())
    # Hour of each session: the day's profile, with night hours scaled by the teen's night-owl factor.
    profiles = np.where(school[day][:, None], _SCHOOL_DAY_HOURS, _FREE_DAY_HOURS)
    profiles[:, _NIGHT_HOURS] *= night_owl[person][:, None]
    if app.category == "school":
        profiles[:, 17:22] *= 3  # homework time on the school platform
    cumulative = np.cumsum(profiles, axis=1)
    hour = (cumulative < rng.random(person.size)[:, None] * cumulative[:, -1:]).sum(axis=1)
    minutes = day * MINUTES_PER_DAY + hour * 60 + rng.integers(0, 60, person.size)
    mu = np.log(app.session_minutes) - _DURATION_SIGMA**2 / 2
    duration = np.maximum(rng.lognormal(mu, _DURATION_SIGMA, person.size), 0.1)
    return pd.DataFrame({"person_id": personas["person_id"].to_numpy()[person], "minute": minutes,
                         "app": app.id, "duration_min": duration})


def _habit_boost(scenario: Scenario, app: App, habits: np.ndarray) -> np.ndarray:
    """Multiplier of each teen's use of `app`: the strongest of their habits' multipliers (1 if none)."""
    by_id = {habit.id: habit.app_use.get(app.id, 1.0) for habit in scenario.teens.habits}
    return np.array([max([by_id[h] for h in row.split("|") if h] or [1.0]) for row in habits], dtype=float)


def _taps(app: App, people: np.ndarray, minutes: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"person_id": people, "minute": minutes, "app": app.id,
                         "duration_min": np.zeros(people.size)})


def _canteen_taps(scenario: Scenario, app: App, personas: pd.DataFrame, owners: np.ndarray, stays: pd.DataFrame,
                  days: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """A badge tap at lunch on each school day a canteen eater is at school then."""
    eaters = owners[personas["canteen"].to_numpy()[owners]]
    school_days = np.flatnonzero(days["school_day"].to_numpy())
    people = np.repeat(personas["person_id"].to_numpy()[eaters], school_days.size)
    minutes = (np.tile(school_days, eaters.size) * MINUTES_PER_DAY + minute(scenario.teens.school_day.lunch)
               + rng.integers(0, 30, people.size))
    at_school = where_at(stays, people, minutes)["activity"].to_numpy() == "school"
    return _taps(app, people[at_school], minutes[at_school])
