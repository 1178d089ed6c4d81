"""Independent, reproducible random streams, one per data domain.

Each provider gets its own `numpy.random.Generator` derived from the scenario seed and the domain's
name, so changing the crowd size never changes the canteen, and no provider touches global state.
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["domain_rng"]


def domain_rng(seed: int, domain: str) -> np.random.Generator:
    """A generator for `domain` that depends only on `seed` and the domain's name."""
    return np.random.default_rng([seed, zlib.crc32(domain.encode("utf-8"))])
