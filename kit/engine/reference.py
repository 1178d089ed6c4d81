"""Reference tables copied from the scenario: places, apps, trackers.

Other tables refer to these by id instead of repeating names and companies on every row (sobriety:
the data package practises what the workshops teach).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from kit.scenario.model import Scenario

__all__ = ["apps_table", "places_table", "trackers_table"]


def places_table(scenario: Scenario) -> pd.DataFrame:
    return _table(scenario.places, {"place_id": "id", "name": "name", "kind": "kind", "lat": "lat", "lon": "lon",
                                    "radius_m": "radius_m"})


def apps_table(scenario: Scenario) -> pd.DataFrame:
    """The scenario's apps and cards, with their trackers counted as Exodus Privacy does."""
    return _table(scenario.apps, {
        "app_id": "id", "name": "name", "category": "category",
        "tracker_count": lambda app: len(app.trackers),
        "trackers": lambda app: "|".join(app.trackers),
        "permissions": lambda app: "|".join(app.permissions),
        "banner": "banner", "min_age": "min_age", "usage": "usage",
    })


def trackers_table(scenario: Scenario) -> pd.DataFrame:
    """Who is behind each tracker and what it collects."""
    return _table(scenario.trackers, {"tracker_id": "id", "company": "company", "category": "category",
                                      "country": "country", "fields": lambda tracker: "|".join(tracker.fields)})


def _table(items: Sequence[Any], columns: dict[str, str | Callable[[Any], Any]]) -> pd.DataFrame:
    """One row per scenario item; each column is an attribute name or a function of the item."""
    return pd.DataFrame({
        column: [getattr(item, source) if isinstance(source, str) else source(item) for item in items]
        for column, source in columns.items()
    })
