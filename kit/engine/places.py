"""Geometry of the city's places, shared by every provider that puts people somewhere.

Distances are small (a city), so an equirectangular projection around the city's centre is exact enough
and keeps everything vectorised.
"""

from __future__ import annotations

import numpy as np

from kit.scenario.model import Scenario

__all__ = ["METRES_PER_DEGREE", "distance_m", "scatter"]

METRES_PER_DEGREE = 111_320.0


def distance_m(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Approximate distance in metres between points (broadcasts like numpy)."""
    scale = np.cos(np.radians((np.asarray(lat1) + np.asarray(lat2)) / 2))
    return METRES_PER_DEGREE * np.hypot(np.asarray(lat1) - lat2, (np.asarray(lon1) - lon2) * scale)


def scatter(rng: np.random.Generator, lat: np.ndarray, lon: np.ndarray, radius_m: np.ndarray,
            scenario: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """Random points around centres (normal spread of `radius_m`/2), kept inside the city's bounds."""
    lat, lon, radius_m = (np.asarray(values, dtype=float) for values in (lat, lon, radius_m))
    spread = radius_m / 2 / METRES_PER_DEGREE
    new_lat = lat + rng.normal(0.0, 1.0, lat.shape) * spread
    new_lon = lon + rng.normal(0.0, 1.0, lon.shape) * spread / np.cos(np.radians(lat))
    bounds = scenario.meta.city.bounds
    return np.clip(new_lat, bounds.south, bounds.north), np.clip(new_lon, bounds.west, bounds.east)
