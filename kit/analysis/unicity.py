"""How unique a trace is: the measure behind "Anonyme, vraiment ?" (de Montjoye et al. 2013).

A point is (time bin, antenna cell). A person is *unique* given p points of their own trace when
nobody else's trace contains all p points. Coarser time bins (`hours`) and cells (`cell_factor`
antennas merged per side) hide people in bigger groups: that is what protecting by coarsening means.
Cell ids are the crowd provider's "rRRRcCCC" (grid row and column).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["matching_people", "points_of", "unicity"]


def points_of(pings: pd.DataFrame, *, hours: int = 1, cell_factor: int = 1,
              origin: pd.Timestamp | None = None) -> pd.DataFrame:
    """Each person's distinct points at the given resolution: person_id, time_bin, cell.

    Time bins count from `origin` (midnight of the first ping by default).
    """
    origin = pings["timestamp"].min().normalize() if origin is None else origin
    time_bin = ((pings["timestamp"] - origin) // pd.Timedelta(hours=hours)).to_numpy()
    row = pings["cell_id"].str[1:4].astype(int).to_numpy() // cell_factor
    col = pings["cell_id"].str[5:8].astype(int).to_numpy() // cell_factor
    points = pd.DataFrame({"person_id": pings["person_id"].to_numpy(), "time_bin": time_bin,
                           "cell": row * 1000 + col})
    return points.drop_duplicates(ignore_index=True)


def matching_people(pings: pd.DataFrame, chosen: pd.DataFrame, *, hours: int = 1, cell_factor: int = 1
                    ) -> np.ndarray:
    """Ids of everyone whose trace contains every chosen point (`chosen`: timestamp and cell_id)."""
    origin = pings["timestamp"].min().normalize()
    everyone = points_of(pings, hours=hours, cell_factor=cell_factor, origin=origin)
    wanted = points_of(chosen.assign(person_id="?"), hours=hours, cell_factor=cell_factor, origin=origin)
    hits = everyone.merge(wanted[["time_bin", "cell"]], on=["time_bin", "cell"])
    counts = hits.groupby("person_id").size()
    return np.sort(counts[counts == len(wanted)].index.to_numpy())


def unicity(pings: pd.DataFrame, *, points: int, rng: np.random.Generator, hours: int = 1, cell_factor: int = 1,
            sample: int | None = None) -> float:
    """Share of (sampled) people singled out by `points` random points of their own trace."""
    table = points_of(pings, hours=hours, cell_factor=cell_factor)
    keys = table["time_bin"].to_numpy() * 10**7 + table["cell"].to_numpy()
    people_codes, people = pd.factorize(table["person_id"])
    by_point: dict[int, set[int]] = {}
    for key, person in zip(keys.tolist(), people_codes.tolist()):
        by_point.setdefault(key, set()).add(person)
    order = np.argsort(people_codes, kind="stable")
    bounds = np.searchsorted(people_codes[order], np.arange(len(people) + 1))
    chosen = np.arange(len(people)) if sample is None else rng.choice(len(people), min(sample, len(people)),
                                                                      replace=False)
    unique = 0
    for person in chosen:
        own = keys[order[bounds[person]:bounds[person + 1]]]
        picked = rng.choice(own, size=min(points, own.size), replace=False)
        candidates = set.intersection(*(by_point[key] for key in picked.tolist()))
        unique += len(candidates) == 1
    return unique / len(chosen)
