"""The offline city map: every place, true proportions, no map tiles, readable without colour."""

from __future__ import annotations

import typing

import numpy as np
import pandas as pd
import pytest

from kit.analysis.place_groups import GROUP_OF_KIND
from kit.engine.places import METRES_PER_DEGREE
from kit.scenario.model import PlaceKind, Scenario
from kit.widgets.citymap import city_map, describe_map

OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
#: Layout settings that would mean tiles, a globe or online map data.
GEO_SETTINGS = {"geo", "mapbox", "map", "images"}


def _points(nantes: Scenario) -> pd.DataFrame:
    home = nantes.place("bellevue")
    return pd.DataFrame({"lat": [home.lat, home.lat + 0.001], "lon": [home.lon, home.lon],
                         "label": ["<b>lune42</b>", "23:10"], "kind": ["home", "night_ping"]})


def test_every_place_of_the_scenario_is_on_the_map(nantes: Scenario) -> None:
    figure = city_map(nantes, language="fr")
    shown = [place_id for trace in figure.data if trace.customdata is not None for place_id in trace.customdata]
    assert sorted(shown) == sorted(place.id for place in nantes.places)
    (neighbourhoods,) = [trace for trace in figure.data if trace.name == "Quartier"]
    assert list(neighbourhoods.text) == [place.name for place in nantes.places_of_kind("neighbourhood")]
    assert len(figure.layout.shapes) == len(nantes.places_of_kind("neighbourhood"))


def test_every_kind_of_place_has_a_legend_group() -> None:
    assert set(GROUP_OF_KIND) == set(typing.get_args(PlaceKind))


def test_a_metre_north_is_as_long_as_a_metre_east(nantes: Scenario) -> None:
    figure = city_map(nantes, language="fr")
    yaxis = figure.layout.yaxis
    assert yaxis.scaleanchor == "x"
    # Pixels per degree of latitude must be 1/cos(latitude) times those per degree of longitude.
    latitude = np.mean([place.lat for place in nantes.places])
    one_km_north = yaxis.scaleratio * 1000 / METRES_PER_DEGREE
    one_km_east = 1000 / (METRES_PER_DEGREE * np.cos(np.radians(latitude)))
    assert one_km_north == pytest.approx(one_km_east, rel=1e-3)


def test_the_map_works_offline_without_geo_traces_or_tiles(nantes: Scenario) -> None:
    figure = city_map(nantes, language="fr", points=_points(nantes))
    assert {trace.type for trace in figure.data} == {"scatter"}
    layout = figure.to_dict()["layout"]
    layout.pop("template")
    assert not GEO_SETTINGS & set(layout)


def test_markers_differ_by_shape_as_well_as_colour(nantes: Scenario) -> None:
    figure = city_map(nantes, language="fr", points=_points(nantes))
    symbols = [trace.marker.symbol for trace in figure.data]
    assert len(set(symbols)) == len(symbols)
    assert {trace.marker.color for trace in figure.data} <= OKABE_ITO


def test_extra_points_are_shown_with_escaped_labels(nantes: Scenario) -> None:
    figure = city_map(nantes, language="fr", points=_points(nantes))
    home = next(trace for trace in figure.data if trace.name == "Domicile deviné par le kit")
    assert list(home.hovertext) == ["&lt;b&gt;lune42&lt;/b&gt;"]
    with pytest.raises(ValueError, match="unknown point kinds"):
        city_map(nantes, language="fr", points=_points(nantes).assign(kind="tile"))


def test_title_and_axes_follow_the_language(nantes: Scenario) -> None:
    french, english = city_map(nantes, language="fr"), city_map(nantes, language="en")
    assert french.layout.title.text == "La ville de Nantes"
    assert english.layout.title.text == "The city of Nantes"
    assert english.layout.xaxis.title.text == "West ← → East"
    assert {trace.name for trace in english.data} >= {"Neighbourhood", "School", "Tram or bus stop"}


def test_the_text_alternative_counts_what_the_map_shows(nantes: Scenario) -> None:
    summary = describe_map(nantes, language="fr")
    counts = [len(nantes.places_of_kind(kind)) for kind in ("neighbourhood", "school", "transit_stop")]
    others = len(nantes.places) - sum(counts)
    assert summary == (f"Carte de Nantes : {counts[0]} quartiers, {counts[1]} collèges ou lycées, "
                       f"{counts[2]} arrêts et {others} autres lieux.")
    with_points = describe_map(nantes, language="fr", points=_points(nantes))
    assert "position enregistrée la nuit (1)" in with_points and "domicile deviné par le kit (1)" in with_points
