"""One day of a teen's trail on a timeline: every data point their phone and cards produced, by app.

Markers differ in colour *and* shape (Okabe–Ito palette), and every figure has a text alternative
(`describe_day`), so the timeline works for colour-blind teens and screen readers alike.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from kit.i18n import text
from kit.i18n.formats import month_name
from kit.scenario.model import Scenario

__all__ = ["day_timeline", "describe_day"]

#: (table, column holding the app, catalog key of the label, colour, marker symbol)
_KINDS = (
    ("app_sessions", "app", "timeline.kind_session", "#0072B2", "circle"),
    ("location_pings", "source_app", "timeline.kind_location", "#E69F00", "triangle-up"),
    ("tracker_requests", "app", "timeline.kind_tracker", "#D55E00", "x"),
)


def day_timeline(trail: dict[str, pd.DataFrame], scenario: Scenario, day: date, *,
                 language: str = "fr") -> go.Figure:
    """A scatter of the day's events: time of day across, app or card down, one trace per kind."""
    names = {app.id: app.name for app in scenario.apps}
    figure = go.Figure()
    total = 0
    for table, column, label, colour, symbol in _KINDS:
        events = _on(trail[table], day)
        total += len(events)
        figure.add_trace(go.Scatter(
            x=events["timestamp"], y=events[column].map(names), mode="markers", name=text(label, language),
            marker={"color": colour, "symbol": symbol, "size": 9, "opacity": 0.7},
            hovertemplate="%{x|%H:%M} · %{y}<extra>" + text(label, language) + "</extra>",
        ))
    figure.update_layout(
        title=text("timeline.title", language, day=_day_label(day, language), count=total),
        xaxis={"title": text("timeline.axis_time", language), "tickformat": "%H:%M",
               "range": [pd.Timestamp(day), pd.Timestamp(day) + pd.Timedelta(days=1)]},
        yaxis={"title": text("timeline.axis_source", language)},
        legend={"orientation": "h", "y": -0.25}, font={"size": 14}, height=420, margin={"l": 10, "r": 10},
    )
    return figure


def describe_day(trail: dict[str, pd.DataFrame], scenario: Scenario, day: date, *, language: str = "fr") -> str:
    """The timeline in words: what a screen reader says, and what the printed fallback shows."""
    counts = {table: _on(trail[table], day) for table, *_ in _KINDS}
    total = sum(len(events) for events in counts.values())
    if not total:
        return text("timeline.empty", language)
    names = {app.id: app.name for app in scenario.apps}
    apps = pd.concat([events[column] for (table, column, *_), events in zip(_KINDS, counts.values())])
    return text("timeline.summary", language, day=_day_label(day, language), count=total,
                sessions=len(counts["app_sessions"]), locations=len(counts["location_pings"]),
                requests=len(counts["tracker_requests"]), top_app=names[apps.value_counts().index[0]])


def _on(events: pd.DataFrame, day: date) -> pd.DataFrame:
    return events[events["timestamp"].dt.date == day]


def _day_label(day: date, language: str) -> str:
    """"16 mars", "March 16": month names from CLDR (`strftime` names months in the C locale), the order and
    the first of the month ("1er mars") from the catalogs."""
    number = text("timeline.first_of_month", language) if day.day == 1 else day.day
    return text("timeline.day", language, day=number, month=month_name(day.month, language))
