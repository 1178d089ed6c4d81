"""A class of 60 teens through the providers that depend on each other, built once for the engine tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.engine import apps, consent, mobility, people
from kit.scenario.model import Scenario


@pytest.fixture(scope="session")
def class_trail(nantes: Scenario) -> dict[str, pd.DataFrame]:
    class_ = people.personas(nantes, np.random.default_rng(1), count=60)
    stays = mobility.stays(nantes, class_, np.random.default_rng(2))
    sessions = apps.app_sessions(nantes, class_, stays, np.random.default_rng(3))
    answers = consent.consent_events(nantes, class_, sessions, np.random.default_rng(4))
    requests = apps.tracker_requests(nantes, sessions, answers, np.random.default_rng(5))
    return {"personas": class_, "stays": stays, "sessions": sessions, "consent": answers, "requests": requests}
