"""App sessions and tracker requests, as the tracking workshop shows them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine import apps, consent, mobility, people, reference
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def trail(nantes: Scenario) -> dict[str, pd.DataFrame]:
    class_ = people.personas(nantes, np.random.default_rng(1), count=60)
    stays = mobility.stays(nantes, class_, np.random.default_rng(2))
    sessions = apps.app_sessions(nantes, class_, stays, np.random.default_rng(3))
    answers = consent.consent_events(nantes, class_, sessions, np.random.default_rng(4))
    requests = apps.tracker_requests(nantes, sessions, answers, np.random.default_rng(5))
    return {"personas": class_, "stays": stays, "sessions": sessions, "consent": answers, "requests": requests}


def test_sessions_columns_and_only_installed_apps(trail: dict) -> None:
    sessions = trail["sessions"]
    assert list(sessions.columns) == ["person_id", "timestamp", "app", "duration_min", "place_id"]
    installed = trail["personas"].set_index("person_id")["apps"].str.split("|")
    assert all(app in installed[person] for person, app in zip(sessions["person_id"], sessions["app"]))


def test_phones_stay_mostly_in_the_bag_during_class(trail: dict) -> None:
    sessions = trail["sessions"]
    phone = sessions[~sessions["app"].isin(["carte_tango", "badge_cantine"])]
    at_school = phone["place_id"].str.startswith(("college", "lycee"))
    in_class = at_school & phone["timestamp"].dt.hour.isin([9, 10, 14, 15])
    assert in_class.mean() < 0.05


def test_cards_are_tapped_at_stops_and_at_lunch(trail: dict, nantes: Scenario) -> None:
    sessions = trail["sessions"]
    stops = {place.id for place in nantes.places_of_kind("transit_stop")}
    assert sessions.loc[sessions["app"] == "carte_tango", "place_id"].isin(stops).all()
    lunch = sessions.loc[sessions["app"] == "badge_cantine", "timestamp"]
    assert len(lunch) > 0 and lunch.dt.hour.isin([12]).all()


def test_apps_without_trackers_send_nothing(trail: dict, nantes: Scenario) -> None:
    clean = {app.id for app in nantes.apps if not app.trackers}
    assert clean and not trail["requests"]["app"].isin(clean).any()


def test_a_refusal_stops_most_ads_but_never_crash_reports(trail: dict, nantes: Scenario) -> None:
    categories = reference.trackers_table(nantes).set_index("tracker_id")["category"]
    requests = trail["requests"].assign(category=lambda frame: frame["tracker"].map(categories))
    ads = requests[requests["category"] == "ads"]
    sessions = trail["sessions"].merge(trail["consent"][["person_id", "app", "choice"]], on=["person_id", "app"])
    per_session = ads.groupby("consent").size() / sessions.groupby("choice").size().rename(
        {"accept_all": "accepted", "reject_all": "refused"})
    assert per_session["refused"] < 0.3 * per_session["accepted"]
    crash = requests[requests["category"] == "crash"]
    assert (crash["consent"] == "refused").any()


def test_the_scenario_covers_exodus_privacys_three_classes(nantes: Scenario) -> None:
    """Exodus Privacy shows 0 (green), fewer than 5 (yellow), 5 or more (red) trackers per app."""
    table = reference.apps_table(nantes)
    counts = table.loc[table["usage"] == "phone", "tracker_count"]
    assert set(pd.cut(counts, [-1, 0, 4, 99], labels=["green", "yellow", "red"])) == {"green", "yellow", "red"}


def test_same_seed_same_sessions(trail: dict, nantes: Scenario) -> None:
    again = apps.app_sessions(nantes, trail["personas"], trail["stays"], np.random.default_rng(3))
    pd.testing.assert_frame_equal(again, trail["sessions"])
