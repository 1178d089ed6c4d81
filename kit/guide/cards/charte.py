"""Paper cards for workshop 6, "Notre charte de la donnée": the principles, the commitments, the app grid and
a poster to fill, with the screen's words and the screen's apps.

On screen the kit suggests each app's points and the group changes them; on paper the group reads the facts
(trackers and their countries, banner, location, minimum age, from the apps and trackers tables) and gives
the points itself with the screen's rubric, so the answer key's letters are the screen's suggestions
(`kit.analysis.app_label`), a starting point for the debate, not a verdict.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import groupby

import pandas as pd

from kit.analysis.app_label import (
    CRITERIA,
    MAX_POINTS,
    app_points,
    label,
    rated_apps,
    sent_outside,
)
from kit.analysis.charter import PRINCIPLES, PROPOSALS
from kit.guide.cards import CardData, Sheets
from kit.guide.pages import render

__all__ = ["sheets"]


@dataclass(frozen=True)
class _Tracker:
    company: str
    country: str
    ads: bool


@dataclass(frozen=True)
class _App:
    """One row of the grid: the facts behind each criterion, and the screen's points for the answer key."""

    name: str
    trackers: list[_Tracker]
    outside_europe: int
    banner: str
    location: str
    min_age: int
    points: dict[str, int]

    @property
    def countries(self) -> list[tuple[str, int]]:
        """Where the trackers send data, each country once with its count, in the trackers' order."""
        return list(Counter(tracker.country for tracker in self.trackers).items())

    @property
    def ads(self) -> int:
        return sum(tracker.ads for tracker in self.trackers)

    @property
    def total(self) -> int:
        return sum(self.points.values())

    @property
    def letter(self) -> str:
        return label(self.points)


def sheets(data: CardData, language: str) -> Sheets:
    """One card per principle, the commitments to tick, the app grid, a poster to fill; the screen's grades."""
    apps = _apps(data, language)
    values = {"principles": PRINCIPLES, "proposals": range(1, PROPOSALS + 1), "apps": apps, "criteria": CRITERIA,
              "max_points": MAX_POINTS, "scale": _scale()}
    return Sheets(cards=render("cards/charte.cards.html.j2", language=language, **values),
                  answers=render("cards/charte.answers.html.j2", language=language, **values))


def _apps(data: CardData, language: str) -> list[_App]:
    """The apps the screen rates, in the screen's order, with their facts from the generated tables."""
    scenario = data.scenario
    table = data.tables["apps"].set_index("app_id")
    trackers = data.tables["trackers"].set_index("tracker_id")
    banners = {banner.id: banner.label.get(language, banner.id) for banner in scenario.consent.banners}
    rows = []
    for app in rated_apps(scenario):
        facts = table.loc[app.id]
        used = [trackers.loc[tracker] for tracker in _split(facts["trackers"])]
        permissions = set(_split(facts["permissions"]))
        rows.append(_App(
            name=str(facts["name"]),
            trackers=[_Tracker(company=str(row["company"]), country=str(row["country"]), ads=row["category"] == "ads")
                      for row in used],
            outside_europe=sent_outside(app, scenario),
            banner=banners.get(facts["banner"], ""),
            location=("background" if "background_location" in permissions else
                      "open" if "location" in permissions else "none"),
            min_age=int(facts["min_age"]),
            points=app_points(app, scenario)))
    return rows


def _split(cell: object) -> list[str]:
    """A `|`-separated cell of the tables (empty for none)."""
    return [part for part in str(cell).split("|") if part] if not pd.isna(cell) else []


def _scale() -> list[tuple[str, int, int]]:
    """(letter, lowest, highest total) as `label` gives them, so the paper scale cannot drift from the screen's."""
    totals = [(label({"total": total}), total) for total in range(MAX_POINTS, -1, -1)]
    return [(letter, min(group), max(group))
            for letter, group in ((letter, [total for _, total in rows]) for letter, rows in
                                  groupby(totals, key=lambda row: row[0]))]
