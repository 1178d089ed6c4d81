"""Consent banners and the acceptance model, calibrated on Nouwens et al. 2020."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from kit.engine import consent, people
from kit.engine.consent import acceptance_probability
from kit.scenario.model import Banner, Scenario

COLUMNS = ["person_id", "timestamp", "app", "banner", "choice", "reject", "pre_ticked", "granular_first_layer",
           "vendors", "p_accept"]


def _design(nantes: Scenario, reject: str, pre_ticked: bool = False, granular: bool = False) -> Banner:
    """The scenario's banner with exactly these switches (the workshop compares one dark pattern at a time)."""
    (banner,) = [banner for banner in nantes.consent.banners
                 if (banner.reject, banner.pre_ticked, banner.granular_first_layer) == (reject, pre_ticked, granular)]
    return banner


@pytest.fixture(scope="module")
def trail(class_trail: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {"personas": class_trail["personas"], "sessions": class_trail["sessions"], "events": class_trail["consent"]}


@pytest.fixture(scope="module")
def big_class(nantes: Scenario) -> tuple[pd.DataFrame, pd.DataFrame]:
    """4,000 teens who each open every app with a banner once: enough answers to measure the model."""
    class_ = people.personas(nantes, np.random.default_rng(1), count=4000)
    with_banner = [app.id for app in nantes.apps if app.banner]
    sessions = pd.DataFrame({
        "person_id": np.repeat(class_["person_id"].to_numpy(), len(with_banner)),
        "timestamp": pd.Timestamp("2026-03-16 18:00").as_unit("s"),
        "app": np.tile(with_banner, len(class_)),
        "duration_min": 1.0,
        "place_id": np.repeat(class_["home_place_id"].to_numpy(), len(with_banner)),
    })
    return class_, sessions


def test_columns_in_the_declared_order(trail: dict) -> None:
    events = trail["events"]
    assert list(events.columns) == COLUMNS
    assert set(events["choice"]) == {"accept_all", "reject_all"}
    assert events["p_accept"].between(0.02, 0.98).all()


def test_one_answer_per_teen_and_app_at_its_first_session(trail: dict, nantes: Scenario) -> None:
    banner_of = {app.id: app.banner for app in nantes.apps if app.banner}
    sessions = trail["sessions"][trail["sessions"]["app"].isin(list(banner_of))]
    first = sessions.groupby(["person_id", "app"], as_index=False)["timestamp"].min()
    events = trail["events"]
    assert len(events) == len(first) > 0
    answered = first.merge(events, on=["person_id", "app"], suffixes=("_first", ""))
    assert len(answered) == len(first)
    assert (answered["timestamp"] == answered["timestamp_first"]).all()
    assert (answered["banner"] == answered["app"].map(banner_of)).all()
    without_banner = {app.id for app in nantes.apps if not app.banner}
    assert not events["app"].isin(without_banner).any()


def test_rows_are_sorted_by_teen_then_time(trail: dict) -> None:
    events = trail["events"]
    pd.testing.assert_frame_equal(events, events.sort_values(["person_id", "timestamp"], kind="stable",
                                                             ignore_index=True))


@pytest.mark.parametrize(("reject", "pre_ticked", "granular", "effect"), [
    ("first_layer", False, False, lambda model: 0.0),
    ("settings", False, False, lambda model: model.reject_in_settings_pp),
    ("none", False, False, lambda model: model.reject_absent_pp),
    ("first_layer", True, False, lambda model: model.pre_ticked_pp),
    ("first_layer", False, True, lambda model: model.granular_first_layer_pp),
])
def test_acceptance_probability_of_each_banner_design(nantes: Scenario, reject: str, pre_ticked: bool,
                                                      granular: bool, effect) -> None:
    model = nantes.consent.acceptance
    banner = _design(nantes, reject, pre_ticked, granular)
    assert acceptance_probability(model, banner) == pytest.approx((model.fair_accept_pct + effect(model)) / 100)


def test_dark_patterns_rank_as_in_the_study(nantes: Scenario) -> None:
    """Nouwens et al. 2020: reject in the settings ≈ +22 points; granular first page −8 to −20 points."""
    model = nantes.consent.acceptance
    fair = acceptance_probability(model, _design(nantes, "first_layer"))
    hidden = acceptance_probability(model, _design(nantes, "settings"))
    assert hidden - fair == pytest.approx(0.22, abs=0.02)
    assert acceptance_probability(model, _design(nantes, "none")) > hidden
    assert 0.08 <= fair - acceptance_probability(model, _design(nantes, "first_layer", granular=True)) <= 0.20


def test_a_redesigned_banner_is_predicted_without_running_the_trail(nantes: Scenario) -> None:
    """The consent workshop moves the reject button back to the first screen and reads the new rate."""
    model = nantes.consent.acceptance
    redesigned = dataclasses.replace(_design(nantes, "none"), reject="first_layer")
    assert acceptance_probability(model, redesigned) == pytest.approx(model.fair_accept_pct / 100)
    extreme = dataclasses.replace(model, fair_accept_pct=90.0, pre_ticked_pp=40.0)
    assert acceptance_probability(extreme, _design(nantes, "first_layer", pre_ticked=True)) == 0.98
    discouraged = dataclasses.replace(model, fair_accept_pct=5.0, granular_first_layer_pp=-30.0)
    assert acceptance_probability(discouraged, _design(nantes, "first_layer", granular=True)) == 0.02


def test_calibration_reject_in_the_settings_adds_22_points(nantes: Scenario, big_class) -> None:
    """Nouwens et al. 2020 (CHI): removing reject from the first layer raised consent by ~22 points."""
    class_, sessions = big_class
    events = consent.consent_events(nantes, class_, sessions, np.random.default_rng(2))
    rate = events.assign(yes=events["choice"] == "accept_all").groupby("banner")["yes"].mean() * 100
    fair, hidden = _design(nantes, "first_layer").id, _design(nantes, "settings").id
    granular = _design(nantes, "first_layer", granular=True).id
    assert rate[hidden] - rate[fair] == pytest.approx(22, abs=4)
    assert 8 <= rate[fair] - rate[granular] <= 20


def test_a_teen_keeps_the_same_tendency_on_every_banner(nantes: Scenario, big_class) -> None:
    class_, sessions = big_class
    events = consent.consent_events(nantes, class_.head(500), sessions.head(500 * sessions["app"].nunique()),
                                    np.random.default_rng(2))
    typical = {banner.id: acceptance_probability(nantes.consent.acceptance, banner)
               for banner in nantes.consent.banners}
    unclipped = events[events["p_accept"].between(0.03, 0.97)]
    tendency = unclipped["p_accept"] - unclipped["banner"].map(typical)
    spread_within_teen = tendency.groupby(unclipped["person_id"]).agg(lambda values: values.max() - values.min())
    assert spread_within_teen.max() < 0.002
    assert tendency.groupby(unclipped["person_id"]).first().std() * 100 == pytest.approx(
        nantes.consent.acceptance.person_sd_pp, rel=0.2)


def test_same_seed_same_answers_other_seed_other_answers(nantes: Scenario, big_class) -> None:
    class_, sessions = big_class
    first = consent.consent_events(nantes, class_.head(50), sessions.head(250), np.random.default_rng(9))
    again = consent.consent_events(nantes, class_.head(50), sessions.head(250), np.random.default_rng(9))
    pd.testing.assert_frame_equal(first, again)
    other = consent.consent_events(nantes, class_.head(50), sessions.head(250), np.random.default_rng(10))
    assert not other["choice"].equals(first["choice"])
