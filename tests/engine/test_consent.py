"""Consent banners and the acceptance model, calibrated on Nouwens et al. 2020."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from kit.engine import consent, people
from kit.engine.consent import acceptance_probability
from kit.scenario.model import Scenario


def _banner(nantes: Scenario, banner_id: str):
    return next(banner for banner in nantes.consent.banners if banner.id == banner_id)


def test_acceptance_probability_of_each_design(nantes: Scenario) -> None:
    model = nantes.consent.acceptance
    fair = acceptance_probability(model, _banner(nantes, "fair"))
    assert fair == pytest.approx(model.fair_accept_pct / 100)
    assert acceptance_probability(model, _banner(nantes, "reject_hidden")) == pytest.approx(fair + 0.22)
    assert acceptance_probability(model, _banner(nantes, "no_reject")) > fair + 0.22
    assert acceptance_probability(model, _banner(nantes, "granular")) < fair
    redesigned = dataclasses.replace(_banner(nantes, "no_reject"), reject="first_layer")
    assert acceptance_probability(model, redesigned) == pytest.approx(fair)


@pytest.fixture(scope="module")
def big_class(nantes: Scenario) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Many teens each meeting every banner once, to measure the model's effect without noise."""
    class_ = people.personas(nantes, np.random.default_rng(1), count=4000)
    sessions = pd.DataFrame([
        {"person_id": person, "timestamp": pd.Timestamp("2026-03-16 18:00"), "app": app.id,
         "duration_min": 1.0, "place_id": "doulon"}
        for person in class_["person_id"] for app in nantes.apps if app.banner
    ])
    return class_, sessions


def test_columns_and_one_answer_per_teen_and_app(nantes: Scenario, big_class) -> None:
    class_, sessions = big_class
    events = consent.consent_events(nantes, class_, sessions, np.random.default_rng(2))
    assert list(events.columns[:5]) == ["person_id", "timestamp", "app", "banner", "choice"]
    assert not events.duplicated(["person_id", "app"]).any()
    assert len(events) == len(sessions)


def test_hiding_reject_in_the_settings_adds_about_22_points(nantes: Scenario, big_class) -> None:
    """Nouwens et al. 2020: removing reject from the first layer raised consent by ~22 points."""
    class_, sessions = big_class
    events = consent.consent_events(nantes, class_, sessions, np.random.default_rng(2))
    rate = events.assign(yes=events["choice"] == "accept_all").groupby("banner")["yes"].mean()
    assert (rate["reject_hidden"] - rate["fair"]) * 100 == pytest.approx(22, abs=4)
    assert rate["granular"] < rate["fair"] - 0.05


def test_same_seed_same_answers(nantes: Scenario, big_class) -> None:
    class_, sessions = big_class
    first = consent.consent_events(nantes, class_.head(50), sessions.head(250), np.random.default_rng(9))
    again = consent.consent_events(nantes, class_.head(50), sessions.head(250), np.random.default_rng(9))
    pd.testing.assert_frame_equal(first, again)
