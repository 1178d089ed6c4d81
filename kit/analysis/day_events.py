"""One day of a teen's trail: every data point their phone and cards produced, by kind, and the day in words
(what a screen reader says of the screen's timeline, and what workshop 1's answer key prints).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from kit.analysis.trackers import trail_days
from kit.i18n import text
from kit.i18n.formats import month_name
from kit.scenario.model import Scenario

__all__ = ["DAY_EVENTS", "day_label", "describe_day", "events_on", "points_per_day"]

#: The kinds of data point a day holds: (table, column holding the app, catalog key of the kind's name).
DAY_EVENTS = (
    ("app_sessions", "app", "timeline.kind_session"),
    ("location_pings", "source_app", "timeline.kind_location"),
    ("tracker_requests", "app", "timeline.kind_tracker"),
)


def describe_day(trail: dict[str, pd.DataFrame], scenario: Scenario, day: date, *, language: str = "fr") -> str:
    """The day in words: how many data points of each kind, and the app behind the most of them."""
    counts = {table: events_on(trail[table], day) for table, *_ in DAY_EVENTS}
    total = sum(len(events) for events in counts.values())
    if not total:
        return text("timeline.empty", language)
    names = {app.id: app.name for app in scenario.apps}
    apps = pd.concat([events[column] for (table, column, _), events in zip(DAY_EVENTS, counts.values())])
    return text("timeline.summary", language, day=day_label(day, language), count=total,
                sessions=len(counts["app_sessions"]), locations=len(counts["location_pings"]),
                requests=len(counts["tracker_requests"]), top_app=names[apps.value_counts().index[0]])


def points_per_day(trail: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Data points of each kind (by table, as `DAY_EVENTS` lists them) on an average day of the trail, to one
    decimal: what the group screen compares between doubles, whatever day each teen looked at."""
    days = trail_days(trail)
    return {table: round(len(trail[table]) / days, 1) for table, *_ in DAY_EVENTS}


def events_on(events: pd.DataFrame, day: date) -> pd.DataFrame:
    """The rows of `events` timestamped on `day`."""
    return events[events["timestamp"].dt.date == day]


def day_label(day: date, language: str) -> str:
    """"16 mars", "March 16": month names from the catalogs, since `strftime` names months in the C locale."""
    number = text("timeline.first_of_month", language) if day.day == 1 else day.day
    return text("timeline.day", language, day=number, month=month_name(day.month, language))
