"""The scenario's generated data, once per test session, for the paper cards."""

from __future__ import annotations

import pytest

import kit
from kit.guide.cards import CardData
from kit.scenario import load_scenario


@pytest.fixture(scope="session")
def card_data() -> CardData:
    return CardData(scenario=load_scenario("nantes"), tables=kit.load("nantes"))
