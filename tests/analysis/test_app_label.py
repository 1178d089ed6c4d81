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
    # 7 trackers, no reject button, location in the background, ads to teens (13 minimum is COPPA's threshold,
    # not a protection from targeted ads), mostly outside Europe.
    assert _points(nantes, "snapflash") == {"trackers": 0, "banner": 0, "location": 0, "age": 0, "europe": 0}
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


def test_the_countries_that_protect_the_teens_come_from_the_scenario() -> None:
    """A Québec tracker keeps a Montréal teen's data under their law (Québec's act, s. 17: data leaving Québec,
    not Canada); for a Nantes teen it sends it away."""
    import dataclasses

    from kit.analysis.app_label import sent_outside
    from kit.scenario import load_scenario

    montreal, nantes = load_scenario("montreal"), load_scenario("nantes")
    assert montreal.meta.protected_countries == ("Québec",)
    in_quebec = {tracker.id for tracker in montreal.trackers if tracker.country == "Québec"}
    app = next(app for app in montreal.apps if in_quebec & set(app.trackers))
    seen_from_france = dataclasses.replace(montreal, meta=dataclasses.replace(
        montreal.meta, protected_countries=nantes.meta.protected_countries))
    countries = [tracker.country for tracker in montreal.trackers if tracker.id in app.trackers]
    assert sent_outside(app, montreal) == sum(country != "Québec" for country in countries)
    assert sent_outside(app, seen_from_france) == sum(country not in nantes.meta.protected_countries
                                                      for country in countries)
    assert sent_outside(app, seen_from_france) != sent_outside(app, montreal)


def test_ads_in_an_app_open_to_minors_get_no_point_whatever_its_minimum_age(nantes) -> None:
    """DSA art. 28: no ads based on profiling to users a platform knows are minors; "13 minimum" (COPPA) does
    not change that, an app for adults only does."""
    import dataclasses

    snapflash = next(app for app in nantes.apps if app.id == "snapflash")
    assert snapflash.min_age == 13 and app_points(snapflash, nantes)["age"] == 0
    assert app_points(dataclasses.replace(snapflash, min_age=18), nantes)["age"] == 1
