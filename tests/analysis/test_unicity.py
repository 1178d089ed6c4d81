"""Unicity of crowd traces: the measure, and its calibration against de Montjoye et al. 2013."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.analysis.unicity import matching_people, unicity
from kit.engine.crowd import crowd_pings
from kit.engine.random import domain_rng
from kit.scenario.model import Scenario


def _pings(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame({"person_id": [row[0] for row in rows], "timestamp": pd.to_datetime([row[1] for row in rows]),
                         "cell_id": [row[2] for row in rows]})


TOY = _pings([
    ("a", "2026-03-16 08:10", "r001c001"), ("a", "2026-03-16 12:00", "r002c002"),
    ("b", "2026-03-16 08:50", "r001c001"), ("b", "2026-03-16 12:30", "r002c002"),
    ("c", "2026-03-16 08:20", "r001c001"), ("c", "2026-03-16 18:00", "r005c005"),
])


def test_people_sharing_every_point_are_not_unique_and_the_others_are() -> None:
    # a and b share both their points at hourly resolution; c's evening point is hers alone.
    assert unicity(TOY, points=2, rng=np.random.default_rng(0)) == pytest.approx(1 / 3)
    assert unicity(TOY, points=1, rng=np.random.default_rng(0)) <= 1 / 3


def test_matching_people_is_the_guess_who_game() -> None:
    morning = _pings([("?", "2026-03-16 08:40", "r001c001")])[["timestamp", "cell_id"]]
    assert matching_people(TOY, morning).tolist() == ["a", "b", "c"]
    evening = _pings([("?", "2026-03-16 18:05", "r005c005")])[["timestamp", "cell_id"]]
    assert matching_people(TOY, pd.concat([morning, evening])).tolist() == ["c"]


def test_coarser_cells_hide_people_in_groups() -> None:
    # Cells r001c002 and r001c003 merge when 2 antennas per side are grouped.
    near = _pings([("a", "2026-03-16 08:10", "r001c002"), ("b", "2026-03-16 08:15", "r001c003")])
    assert unicity(near, points=1, rng=np.random.default_rng(0)) == 1.0
    assert unicity(near, points=1, rng=np.random.default_rng(0), cell_factor=2) == 0.0


@pytest.fixture(scope="module")
def crowd(nantes: Scenario) -> pd.DataFrame:
    return crowd_pings(nantes, domain_rng(nantes.meta.seed, "crowd"))


def test_four_points_single_out_at_least_nine_people_in_ten(crowd: pd.DataFrame) -> None:
    """de Montjoye et al. 2013: 4 points at hourly, antenna resolution identify 95% of people."""
    assert unicity(crowd, points=4, rng=np.random.default_rng(1)) >= 0.90


def test_two_points_single_out_far_fewer(crowd: pd.DataFrame) -> None:
    """The same study: 2 points identify about half of people."""
    two = unicity(crowd, points=2, rng=np.random.default_rng(1))
    four = unicity(crowd, points=4, rng=np.random.default_rng(1))
    assert 0.3 <= two <= 0.7
    assert four - two >= 0.25


def test_coarsening_time_and_space_lowers_unicity(crowd: pd.DataFrame) -> None:
    fine = unicity(crowd, points=4, rng=np.random.default_rng(3), sample=500)
    coarse = unicity(crowd, points=4, rng=np.random.default_rng(3), sample=500, hours=6, cell_factor=3)
    assert coarse < fine - 0.2
