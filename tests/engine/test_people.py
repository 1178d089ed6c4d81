"""The class: fictional teens whose shares follow the scenario."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine.people import personas
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def many(nantes: Scenario) -> pd.DataFrame:
    return personas(nantes, np.random.default_rng(3), count=3000)


def test_columns_ids_and_unique_pseudonyms(nantes: Scenario) -> None:
    class_ = personas(nantes, np.random.default_rng(1))
    assert list(class_.columns[:5]) == ["person_id", "pseudonym", "age", "home_place_id", "school_place_id"]
    assert class_["person_id"].tolist()[:3] == ["t01", "t02", "t03"] and len(class_) == 30
    assert class_["pseudonym"].is_unique
    assert class_["pseudonym"].str.fullmatch(r"[a-z0-9_]+").all()


def test_ages_homes_schools_and_habits_come_from_the_scenario(many: pd.DataFrame, nantes: Scenario) -> None:
    assert many["age"].between(11, 17).all() and many["age"].nunique() == 7
    assert set(many["home_place_id"]) <= {place.id for place in nantes.places_of_kind("neighbourhood")}
    assert set(many["school_place_id"]) <= {place.id for place in nantes.places_of_kind("school")}
    counts = many["habits"].str.split("|").str.len()
    assert counts.between(1, 2).all()


def test_phone_share_and_terms_of_use(many: pd.DataFrame, nantes: Scenario) -> None:
    assert many["has_phone"].mean() == pytest.approx(nantes.teens.phone_share, abs=0.02)
    has_social = many["apps"].str.split("|").apply(lambda apps: "snapflash" in apps)
    young, old = has_social[many["age"] < 13].mean(), has_social[many["age"] >= 13].mean()
    assert 0 < young < old  # under-13s still use social apps, less than older teens


def test_only_canteen_eaters_carry_a_badge(many: pd.DataFrame) -> None:
    badge = many["apps"].str.split("|").apply(lambda apps: "badge_cantine" in apps)
    assert (badge == many["canteen"]).all()
