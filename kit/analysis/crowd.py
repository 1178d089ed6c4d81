"""The crowd workshop 4 plays with, on screen and on its paper cards: `RESIDENTS` of the scenario's city, as
a phone operator records them (person, time, antenna), and the antennas named after the nearest place.

The crowd comes from the scenario's seed, so every phone and every card sees the same city. The pages share
one copy per process (`shared_crowd`, about 225,000 pings in 2.5 MB), built the first time a teen presses a
button, or beforehand by the room's template process (`kit.workshops.page.prepare`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from kit.analysis.shared import shared_by_pages
from kit.engine.crowd import crowd_pings
from kit.engine.places import distance_m
from kit.engine.random import Stream, domain_rng
from kit.scenario.model import Scenario

__all__ = ["RESIDENTS", "SharedCrowd", "antenna_table", "shared_crowd", "workshop_crowd"]

#: Residents in the page's crowd: half the scenario's 2,000 keeps a teen's kernel near 150 MB, and the
#: crowd still shows the published shape (2 points single out about half, 4 points over 95 %).
RESIDENTS = 1_000


def workshop_crowd(scenario: Scenario) -> pd.DataFrame:
    """The crowd this workshop plays with, on screen and on its paper cards: `RESIDENTS` of the scenario."""
    return crowd_pings(scenario, domain_rng(scenario.meta.seed, Stream.CROWD), residents=RESIDENTS)


def antenna_table(pings: pd.DataFrame, scenario: Scenario) -> pd.DataFrame:
    """Each antenna cell of `pings` (indexed by cell_id): its centre (lat, lon) and the name of the
    scenario's place nearest to it (`place`), so that a point reads "near Commerce", not "r005c007"."""
    centres = pings.groupby("cell_id", observed=True)[["lat", "lon"]].first()
    centres.index = centres.index.astype(str)
    places = scenario.places
    far = distance_m(centres["lat"].to_numpy()[:, None], centres["lon"].to_numpy()[:, None],
                     np.array([place.lat for place in places]), np.array([place.lon for place in places]))
    return centres.assign(place=[places[index].name for index in far.argmin(axis=1)])


class SharedCrowd(NamedTuple):
    """The crowd as the pages play with it: `pings` (person_id and cell_id as categories, timestamp) and
    `antennas` (see `antenna_table`)."""

    pings: pd.DataFrame
    antennas: pd.DataFrame


@shared_by_pages
def shared_crowd(scenario: Scenario) -> SharedCrowd:
    """`workshop_crowd` in the form the pages use (the columns the measures need, names as categories: its
    225,000 pings in 2.5 MB), read by every page of the scenario and changed by none."""
    pings = workshop_crowd(scenario)
    return SharedCrowd(pings=pd.DataFrame({"person_id": pings["person_id"].astype("category"),
                                           "timestamp": pings["timestamp"],
                                           "cell_id": pings["cell_id"].astype("category")}),
                       antennas=antenna_table(pings, scenario))
