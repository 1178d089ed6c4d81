"""One day of a teen's trail on a timeline: every data point their phone and cards produced, by app.

Markers differ in colour *and* shape (Okabe–Ito palette), and every figure has a text alternative
(`kit.analysis.day_events.describe_day`), so the timeline works for colour-blind teens and screen readers alike.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from kit.analysis.day_events import DAY_EVENTS, day_label, events_on
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["day_timeline"]

#: Each kind of data point's (colour, marker symbol), by table.
_STYLES = {
    "app_sessions": ("#0072B2", "circle"),
    "location_pings": ("#E69F00", "triangle-up"),
    "tracker_requests": ("#D55E00", "x"),
}


def day_timeline(trail: dict[str, pd.DataFrame], scenario: Scenario, day: date, *,
                 language: str = "fr") -> go.Figure:
    """A scatter of the day's events: time of day across, app or card down, one trace per kind."""
    names = {app.id: app.name for app in scenario.apps}
    figure = go.Figure()
    total = 0
    for table, column, label in DAY_EVENTS:
        colour, symbol = _STYLES[table]
        events = events_on(trail[table], day)
        total += len(events)
        figure.add_trace(go.Scatter(
            x=events["timestamp"], y=events[column].map(names), mode="markers", name=text(label, language),
            marker={"color": colour, "symbol": symbol, "size": 9, "opacity": 0.7},
            hovertemplate="%{x|%H:%M} · %{y}<extra>" + text(label, language) + "</extra>",
        ))
    figure.update_layout(
        title=text("timeline.title", language, day=day_label(day, language), count=total),
        xaxis={"title": text("timeline.axis_time", language), "tickformat": "%H:%M",
               "range": [pd.Timestamp(day), pd.Timestamp(day) + pd.Timedelta(days=1)]},
        yaxis={"title": text("timeline.axis_source", language)},
        height=420,
    )
    return figure
