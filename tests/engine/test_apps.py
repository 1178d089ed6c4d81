"""App sessions and tracker requests, as the tracking workshop shows them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine import apps
from kit.engine.clock import day_kinds, minute
from kit.scenario.model import Scenario

SESSION_COLUMNS = ["person_id", "timestamp", "app", "duration_min", "place_id"]
REQUEST_COLUMNS = ["person_id", "timestamp", "app", "tracker", "data_sent", "consent"]


@pytest.fixture(scope="module")
def trail(class_trail: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return class_trail


def _app_ids(nantes: Scenario, usage: str) -> set[str]:
    return {app.id for app in nantes.apps if app.usage == usage}


def _tracker_ids(nantes: Scenario, category: str) -> set[str]:
    return {tracker.id for tracker in nantes.trackers if tracker.category == category}


def _per_session(trail: dict, trackers: set[str]) -> pd.Series:
    """Requests of `trackers` per session, after an acceptance and after a refusal of consent."""
    status = trail["consent"]["choice"].map({"accept_all": "accepted", "reject_all": "refused"})
    answered = trail["sessions"].merge(trail["consent"][["person_id", "app"]].assign(consent=status))
    sent = trail["requests"][trail["requests"]["tracker"].isin(trackers)]
    return sent.groupby("consent").size() / answered.groupby("consent").size()


def test_columns_in_the_declared_order(trail: dict) -> None:
    assert list(trail["sessions"].columns) == SESSION_COLUMNS
    assert list(trail["requests"].columns) == REQUEST_COLUMNS
    assert str(trail["sessions"]["timestamp"].dtype) == str(trail["requests"]["timestamp"].dtype) == "datetime64[s]"
    assert (trail["sessions"]["duration_min"] == trail["sessions"]["duration_min"].round(1)).all()


@pytest.mark.parametrize("table", ["sessions", "requests"])
def test_rows_are_sorted_by_teen_then_time(trail: dict, table: str) -> None:
    rows = trail[table]
    resorted = rows.sort_values(["person_id", "timestamp"], kind="stable", ignore_index=True)
    pd.testing.assert_frame_equal(rows, resorted)


def test_teens_only_use_apps_they_have(trail: dict) -> None:
    sessions = trail["sessions"]
    installed = trail["personas"].set_index("person_id")["apps"].str.split("|")
    assert all(app in installed[person] for person, app in zip(sessions["person_id"], sessions["app"]))


def test_a_habit_multiplies_how_often_teens_open_its_apps(trail: dict, nantes: Scenario) -> None:
    habit, app, factor = max(((habit.id, app, factor) for habit in nantes.teens.habits
                              for app, factor in habit.app_use.items()), key=lambda choice: choice[2])
    personas = trail["personas"]
    owners = personas[personas["apps"].str.split("|").apply(lambda ids: app in ids)]
    has_habit = owners["habits"].str.split("|").apply(lambda ids: habit in ids).to_numpy()
    opened = trail["sessions"].loc[trail["sessions"]["app"] == app, "person_id"].value_counts()
    per_owner = opened.reindex(owners["person_id"], fill_value=0).to_numpy()
    assert has_habit.any() and not has_habit.all()
    assert per_owner[has_habit].mean() > (1 + factor) / 2 * per_owner[~has_habit].mean() > 0


def test_phones_stay_mostly_in_the_bag_during_class(trail: dict, nantes: Scenario) -> None:
    sessions = trail["sessions"]
    phone = sessions[sessions["app"].isin(_app_ids(nantes, "phone"))]
    schools = {place.id for place in nantes.places_of_kind("school")}
    in_class = phone["place_id"].isin(schools) & phone["timestamp"].dt.hour.isin([9, 10, 14, 15])
    evening = phone["timestamp"].dt.hour.isin([19, 20])
    assert in_class.mean() < 0.05 < evening.mean()


def test_the_transit_card_is_tapped_once_per_ride(trail: dict, nantes: Scenario) -> None:
    (card,) = _app_ids(nantes, "transit_card")
    taps = trail["sessions"][trail["sessions"]["app"] == card]
    owners = trail["personas"].loc[trail["personas"]["apps"].str.split("|").apply(lambda ids: card in ids),
                                   "person_id"]
    stays = trail["stays"]
    rides = stays[(stays["activity"] == "transit") & stays["person_id"].isin(owners)]
    assert len(taps) == len(rides) > 0
    assert (taps["duration_min"] == 0).all()
    assert set(taps["place_id"]) <= {place.id for place in nantes.places_of_kind("transit_stop")}


def test_the_canteen_badge_is_tapped_at_lunch_on_school_days(trail: dict, nantes: Scenario) -> None:
    (badge,) = _app_ids(nantes, "canteen_badge")
    taps = trail["sessions"][trail["sessions"]["app"] == badge]
    personas = trail["personas"].set_index("person_id")
    assert len(taps) > 0 and personas.loc[taps["person_id"], "canteen"].all()
    assert (taps["place_id"].to_numpy() == personas.loc[taps["person_id"], "school_place_id"].to_numpy()).all()
    lunch = minute(nantes.teens.school_day.lunch)
    at = taps["timestamp"].dt.hour * 60 + taps["timestamp"].dt.minute
    assert at.between(lunch, lunch + 30).all() and (taps["duration_min"] == 0).all()
    days = day_kinds(nantes.meta.period)
    school_days = set(days.loc[days["school_day"], "date"].dt.date)
    assert set(taps["timestamp"].dt.date) <= school_days
    assert not taps.assign(day=taps["timestamp"].dt.date).duplicated(["person_id", "day"]).any()


def test_apps_without_trackers_send_nothing(trail: dict, nantes: Scenario) -> None:
    clean = {app.id for app in nantes.apps if not app.trackers}
    assert clean & set(trail["sessions"]["app"])
    assert not trail["requests"]["app"].isin(clean).any()


def test_every_request_leaves_during_its_session(trail: dict, nantes: Scenario) -> None:
    sessions = trail["sessions"].assign(end=lambda frame: frame["timestamp"]
                                        + pd.to_timedelta(frame["duration_min"] * 60, unit="s").dt.ceil("s"))
    session_of = pd.merge_asof(trail["requests"].sort_values("timestamp"),
                               sessions.sort_values("timestamp")[["person_id", "app", "timestamp", "end"]]
                               .rename(columns={"timestamp": "start"}),
                               left_on="timestamp", right_on="start", by=["person_id", "app"])
    assert (session_of["timestamp"] <= session_of["end"]).all()
    fields = {tracker.id: "|".join(tracker.fields) for tracker in nantes.trackers}
    assert (trail["requests"]["data_sent"] == trail["requests"]["tracker"].map(fields)).all()


def test_with_consent_every_tracker_sends_as_the_app_opens(trail: dict, nantes: Scenario) -> None:
    accepted = trail["consent"].loc[trail["consent"]["choice"] == "accept_all", ["person_id", "app"]]
    opened = trail["sessions"].merge(accepted, on=["person_id", "app"])
    embedded = pd.DataFrame([(app.id, tracker) for app in nantes.apps for tracker in app.trackers],
                            columns=["app", "tracker"])
    expected = opened.merge(embedded, on="app")[["person_id", "timestamp", "app", "tracker"]]
    sent = trail["requests"][["person_id", "timestamp", "app", "tracker"]].drop_duplicates()
    assert len(expected) > 0 and len(expected.merge(sent)) == len(expected)


def test_a_refusal_stops_most_ads_but_never_crash_reports(trail: dict, nantes: Scenario) -> None:
    ads = _per_session(trail, _tracker_ids(nantes, "ads"))
    assert ads["refused"] < 0.3 * ads["accepted"]
    crash = _per_session(trail, _tracker_ids(nantes, "crash"))
    assert 0.7 < crash["refused"] / crash["accepted"] < 1.4


def test_the_scenario_covers_exodus_privacys_three_classes(nantes: Scenario) -> None:
    """Exodus Privacy shows 0 (green), fewer than 5 (yellow), 5 or more (red) trackers per app."""
    counts = [len(app.trackers) for app in nantes.apps if app.usage == "phone"]
    classes = {"green" if count == 0 else "yellow" if count < 5 else "red" for count in counts}
    assert classes == {"green", "yellow", "red"}


def test_same_seed_same_trail_other_seed_other_trail(trail: dict, nantes: Scenario) -> None:
    sessions = apps.app_sessions(nantes, trail["personas"], trail["stays"], np.random.default_rng(3))
    pd.testing.assert_frame_equal(sessions, trail["sessions"])
    requests = apps.tracker_requests(nantes, sessions, trail["consent"], np.random.default_rng(5))
    pd.testing.assert_frame_equal(requests, trail["requests"])
    other = apps.app_sessions(nantes, trail["personas"], trail["stays"], np.random.default_rng(30))
    assert not other.equals(sessions)
    assert not apps.tracker_requests(nantes, sessions, trail["consent"], np.random.default_rng(50)).equals(requests)
