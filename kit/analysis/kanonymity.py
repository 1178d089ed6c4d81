"""Protecting crowd traces before publishing them, and what protection costs: the "Protéger" part of
"Anonyme, vraiment ?".

An operator who wants to publish its antenna records can *generalise* them (round times down to
`hours`-long slices, merge `cell_factor` x `cell_factor` blocks of antennas) and *suppress* the points
that fewer than k people share. An attacker knows a few real points of a target's trace (a neighbour,
a post with a place and a time); generalised the same way, those that survive in the published data
point to a *group* of traces that contain them all. A trace is k-anonymous against that attacker when
the group holds at least k people (Sweeney 2002's k-anonymity, for traces). The price: every question
asked of the published data, such as how many people wait at a stop between 7 and 9, gets a blurrier
answer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.analysis.unicity import antenna_grid

__all__ = ["generalised", "group_sizes", "people_near", "suppressed"]

#: Tested people joined to their suspects at once (see `group_sizes`).
_PEOPLE_PER_JOIN = 25


def generalised(pings: pd.DataFrame, *, hours: int = 1, cell_factor: int = 1) -> pd.DataFrame:
    """person_id, timestamp and cell_id of `pings`, times rounded down to `hours`-long slices of the
    day and antennas merged `cell_factor` per side ("r012c034" becomes "r006c017" for 2): the data as
    an operator would publish it, one row per ping."""
    if hours < 1 or 24 % hours:
        raise ValueError(f"hours must divide a day (1, 2, 3, 4, 6, 8, 12 or 24), not {hours}")
    if cell_factor < 1:
        raise ValueError(f"cell_factor must be at least 1, not {cell_factor}")
    timestamps = pings["timestamp"].dt.floor(f"{hours}h") if len(pings) else pings["timestamp"]
    codes, row, col = antenna_grid(pings["cell_id"], cell_factor)
    merged = np.array([f"r{r:03d}c{c:03d}" for r, c in zip(row, col)], dtype=object)
    return pd.DataFrame({"person_id": pings["person_id"].to_numpy(), "timestamp": timestamps.to_numpy(),
                         "cell_id": pd.Categorical(merged[codes] if len(codes) else [])})


def suppressed(published: pd.DataFrame, *, k: int) -> pd.DataFrame:
    """`published` without the points (time, antenna) that fewer than `k` different people share:
    the rare points, those that give people away."""
    holders = published.groupby(["timestamp", "cell_id"], observed=True)["person_id"].transform("nunique")
    return published[holders.to_numpy() >= k].reset_index(drop=True)


def group_sizes(known: pd.DataFrame, published: pd.DataFrame, *, points: int, rng: np.random.Generator,
                sample: int | None = None) -> pd.Series:
    """For each person tested (everyone in `known`, or `sample` of them drawn with `rng`): how many
    traces of `published` contain every one of `points` random distinct points of their `known` trace
    that survived publication. Points that were suppressed do not help the attacker; when none survive,
    the person hides among everyone published.

    `known` is what the attacker knows, at the same resolution as `published` (pass both through
    `generalised` with the same settings). Indexed by person_id, sorted.
    """
    known_points = known[["person_id", "timestamp", "cell_id"]].drop_duplicates()
    people = np.sort(known_points["person_id"].unique())
    if sample is not None and sample < people.size:
        people = np.sort(rng.choice(people, size=sample, replace=False))
    tested = known_points[known_points["person_id"].isin(people)]
    # A random order within each person: their first `points` rows are the points the attacker knows.
    tested = tested.iloc[np.argsort(rng.random(len(tested)))].sort_values("person_id", kind="stable")
    clues = tested[tested.groupby("person_id").cumcount() < points]
    held = published[["person_id", "timestamp", "cell_id"]].drop_duplicates()
    surviving = clues.merge(held[["timestamp", "cell_id"]].drop_duplicates(), on=["timestamp", "cell_id"])
    needed = surviving.groupby("person_id").size()
    sizes = pd.Series(held["person_id"].nunique(), index=pd.Index(people, name="person_id"), name="group_size")
    # A few people at a time: in coarse data every clue is shared by most of the crowd, and joining all
    # the clues to all their holders at once would cost a hundred megabytes.
    for start in range(0, needed.size, _PEOPLE_PER_JOIN):
        part = surviving[surviving["person_id"].isin(needed.index[start:start + _PEOPLE_PER_JOIN])]
        suspects = part.merge(held, on=["timestamp", "cell_id"], suffixes=("", "_suspect"))
        found = suspects.groupby(["person_id", "person_id_suspect"]).size()
        complete = found[found.to_numpy() == needed.reindex(found.index.get_level_values(0)).to_numpy()]
        sizes.update(complete.groupby(level=0).size())
    return sizes


def people_near(pings: pd.DataFrame, *, cell_id: str, start_hour: int, end_hour: int,
                hours: int | None = None, cell_factor: int = 1) -> float:
    """A planner's question on `pings` (raw or published): on an average weekday, how many different
    people are seen in the antenna cell `cell_id` (a raw antenna) between `start_hour` and `end_hour`?

    `hours` and `cell_factor` say how `pings` were generalised (None: raw times), so that the raw cell
    is found inside its merged block. A published slice counts when it overlaps the hours asked: coarse
    data cannot say more precisely, which is part of what protection costs.
    """
    row, col = (int(part) // cell_factor for part in cell_id[1:].split("c"))
    where = pings["cell_id"].astype(str) == f"r{row:03d}c{col:03d}"
    times = pings["timestamp"]
    weekday = times.dt.day_of_week < 5
    slice_start = times.dt.hour + times.dt.minute / 60
    # A raw ping is an instant; a published slice [start, start + hours) counts if it overlaps.
    overlaps = (slice_start < end_hour) & (slice_start + (hours or 0) > start_hour) if hours else \
        (slice_start >= start_hour) & (slice_start < end_hour)
    seen = pings[where & weekday & overlaps]
    days = times[weekday].dt.normalize().nunique()
    per_day = seen.groupby(seen["timestamp"].dt.normalize())["person_id"].nunique()
    return float(per_day.sum() / days) if days else 0.0

