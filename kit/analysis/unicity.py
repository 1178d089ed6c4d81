"""How unique a trace is: the measure behind "Anonyme, vraiment ?" (de Montjoye et al. 2013).

A *point* is (time bin, antenna cell). A person is *unique* given p points of their own trace when
nobody else's trace contains all p points: those points, which a neighbour or a social-media post
could reveal, are enough to pick their "anonymous" trace out of the crowd. Coarser time bins (`hours`)
and cells (`cell_factor` antennas merged per side) hide people in bigger groups: that is what
protecting data by coarsening means, and what it costs.

Cells are read from `cell_id`, "r012c034" being the antenna grid's row and column (as the crowd
provider writes them); merging `cell_factor` x `cell_factor` blocks of antennas is then exact, which
coordinates alone would not allow. Time bins count `hours`-long slices from midnight of the first day
of the trace being searched.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["POINTS", "PUBLISHED", "SAMPLE", "antenna_grid", "hourly_points", "matching_people", "unicity"]

#: Points of a trace the workshop measures unicity with (its curve, and the paper answer key's).
POINTS = (1, 2, 3, 4, 5)
#: People tested per curve: a few hundred give the share to a few points, in well under a second.
SAMPLE = 300
#: de Montjoye et al. 2013, hour x antenna: points → share of people singled out.
PUBLISHED = {2: 0.5, 4: 0.95}

_SECONDS_PER_HOUR = 3_600
_SECONDS_PER_DAY = 24 * _SECONDS_PER_HOUR
#: Room for a grid row or column number inside a cell key, and for a cell key inside a point key.
_ROW_SPAN = 10_000
_CELL_SPAN = _ROW_SPAN * _ROW_SPAN


def unicity(pings: pd.DataFrame, *, points: int, rng: np.random.Generator, hours: int = 1,
            cell_factor: int = 1, sample: int | None = None) -> float:
    """Share of people singled out by `points` random distinct points of their own trace.

    `pings` needs person_id, timestamp and cell_id. Everyone is tested, or `sample` people drawn
    with `rng`; someone with fewer distinct points than `points` is tested on all of theirs. Testing
    everyone costs about a quarter of a second for the default crowd of 2,000, but grows with the
    square of the crowd: in a 10x crowd, pass `sample` (a few thousand people give the same share to
    about a point).
    """
    if points < 1:
        raise ValueError(f"points must be at least 1, not {points}")
    codes, span, names = _distinct_points(pings, _origin(pings), hours, cell_factor)
    person, key = np.divmod(codes, span)
    people = names.size
    tested = np.zeros(people, dtype=bool)
    if sample is None or sample >= people:
        tested[:] = True
    else:
        tested[rng.choice(people, size=sample, replace=False)] = True
    # A random order within each person (person numbers are sorted; the noise stays below 1): the
    # first `points` rows of each person are their chosen points.
    order = np.argsort(person + rng.random(person.size), kind="stable")
    starts = np.searchsorted(person[order], np.arange(people))
    rank = np.arange(order.size) - starts[person[order]]
    chosen = order[(rank < points) & tested[person[order]]]
    matches = _people_with_all(codes, span, person[chosen], key[chosen], people)
    return float((matches[tested] == 1).mean()) if people else 0.0


def hourly_points(pings: pd.DataFrame) -> pd.DataFrame:
    """Each person's distinct points at the game's resolution (person_id, timestamp floored to the hour,
    cell_id as text): what a clue of the Guess-Who game, on screen or on paper, can say."""
    return pd.DataFrame({"person_id": pings["person_id"].astype(str), "timestamp": pings["timestamp"].dt.floor("h"),
                         "cell_id": pings["cell_id"].astype(str)}).drop_duplicates(ignore_index=True)


def matching_people(pings: pd.DataFrame, points_df: pd.DataFrame, *, hours: int = 1,
                    cell_factor: int = 1) -> np.ndarray:
    """Ids (sorted) of everyone whose trace contains every point of `points_df` (timestamp, cell_id).

    This is the Guess-Who game: each clue (a time and an antenna) strikes out whoever was not there.
    No clue leaves everyone in the game.
    """
    origin = _origin(pings)
    wanted = np.unique(_point_keys(points_df, origin, hours, cell_factor))
    if wanted.size == 0:
        return np.sort(pings["person_id"].unique().astype(object))
    # Only the pings in a clue's time slice can match it: a thin slice of a long trace.
    time_bin = (_seconds(pings["timestamp"]) - origin) // (hours * _SECONDS_PER_HOUR)
    nearby = pings[np.isin(time_bin, wanted // _CELL_SPAN)]
    key = _point_keys(nearby, origin, hours, cell_factor)
    seen = pd.DataFrame({"person_id": nearby["person_id"].to_numpy(), "key": key})[np.isin(key, wanted)]
    clues_found = seen.drop_duplicates().groupby("person_id").size()
    return np.sort(clues_found.index[clues_found == wanted.size].to_numpy(dtype=object))


def _origin(pings: pd.DataFrame) -> int:
    """Midnight of the first ping's day, in seconds since the epoch: where time bins start."""
    first = int(_seconds(pings["timestamp"]).min()) if len(pings) else 0
    return first - first % _SECONDS_PER_DAY


def _seconds(timestamps: pd.Series) -> np.ndarray:
    return timestamps.to_numpy().astype("datetime64[s]").astype(np.int64)


def _point_keys(table: pd.DataFrame, origin: int, hours: int, cell_factor: int) -> np.ndarray:
    """One integer per row for its (time bin, coarsened cell)."""
    time_bin = (_seconds(table["timestamp"]) - origin) // (hours * _SECONDS_PER_HOUR)
    codes, row, col = antenna_grid(table["cell_id"], cell_factor)
    return time_bin * _CELL_SPAN + (row * _ROW_SPAN + col)[codes]


def antenna_grid(cell_ids: pd.Series, cell_factor: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's number among the distinct cells, and those cells' grid row and column, antennas
    merged `cell_factor` per side (a `ValueError` names a cell that is not an antenna).

    Each distinct cell is parsed once: traces repeat a few hundred antennas millions of times."""
    codes, cells = pd.factorize(cell_ids)
    grid = pd.Series(cells, dtype="str").str.extract(r"^r(\d+)c(\d+)$")
    if grid.isna().any().any():
        bad = cells[grid.isna().any(axis=1).to_numpy()][0]
        raise ValueError(f"cell_id {bad!r} is not an antenna of the crowd grid (expected 'r<row>c<column>')")
    row, col = (grid[column].astype(np.int64).to_numpy() // cell_factor for column in (0, 1))
    return codes, row, col


def _distinct_points(pings: pd.DataFrame, origin: int, hours: int, cell_factor: int
                     ) -> tuple[np.ndarray, int, np.ndarray]:
    """Every person's distinct points, as sorted codes person number x span + point key; the span;
    and people's ids by number (numbers follow the ids' order)."""
    person, names = pd.factorize(pings["person_id"], sort=True)
    key = _point_keys(pings, origin, hours, cell_factor)
    span = int(key.max(initial=0)) + 1
    codes = np.sort(person.astype(np.int64) * span + key)
    return codes[np.diff(codes, prepend=-1) != 0], span, np.asarray(names, dtype=object)


def _people_with_all(codes: np.ndarray, span: int, owner: np.ndarray, owner_key: np.ndarray,
                     people: int) -> np.ndarray:
    """For each person, how many traces hold all of their chosen points (their own included).

    `owner` (sorted) and `owner_key` list the chosen points. Suspects are the people seen at an
    owner's rarest chosen point; each suspect is then looked up at the owner's other points. Joining
    every point to everyone seen there would cost far more: in a 10x crowd, a busy antenna at a busy
    hour holds thousands of people.
    """
    person, key = np.divmod(codes, span)
    by_key = np.argsort(key, kind="stable")
    sorted_keys = key[by_key]
    low = np.searchsorted(sorted_keys, owner_key, side="left")
    seen = np.searchsorted(sorted_keys, owner_key, side="right") - low
    by_rarity = np.lexsort((seen, owner))
    rarest = by_rarity[np.diff(owner[by_rarity], prepend=-1) != 0]
    suspect_owner = np.repeat(owner[rarest], seen[rarest])
    suspect = person[by_key[_ranges(low[rarest], seen[rarest])]]
    # Each suspect against each chosen point of their owner: a hit when (suspect, point) is a code.
    first = np.searchsorted(owner, suspect_owner)
    needed = np.bincount(owner, minlength=people)[suspect_owner]
    probe = np.repeat(suspect, needed) * span + owner_key[_ranges(first, needed)]
    hit = codes[np.minimum(np.searchsorted(codes, probe), codes.size - 1)] == probe
    hits = np.bincount(np.repeat(np.arange(suspect.size), needed), weights=hit, minlength=suspect.size)
    return np.bincount(suspect_owner[hits == needed], minlength=people)


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenated ranges starts[i] … starts[i] + lengths[i] - 1, without a Python loop."""
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
