"""Protecting crowd traces: generalising, suppressing rare points, the groups people hide in, and what a
planner's question loses."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.analysis.kanonymity import generalised, group_sizes, people_near, suppressed


def _pings(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame({"person_id": [row[0] for row in rows],
                         "timestamp": pd.to_datetime([row[1] for row in rows]).astype("datetime64[s]"),
                         "cell_id": [row[2] for row in rows]})


# 2026-03-16 is a Monday, 2026-03-21 a Saturday. a and b meet in the morning; c is alone at her points.
TOY = _pings(
    ("a", "2026-03-16 07:10", "r001c001"), ("a", "2026-03-16 12:00", "r002c002"),
    ("b", "2026-03-16 08:50", "r001c001"), ("b", "2026-03-16 12:30", "r002c003"),
    ("c", "2026-03-16 07:20", "r000c001"), ("c", "2026-03-16 18:00", "r005c005"),
    ("c", "2026-03-21 07:30", "r001c001"),
)


def test_generalising_rounds_times_and_merges_antennas() -> None:
    out = generalised(TOY, hours=4, cell_factor=2)
    assert out["timestamp"].dt.strftime("%H:%M").tolist() == ["04:00", "12:00", "08:00", "12:00", "04:00",
                                                              "16:00", "04:00"]
    assert out["cell_id"].astype(str).tolist() == ["r000c000", "r001c001", "r000c000", "r001c001", "r000c000",
                                                   "r002c002", "r000c000"]
    assert generalised(TOY)["timestamp"].dt.minute.eq(0).all()


@pytest.mark.parametrize(("settings", "message"), [({"hours": 5}, "divide a day"),
                                                   ({"cell_factor": 0}, "at least 1")])
def test_generalising_refuses_settings_that_make_no_sense(settings: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generalised(TOY, **settings)


def test_generalising_names_cells_that_are_not_antennas() -> None:
    with pytest.raises(ValueError, match="'gare'"):
        generalised(_pings(("a", "2026-03-16 08:10", "gare")))


def test_suppressing_removes_points_fewer_than_k_people_share() -> None:
    published = generalised(TOY, hours=12, cell_factor=2)
    kept = suppressed(published, k=2)
    # Monday morning's block is everyone's; c's evening and Saturday are hers alone.
    assert set(kept["person_id"]) == {"a", "b", "c"}
    assert kept[kept["person_id"] == "c"]["timestamp"].dt.strftime("%d %H").tolist() == ["16 00"]
    assert len(suppressed(published, k=4)) == 0
    assert len(suppressed(published, k=1)) == len(published)


def test_group_sizes_count_the_traces_holding_every_known_point() -> None:
    fine = generalised(TOY)
    sizes = group_sizes(fine, fine, points=2, rng=np.random.default_rng(0))
    assert sizes.to_dict() == {"a": 1, "b": 1, "c": 1}
    coarse = generalised(TOY, hours=12, cell_factor=2)
    # a and b share both their 12-hour, 2x2-antenna points; c's evening gives her away.
    assert group_sizes(coarse, coarse, points=2, rng=np.random.default_rng(0)).to_dict() == {"a": 2, "b": 2, "c": 1}


def test_suppressed_points_leave_the_attacker_with_fewer_clues() -> None:
    coarse = generalised(TOY, hours=12, cell_factor=2)
    published = suppressed(coarse, k=2)
    sizes = group_sizes(coarse, published, points=3, rng=np.random.default_rng(0))
    # c's evening and Saturday are gone: only Monday morning, everyone's, is left to find her by.
    assert sizes.to_dict() == {"a": 2, "b": 2, "c": 3}


def test_group_sizes_on_a_sample() -> None:
    fine = generalised(TOY)
    assert len(group_sizes(fine, fine, points=1, rng=np.random.default_rng(0), sample=2)) == 2


def test_people_near_a_stop_on_raw_and_on_protected_data() -> None:
    # Raw: on the Monday, a (07:10) is at r001c001 between 7 and 9, and b (08:50); c's Saturday does not count.
    assert people_near(TOY, cell_id="r001c001", start_hour=7, end_hour=9) == 2.0
    # Published in 4-hour slices with 2x2 antennas: c's 07:20 at the next antenna now counts too.
    published = generalised(TOY, hours=4, cell_factor=2)
    assert people_near(published, cell_id="r001c001", start_hour=7, end_hour=9, hours=4, cell_factor=2) == 3.0
    # Only a 12:00 slice can overlap a question asked about noon.
    assert people_near(published, cell_id="r002c002", start_hour=12, end_hour=13, hours=4, cell_factor=2) == 2.0
