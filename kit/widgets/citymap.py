"""The scenario's city as an offline map: its places, and optionally a teen's pings and what was inferred.

Plain x/y axes (longitude across, latitude up) rather than map tiles or geo traces: workshops run without
internet, and tiles would also leak each viewer's position to a tile server. The y axis is stretched by
1/cos(latitude) so that a metre north is as long on screen as a metre east. Markers differ in colour *and*
shape (Okabe–Ito palette), and `describe_map` is the figure's text alternative.
"""

from __future__ import annotations

import html
from collections import Counter

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.place_groups import GROUP_OF_KIND
from kit.engine.places import METRES_PER_DEGREE
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["POINT_KINDS", "city_map", "describe_map"]

#: group → (colour, marker symbol, size); neighbourhoods are drawn as labelled open circles.
_GROUP_STYLES = {
    "neighbourhood": ("#0072B2", "circle-open", 16),
    "school": ("#009E73", "square", 12),
    "transit_stop": ("#56B4E9", "diamond", 9),
    "outing": ("#CC79A7", "pentagon", 10),
    "work_area": ("#000000", "hexagon-open", 10),
}

#: Extra points a caller may add: kind → (colour, marker symbol, size, opacity). Drawn over the places.
POINT_KINDS = {
    "night_ping": ("#E69F00", "circle", 6, 0.35),
    "school_ping": ("#009E73", "triangle-up", 6, 0.35),
    "true_home": ("#000000", "x", 14, 1.0),
    "home": ("#D55E00", "star", 20, 1.0),
    "school": ("#D55E00", "star-diamond", 18, 1.0),
}


def city_map(scenario: Scenario, *, language: str, points: pd.DataFrame | None = None) -> go.Figure:
    """The city's places by kind, plus `points` (columns lat, lon, label, kind; kinds from `POINT_KINDS`).

    Labels are plain text: they are escaped, so a nickname inside one never turns into markup.
    """
    figure = go.Figure()
    for group, (colour, symbol, size) in _GROUP_STYLES.items():
        places = [place for place in scenario.places if GROUP_OF_KIND[place.kind] == group]
        if not places:
            continue
        names = [html.escape(place.name) for place in places]
        figure.add_trace(go.Scatter(
            x=[place.lon for place in places], y=[place.lat for place in places],
            customdata=[place.id for place in places], hovertext=names, hoverinfo="text",
            text=names if group == "neighbourhood" else None, textposition="top center",
            mode="markers+text" if group == "neighbourhood" else "markers",
            name=text(f"citymap.kind.{group}", language),
            marker={"color": colour, "symbol": symbol, "size": size, "line": {"width": 2, "color": colour}},
        ))
    for kind, extra in _by_kind(points).items():
        colour, symbol, size, opacity = POINT_KINDS[kind]
        figure.add_trace(go.Scatter(
            x=extra["lon"], y=extra["lat"], hovertext=[html.escape(str(label)) for label in extra["label"]],
            hoverinfo="text", mode="markers", name=text(f"citymap.point.{kind}", language),
            marker={"color": colour, "symbol": symbol, "size": size, "opacity": opacity,
                    "line": {"width": 1, "color": "#000000"}},
        ))
    centre_lat = float(np.mean([place.lat for place in scenario.places]))
    axis = {"showgrid": False, "zeroline": False, "showticklabels": False}
    figure.update_layout(
        title=text("citymap.title", language, city=scenario.meta.city.name),
        xaxis={**axis, "title": text("citymap.axis_x", language)},
        # One degree of longitude is cos(latitude) times shorter than one of latitude.
        yaxis={**axis, "title": text("citymap.axis_y", language), "scaleanchor": "x",
               "scaleratio": float(1 / np.cos(np.radians(centre_lat)))},
        shapes=[_circle(place.lat, place.lon, place.radius_m, _GROUP_STYLES["neighbourhood"][0])
                for place in scenario.places_of_kind("neighbourhood")],
        height=560,
    )
    return figure


def describe_map(scenario: Scenario, *, language: str, points: pd.DataFrame | None = None) -> str:
    """The map in words: what a screen reader says, and what the printed fallback shows."""
    groups = Counter(GROUP_OF_KIND[place.kind] for place in scenario.places)
    summary = text("citymap.summary", language, city=scenario.meta.city.name, neighbourhoods=groups["neighbourhood"],
                   schools=groups["school"], stops=groups["transit_stop"],
                   others=len(scenario.places) - groups["neighbourhood"] - groups["school"] - groups["transit_stop"])
    extras = _by_kind(points)
    if not extras:
        return summary
    items = ", ".join(f"{text(f'citymap.point.{kind}', language).lower()} ({len(extra)})"
                      for kind, extra in extras.items())
    return f"{summary} {text('citymap.points', language, items=items)}"


def _by_kind(points: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """The caller's points split by kind, in `POINT_KINDS` order (so big stars stay above small dots)."""
    if points is None or points.empty:
        return {}
    unknown = set(points["kind"]) - set(POINT_KINDS)
    if unknown:
        raise ValueError(f"unknown point kinds {sorted(unknown)}; known: {', '.join(POINT_KINDS)}")
    return {kind: points[points["kind"] == kind] for kind in POINT_KINDS if (points["kind"] == kind).any()}


def _circle(lat: float, lon: float, radius_m: float, colour: str) -> dict:
    """A neighbourhood's extent as a dotted circle, in data coordinates (drawn under the markers)."""
    dlat = radius_m / METRES_PER_DEGREE
    dlon = dlat / float(np.cos(np.radians(lat)))
    return {"type": "circle", "xref": "x", "yref": "y", "x0": lon - dlon, "x1": lon + dlon, "y0": lat - dlat,
            "y1": lat + dlat, "line": {"color": colour, "width": 1, "dash": "dot"}, "layer": "below"}
