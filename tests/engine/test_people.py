"""The class: fictional teens whose shares follow the scenario."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from kit.engine.people import personas
from kit.engine.pipeline import personal_trail
from kit.scenario import load_scenario
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


def _typed(name: str) -> str:
    """A first name as a teen types it in a nickname: lowercase, no accents, no hyphen (Lily-Rose → lilyrose)."""
    return "".join(char for char in unicodedata.normalize("NFKD", name.casefold())
                   if char.isalnum() and not unicodedata.combining(char))


@pytest.mark.parametrize("scenario_id", ["nantes", "montreal"])
def test_nicknames_are_first_names_of_the_teens_generation(scenario_id: str) -> None:
    """Not Faker's all-ages names (gilles61, christiane17): the scenario's cohort list, and much of it."""
    scenario = load_scenario(scenario_id)
    class_ = personas(scenario, np.random.default_rng(scenario.meta.seed), count=300)
    stems = class_["pseudonym"].str.extract(r"^([a-z]+)\d{2}(?:_\d+)?$")[0]
    assert stems.notna().all(), class_.loc[stems.isna(), "pseudonym"].tolist()
    assert set(stems) <= {_typed(name) for name in scenario.teens.first_names}
    assert stems.nunique() > 60


def test_the_same_seed_gives_the_same_nicknames(nantes: Scenario) -> None:
    first = personas(nantes, np.random.default_rng(7))["pseudonym"].tolist()
    assert personas(nantes, np.random.default_rng(7))["pseudonym"].tolist() == first
    assert personas(nantes, np.random.default_rng(8))["pseudonym"].tolist() != first


def test_the_names_list_changes_the_nicknames_and_nothing_else(nantes: Scenario) -> None:
    """An educator's own list of names gives the same class, apps included, under other nicknames."""
    two_names = replace(nantes, teens=replace(nantes.teens, first_names=("Camille", "Sacha")))
    usual = personas(nantes, np.random.default_rng(4), count=200)
    renamed = personas(two_names, np.random.default_rng(4), count=200)
    assert renamed["pseudonym"].str.match(r"^(camille|sacha)\d{2}").all()
    assert renamed.drop(columns="pseudonym").equals(usual.drop(columns="pseudonym"))


def test_teens_holding_their_phone_all_have_one_and_nothing_else_changes(nantes: Scenario) -> None:
    """A teen's own double is made on the phone in their hand: the same draws, a phone for everyone, so the
    doubles that had one keep every column and those that had none get phone apps besides their cards."""
    drawn = personas(nantes, np.random.default_rng(5), count=500)
    held = personas(nantes, np.random.default_rng(5), count=500, holding_phones=True)
    had_phone = drawn["has_phone"]
    assert held["has_phone"].all() and not had_phone.all()
    assert held.drop(columns=["has_phone", "apps"]).equals(drawn.drop(columns=["has_phone", "apps"]))
    assert held.loc[had_phone, "apps"].equals(drawn.loc[had_phone, "apps"])
    phone_apps = {app.id for app in nantes.apps if app.usage == "phone"}
    gained = held.loc[~had_phone, "apps"].str.split("|").apply(lambda apps: bool(phone_apps & set(apps)))
    assert gained.mean() > 0.9


@pytest.mark.parametrize("scenario_id", ["nantes", "montreal"])
@pytest.mark.parametrize("pseudonym", ["ado5", "ado17", "ado25", "ado29"])
def test_every_double_has_a_phone_and_banners_to_answer(scenario_id: str, pseudonym: str) -> None:
    """The room benchmark's ado5, ado17, ado25 and ado29 had phoneless doubles in Nantes: workshop 2 showed
    them no banner at all."""
    trail = personal_trail(load_scenario(scenario_id), pseudonym=pseudonym)
    assert trail["personas"].loc[0, "has_phone"]
    assert len(trail["consent_events"]) >= 1
