"""The teen's advertising profile, opened up: each segment, in or out, how sure the profiler is, and the
clues it used, in the teen's language.

The engine's own `evidence` column is a French sentence; the clues are rebuilt here from the scenario's
segment rules and the trail (minutes a day in an app, visits a week to a kind of place, share of phone
use at night), so that English readers get them too and every number can be checked against the trail.
Bars differ in colour *and* in the word written on them (Okabe–Ito palette), and `describe_profile` says
the chart in words for screen readers.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from kit.analysis.segments import segment_labels
from kit.engine.clock import at_night
from kit.i18n import text
from kit.i18n.formats import decimal, percent
from kit.scenario.model import Scenario, Segment

__all__ = ["describe_profile", "profile_chart", "segment_clues"]

Trail = dict[str, pd.DataFrame]
#: In the segment / left out / the profile before the teen's changes (step 4).
_IN_COLOUR, _OUT_COLOUR, _BEFORE_COLOUR = "#D55E00", "#0072B2", "#BBBBBB"
#: A segment's row, with one bar or two (before and now): what a phone shows of the chart at once, with the
#: words written on each bar still readable.
_ROW_PX, _TWO_BARS_ROW_PX = 36, 60


def profile_chart(profiles: pd.DataFrame, scenario: Scenario, *, language: str,
                  before: pd.DataFrame | None = None) -> go.Figure:
    """Horizontal bars of confidence per segment, the threshold as a dashed line; `before` adds grey bars
    of an earlier profile under each one, to compare."""
    labels = _labels(scenario, language)
    rows = profiles.set_index("segment").reindex(labels.index)
    names = labels.tolist()
    figure = go.Figure()
    if before is not None:
        earlier = before.set_index("segment").reindex(labels.index)
        figure.add_trace(go.Bar(
            y=names, x=earlier["confidence"], orientation="h", name=text("profilage.chart.before", language),
            marker={"color": _BEFORE_COLOUR}, text=[percent(value, language) for value in earlier["confidence"]],
            textposition="auto", hovertemplate="%{y} : %{x:.0%}<extra></extra>"))
    words = [text("profilage.in" if inside else "profilage.out", language) for inside in rows["in_segment"]]
    figure.add_trace(go.Bar(
        y=names, x=rows["confidence"], orientation="h", name=text("profilage.chart.now", language),
        marker={"color": [_IN_COLOUR if inside else _OUT_COLOUR for inside in rows["in_segment"]]},
        text=[f"{percent(value, language)} · {word}" for value, word in zip(rows["confidence"], words)],
        textposition="auto", insidetextanchor="start", hovertemplate="%{y} : %{text}<extra></extra>"))
    threshold = scenario.profiling.threshold
    figure.add_vline(x=threshold, line={"dash": "dash", "color": "#000000", "width": 2})
    figure.add_annotation(x=threshold, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                          text=text("profilage.chart.threshold", language, threshold=percent(threshold, language)))
    figure.update_layout(
        title={"text": text("profilage.chart.title", language, count=int(rows["in_segment"].sum()),
                            total=len(rows))},
        barmode="group", bargap=0.15, height=120 + (_ROW_PX if before is None else _TWO_BARS_ROW_PX) * len(names),
        margin={"t": 80}, showlegend=before is not None,
        xaxis={"range": [0, 1], "tickformat": ".0%", "title": text("profilage.chart.axis", language)},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def describe_profile(profiles: pd.DataFrame, scenario: Scenario, *, language: str) -> str:
    """The chart in words (HTML-safe): what a screen reader says, and what the printed fallback shows."""
    labels = _labels(scenario, language).map(html.escape)
    inside = profiles[profiles["in_segment"]]
    listed = ", ".join(f"{labels[row.segment]} ({percent(row.confidence, language)})" for row in inside.itertuples())
    threshold = scenario.profiling.threshold
    odd = profiles["in_segment"] != (profiles["confidence"] >= threshold)
    summary = text("profilage.profile.summary", language, count=len(inside), total=len(profiles),
                   segments=listed or text("profilage.profile.none", language), threshold=percent(threshold, language))
    if odd.any():
        summary += " " + text("profilage.profile.flipped", language,
                              segments=", ".join(labels[segment] for segment in profiles.loc[odd, "segment"]))
    return summary


def segment_clues(trail: Trail, scenario: Scenario, stays: pd.DataFrame, *, language: str) -> str:
    """One list item per segment: in or out, how sure, and the clues behind it (HTML)."""
    days = scenario.meta.period.days
    sessions = trail["app_sessions"]
    minutes = sessions.groupby("app")["duration_min"].sum() / days
    kinds = {place.id: place.kind for place in scenario.places}
    visits = stays.loc[stays["activity"] == "visit", "place_id"].map(kinds).value_counts() / (days / 7)
    night = float(at_night(sessions["timestamp"]).mean()) if len(sessions) else 0.0
    names = {app.id: app.name for app in scenario.apps}
    labels = _labels(scenario, language)
    rows = trail["profiles"].set_index("segment")
    items = []
    for segment in scenario.profiling.segments:
        row = rows.loc[segment.id]
        clues = _clues(segment, minutes, visits, night, names, language)
        verdict = text("profilage.in" if row["in_segment"] else "profilage.out", language)
        items.append(text("profilage.profile.item", language, segment=html.escape(labels[segment.id]),
                          kind=text(f"profilage.kind.{segment.kind}", language), verdict=verdict,
                          confidence=percent(row["confidence"], language),
                          clues=" · ".join(clues) if clues else text("profilage.clue.none", language)))
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _clues(segment: Segment, minutes: pd.Series, visits: pd.Series, night: float, names: dict[str, str],
           language: str) -> list[str]:
    """The segment's clues that the trail shows (a clue worth zero is not a clue)."""
    clues = [text("profilage.clue.app", language, app=html.escape(names[app]), minutes=round(minutes.get(app, 0.0)))
             for app in segment.apps if round(minutes.get(app, 0.0))]
    clues += [text("profilage.clue.place", language, place=text(f"profilage.place.{kind}", language),
                   visits=decimal(visits.get(kind, 0.0), 1, language))
              for kind in segment.places if visits.get(kind, 0.0) >= 0.05]
    if segment.night_use and night:
        clues.append(text("profilage.clue.night", language, share=percent(night, language)))
    return clues


def _labels(scenario: Scenario, language: str) -> pd.Series:
    return pd.Series(segment_labels(scenario, language))
