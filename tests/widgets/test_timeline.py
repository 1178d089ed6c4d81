"""The day timeline and its text alternative."""

from __future__ import annotations

from datetime import date

import pytest

import kit
from kit.analysis.day_events import describe_day
from kit.scenario.model import Scenario
from kit.widgets.timeline import day_timeline

MONDAY = date(2026, 3, 16)


@pytest.fixture(scope="module")
def trail() -> dict:
    return kit.trail("lune42", habits=["music", "gamer"], age=14)


def test_one_trace_per_kind_with_every_event_of_the_day(trail: dict, nantes: Scenario) -> None:
    figure = day_timeline(trail, nantes, MONDAY)
    sessions = trail["app_sessions"][trail["app_sessions"]["timestamp"].dt.date == MONDAY]
    assert [len(trace.x) for trace in figure.data][0] == len(sessions)
    assert len(figure.data) == 3
    total = sum(len(trace.x) for trace in figure.data)
    assert f"{total} données" in figure.layout.title.text
    assert {trace.marker.symbol for trace in figure.data} == {"circle", "triangle-up", "x"}


def test_the_figure_speaks_english_when_asked(trail: dict, nantes: Scenario) -> None:
    figure = day_timeline(trail, nantes, MONDAY, language="en")
    assert "Your day on March 16" in figure.layout.title.text
    assert figure.layout.xaxis.title.text == "Time"


def test_the_text_alternative_counts_what_the_figure_shows(trail: dict, nantes: Scenario) -> None:
    summary = describe_day(trail, nantes, MONDAY)
    figure = day_timeline(trail, nantes, MONDAY)
    assert summary.startswith("Le 16 mars, ton téléphone")
    assert f"{sum(len(trace.x) for trace in figure.data)} données" in summary
    assert "L'appli la plus bavarde" in summary


def test_a_day_outside_the_trail_is_said_plainly(trail: dict, nantes: Scenario) -> None:
    assert describe_day(trail, nantes, date(2027, 1, 1)) == "Ce jour-là, ton téléphone n'a rien produit."
