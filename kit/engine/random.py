"""Independent, reproducible random streams, one per data domain.

Each provider gets its own `numpy.random.Generator` derived from the scenario seed and the domain's
name, so changing the crowd size never changes the canteen, and no provider touches global state.
The names are the `Stream` constants: a page or a card that draws again what the generator drew (a
teen's places, the canteen's longer run) names the same stream, never a string typed a second time.
"""

from __future__ import annotations

import zlib
from enum import StrEnum

import numpy as np

__all__ = ["Stream", "domain_rng"]


class Stream(StrEnum):
    """The random streams and the names that seed them. A name is part of every dataset drawn from its
    stream: renaming one changes those datasets (tests/engine/test_determinism.py would say so)."""

    PEOPLE = "people"
    MOBILITY = "mobility"
    APPS = "apps"
    CONSENT = "consent"
    TRACKERS = "trackers"
    LOCATIONS = "locations"
    PROFILING = "profiling"
    AUCTIONS = "auctions"
    CROWD = "crowd"
    CANTEEN = "canteen"
    #: Workshop 2's replays of the teen's month with every banner accepted, then refused.
    CONSENT_REPLAY = "consent_workshop"
    #: Workshop 4's paper cards: the day, the suspects and the mystery cards drawn.
    ANONYMAT_CARDS = "cards_anonymat"


def domain_rng(seed: int, domain: Stream) -> np.random.Generator:
    """A generator for `domain` that depends only on `seed` and the domain's name."""
    return np.random.default_rng([seed, zlib.crc32(domain.encode("utf-8"))])
