"""Who received a trail's data: apps classed on Exodus Privacy's scale, each app's requests on an average
day, and each data field with the companies that received it. The screen's sankey and its words
(`kit.widgets.trackers`) and workshop 1's paper cards read these.

Apps are classed by the trackers they embed, as Exodus Privacy counts them (0, 1 to 4, 5 or more), not by
those seen sending in one trail.
"""

from __future__ import annotations

import pandas as pd

from kit.scenario.model import Scenario

__all__ = ["exodus_class", "fields_sent", "requests_per_day", "trail_days"]

#: Exodus Privacy shows apps with this many trackers or more in red.
_RED_FROM = 5
#: The personal tables whose timestamps tell which days a trail covers.
_TIMED_TABLES = ("location_pings", "app_sessions", "tracker_requests", "consent_events", "ad_auctions")


def exodus_class(tracker_count: int) -> str:
    """Exodus Privacy's class for an app embedding `tracker_count` trackers: green, yellow or red."""
    if tracker_count <= 0:
        return "green"
    return "yellow" if tracker_count < _RED_FROM else "red"


def requests_per_day(trail: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """How many requests each app sent on an average day of the trail (days without any count as 0).

    Columns `app` (id) and `requests_per_day`, chattiest app first.
    """
    requests = trail["tracker_requests"]
    counts = requests.groupby("app")["timestamp"].size().sort_values(ascending=False, kind="stable")
    return pd.DataFrame({"app": counts.index.astype(str),
                         "requests_per_day": (counts / trail_days(trail)).to_numpy(dtype=float)})


def fields_sent(trail: dict[str, pd.DataFrame], scenario: Scenario, *, language: str = "fr") -> pd.DataFrame:
    """One row per data field of the scenario: its label, how many requests carried it, who received it.

    Columns `field` (id), `label`, `requests` and `companies` (names joined by ", "; empty if nobody).
    Fields never sent stay in the table with 0: what did *not* leave the phone is worth seeing too.
    """
    company = {tracker.id: tracker.company for tracker in scenario.trackers}
    requests = trail["tracker_requests"]
    # A tracker always sends the same fields, so count per tracker first and split the fields once.
    per_tracker = requests.groupby(["tracker", "data_sent"]).size().rename("requests").reset_index()
    per_tracker["field"] = per_tracker["data_sent"].str.split("|")
    per_tracker["company"] = per_tracker["tracker"].map(company)
    grouped = per_tracker.explode("field").groupby("field")
    counts = grouped["requests"].sum().to_dict()
    receivers = grouped["company"].agg(lambda names: ", ".join(sorted(set(names)))).to_dict()
    table = pd.DataFrame({
        "field": list(scenario.data_fields),
        "label": [label.get(language, field) for field, label in scenario.data_fields.items()],
        "requests": [int(counts.get(field, 0)) for field in scenario.data_fields],
        "companies": [receivers.get(field, "") for field in scenario.data_fields],
    })
    return table.sort_values(["requests", "field"], ascending=[False, True], kind="stable").reset_index(drop=True)


def trail_days(trail: dict[str, pd.DataFrame]) -> int:
    """Calendar days from the trail's first record to its last (at least 1)."""
    stamps = [trail[name]["timestamp"] for name in _TIMED_TABLES if not trail[name].empty]
    if not stamps:
        return 1
    first, last = min(times.min() for times in stamps), max(times.max() for times in stamps)
    return (last.normalize() - first.normalize()).days + 1
