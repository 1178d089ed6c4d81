"""Step 4: what is left of the trail, and of the inference, when a teen collects less."""

from __future__ import annotations

import pytest

import kit
from kit.scenario.model import Scenario
from kit.widgets.sobriety import SobrietyPanel, trimmed


@pytest.fixture(scope="module")
def trail() -> dict:
    for name in ("lune42", "soleil7", "zed", "ado1", "ado2"):
        candidate = kit.trail(name, habits=["sporty"])
        if len(candidate["location_pings"]):
            return candidate
    pytest.fail("no test pseudonym has location pings")


def test_location_off_removes_every_ping_and_the_home_guess(trail: dict, nantes: Scenario) -> None:
    panel = SobrietyPanel(trail, nantes, language="fr")
    assert "Il reste 100 %" in panel.result.value and "trouve encore ton quartier" in panel.result.value
    panel.location_off.value = True
    assert "ne trouve plus où tu habites" in panel.result.value
    assert len(trimmed(trail, location=False, removed=set())["location_pings"]) == 0


def test_removing_an_app_removes_its_sessions_and_requests(trail: dict) -> None:
    app = trail["app_sessions"]["app"].value_counts().index[0]
    left = trimmed(trail, location=True, removed={app})
    assert app not in set(left["app_sessions"]["app"]) and app not in set(left["tracker_requests"]["app"])
    assert len(left["app_sessions"]) < len(trail["app_sessions"])
