"""The ethical label's rubric: each criterion read from the scenario as the page explains it, and the letter
from the points, so the labels the teens start from are the ones the guide announces."""

from __future__ import annotations

import pytest

from kit.analysis.app_label import CRITERIA, MAX_POINTS, app_points, label, rated_apps
from kit.scenario import load_scenario


@pytest.fixture(scope="module")
def nantes():
    return load_scenario("nantes")


def _points(nantes, app_id: str) -> dict[str, int]:
    return app_points(next(app for app in nantes.apps if app.id == app_id), nantes)


def test_cards_are_not_rated(nantes) -> None:
    rated = {app.id for app in rated_apps(nantes)}
    assert "carte_tango" not in rated and "badge_cantine" not in rated and "snapflash" in rated


def test_each_criterion_follows_the_scenario(nantes) -> None:
    # 7 trackers, no reject button, location in the background, ads with a minimum age of 13, mostly outside Europe.
    assert _points(nantes, "snapflash") == {"trackers": 0, "banner": 0, "location": 0, "age": 1, "europe": 0}
    # 2 trackers, fair banner, no location, no ads, one of two trackers outside Europe.
    assert _points(nantes, "chatou") == {"trackers": 1, "banner": 2, "location": 2, "age": 2, "europe": 1}
    # Pre-ticked boxes; ads (PubMosaic) and no minimum age; trackers in Ireland, France and Germany.
    assert _points(nantes, "sonic") == {"trackers": 1, "banner": 1, "location": 2, "age": 0, "europe": 2}
    # No tracker and no banner: nothing to ask.
    assert _points(nantes, "ecole_plus") == dict.fromkeys(CRITERIA, 2)


@pytest.mark.parametrize(("total", "letter"), [(10, "A"), (9, "A"), (8, "B"), (7, "B"), (6, "C"), (5, "C"),
                                               (4, "D"), (3, "D"), (2, "E"), (0, "E")])
def test_letters_from_points(total: int, letter: str) -> None:
    points = dict.fromkeys(CRITERIA, 0)
    for criterion in CRITERIA:
        points[criterion] = min(2, total - sum(points.values()))
    assert sum(points.values()) == total <= MAX_POINTS
    assert label(points) == letter


def test_the_scenario_gives_every_letter_a_teen_can_compare(nantes) -> None:
    letters = {label(app_points(app, nantes)) for app in rated_apps(nantes)}
    assert letters == {"A", "B", "C", "D", "E"}
