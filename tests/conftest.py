"""Shared fixtures: the default scenario, loaded once per test session."""

from __future__ import annotations

import pytest

from kit.scenario import load_scenario
from kit.scenario.model import Scenario


@pytest.fixture(scope="session")
def nantes() -> Scenario:
    return load_scenario("nantes")
