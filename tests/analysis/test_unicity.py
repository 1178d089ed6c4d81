"""Unicity of crowd traces: the measure, the Guess-Who game, and the calibration on de Montjoye et al. 2013."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd
import pytest

from kit.analysis.unicity import matching_people, unicity
from kit.engine.crowd import crowd_pings
from kit.engine.random import Stream, domain_rng
from kit.scenario.model import Scenario


def _pings(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame({"person_id": [row[0] for row in rows],
                         "timestamp": pd.to_datetime([row[1] for row in rows]).astype("datetime64[s]"),
                         "cell_id": [row[2] for row in rows]})


def _clues(*rows: tuple[str, str]) -> pd.DataFrame:
    return _pings(*(("?", *row) for row in rows))[["timestamp", "cell_id"]]


# a and b share both their points at hourly resolution; c's evening point is hers alone.
TOY = _pings(
    ("a", "2026-03-16 08:10", "r001c001"), ("a", "2026-03-16 12:00", "r002c002"),
    ("b", "2026-03-16 08:50", "r001c001"), ("b", "2026-03-16 12:30", "r002c002"),
    ("c", "2026-03-16 08:20", "r001c001"), ("c", "2026-03-16 18:00", "r005c005"),
)


def test_people_sharing_every_point_are_not_unique_and_the_others_are() -> None:
    assert unicity(TOY, points=2, rng=np.random.default_rng(0)) == pytest.approx(1 / 3)
    # Asking for more points than a trace has tests it on all of its points.
    assert unicity(TOY, points=5, rng=np.random.default_rng(0)) == pytest.approx(1 / 3)
    # One point never singles out a or b, whichever is drawn.
    for seed in range(5):
        assert unicity(TOY, points=1, rng=np.random.default_rng(seed)) <= 1 / 3


def test_sample_tests_that_many_people() -> None:
    shares = {unicity(TOY, points=2, rng=np.random.default_rng(seed), sample=1) for seed in range(20)}
    assert shares == {0.0, 1.0}


def test_coarser_hours_hide_people_in_groups() -> None:
    # 08:10 and 09:10 are different hours, but the same 2-hour slice (08:00–10:00).
    near = _pings(("a", "2026-03-16 08:10", "r001c002"), ("b", "2026-03-16 09:10", "r001c002"))
    assert unicity(near, points=1, rng=np.random.default_rng(0)) == 1.0
    assert unicity(near, points=1, rng=np.random.default_rng(0), hours=2) == 0.0


def test_coarser_cells_hide_people_in_groups() -> None:
    # Antennas r001c002 and r001c003 merge when 2 antennas per side are grouped.
    near = _pings(("a", "2026-03-16 08:10", "r001c002"), ("b", "2026-03-16 08:15", "r001c003"))
    assert unicity(near, points=1, rng=np.random.default_rng(0)) == 1.0
    assert unicity(near, points=1, rng=np.random.default_rng(0), cell_factor=2) == 0.0


def test_matching_people_is_the_guess_who_game() -> None:
    assert matching_people(TOY, _clues()).tolist() == ["a", "b", "c"]
    morning = ("2026-03-16 08:40", "r001c001")
    assert matching_people(TOY, _clues(morning)).tolist() == ["a", "b", "c"]
    assert matching_people(TOY, _clues(morning, ("2026-03-16 18:05", "r005c005"))).tolist() == ["c"]
    assert matching_people(TOY, _clues(("2026-03-16 12:59", "r002c002"))).tolist() == ["a", "b"]
    assert matching_people(TOY, _clues(("2026-03-16 13:05", "r002c002"))).tolist() == []
    assert matching_people(TOY, _clues(("2026-03-16 13:05", "r002c002")), hours=2).tolist() == ["a", "b"]


def test_cells_that_are_not_antennas_are_named() -> None:
    with pytest.raises(ValueError, match="'gare'"):
        unicity(_pings(("a", "2026-03-16 08:10", "gare")), points=1, rng=np.random.default_rng(0))


@pytest.fixture(scope="module")
def crowd(nantes: Scenario) -> pd.DataFrame:
    return crowd_pings(nantes, domain_rng(nantes.meta.seed, Stream.CROWD))


@pytest.fixture(scope="module")
def unicity_by_points(crowd: pd.DataFrame) -> dict[int, float]:
    return {points: unicity(crowd, points=points, rng=np.random.default_rng(1)) for points in (1, 2, 4)}


def test_four_points_single_out_at_least_nine_people_in_ten(unicity_by_points: dict[int, float]) -> None:
    """de Montjoye et al. 2013: 4 points at hourly, antenna resolution identify 95% of people."""
    assert unicity_by_points[4] >= 0.90


def test_two_points_single_out_far_fewer(unicity_by_points: dict[int, float]) -> None:
    """The same study: 2 points identify about half of people (our crowd is 2,000, theirs 1.5 million)."""
    assert unicity_by_points[2] <= 0.75
    assert unicity_by_points[4] - unicity_by_points[2] >= 0.15
    assert unicity_by_points[1] < unicity_by_points[2]


def test_coarser_time_and_space_lower_unicity(crowd: pd.DataFrame) -> None:
    def four_points(**resolution: int) -> float:
        return unicity(crowd, points=4, rng=np.random.default_rng(2), sample=500, **resolution)

    by_hours = [four_points(hours=hours) for hours in (1, 3, 12)]
    by_cells = [four_points(cell_factor=factor) for factor in (1, 2, 4)]
    assert all(fine - coarse >= 0.02 for fine, coarse in pairwise(by_hours)), by_hours
    assert all(fine - coarse >= 0.02 for fine, coarse in pairwise(by_cells)), by_cells


def test_each_clue_narrows_the_suspects_down_to_the_owner(crowd: pd.DataFrame) -> None:
    rng = np.random.default_rng(4)
    people = rng.choice(crowd["person_id"].unique(), size=8, replace=False)
    everyone = set(crowd["person_id"])
    for person, trace in crowd[crowd["person_id"].isin(people)].groupby("person_id"):
        clues = trace.iloc[rng.choice(len(trace), size=5, replace=False)]
        suspects = [set(matching_people(crowd, clues.iloc[:count])) for count in range(len(clues) + 1)]
        assert suspects[0] == everyone
        assert all(person in group for group in suspects)
        assert all(later <= earlier for earlier, later in pairwise(suspects))
