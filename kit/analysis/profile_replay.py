"""The teen's month replayed with other habits: the same engine functions, on a changed copy of the trail.

"Brouille les pistes" must show what changing one's behaviour does to the profile and to the price of
one's attention, and nothing else: the replay reuses the trail's own random streams (its personal seed,
one stream per domain), so with nothing changed it gives back exactly the teen's profile and auctions,
and any difference on screen comes from the teen's choices. Nothing is stored; the copies live in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kit.engine import auctions, mobility, profiling
from kit.engine.pipeline import personal_seed
from kit.engine.clock import at_night
from kit.engine.random import Stream, domain_rng
from kit.scenario.model import Scenario

__all__ = ["Behaviour", "personal_stays", "replayed"]

Trail = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Behaviour:
    """What the teen changes: the share of their time kept in each app (1 = as before), no phone at night,
    and "refuse" on every consent banner."""

    time_share: dict[str, float] = field(default_factory=dict)
    no_night: bool = False
    refuse_all: bool = False


def personal_stays(trail: Trail, scenario: Scenario) -> pd.DataFrame:
    """Where the teen went (the engine's ground truth, not part of the trail): the profiler's place clues."""
    return mobility.stays(scenario, trail["personas"], domain_rng(_personal_seed(trail, scenario), Stream.MOBILITY))


def replayed(trail: Trail, scenario: Scenario, behaviour: Behaviour, stays: pd.DataFrame) -> Trail:
    """The trail's sessions, consent answers, profile and auctions as they would have been with `behaviour`."""
    sessions = trail["app_sessions"].copy()
    shares = sessions["app"].map(behaviour.time_share).fillna(1.0)
    # Sessions are shortened rather than dropped, so each keeps its place in the random streams.
    sessions["duration_min"] = sessions["duration_min"] * shares
    if behaviour.no_night:
        sessions = sessions[~at_night(sessions["timestamp"])]
    consent = trail["consent_events"].copy()
    if behaviour.refuse_all:
        consent["choice"] = "reject_all"
    seed = _personal_seed(trail, scenario)
    profiles = profiling.profiles(scenario, trail["personas"], sessions, stays, domain_rng(seed, Stream.PROFILING))
    sold = auctions.ad_auctions(scenario, sessions, profiles, consent, domain_rng(seed, Stream.AUCTIONS))
    return {**trail, "app_sessions": sessions, "consent_events": consent, "profiles": profiles, "ad_auctions": sold}


def _personal_seed(trail: Trail, scenario: Scenario) -> int:
    return personal_seed(scenario, trail["personas"].loc[0, "pseudonym"])
