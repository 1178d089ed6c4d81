"""The scenario's generated data, once per test session, for the paper cards."""

from __future__ import annotations

import pytest

import kit
from kit.guide.cards import CardData
from kit.i18n.formats import use_scenario_locale
from kit.scenario import load_scenario


@pytest.fixture(scope="session")
def card_data() -> CardData:
    return CardData(scenario=load_scenario("nantes"), tables=kit.load("nantes"))


@pytest.fixture(scope="module", autouse=True)
def scenario_locale(card_data: CardData) -> None:
    """Numbers and amounts written as `build_cards` writes them for this scenario (English in France: "1,50 €"),
    whatever locale a test run before left."""
    use_scenario_locale(card_data.scenario.meta.locale, currency=card_data.scenario.meta.currency)
