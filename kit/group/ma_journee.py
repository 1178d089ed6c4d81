"""Workshop 1 on the group screen: how many found their double's neighbourhood, how many data points a day
the room's doubles typically produce, and the apps that sent trackers the most requests across the room.

What the page tells (`kit.workshops.ma_journee`): "found", whether the teen's guess was right (a bool);
"points_per_day", the double's data points on an average day by kind (`kit.analysis.day_events.points_per_day`);
"requests_per_app", the double's tracker requests a day by app id. Apps are named as the room's scenario
(the session's, `default_scenario`) names them.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.analysis.day_events import DAY_EVENTS
from kit.group.figure import Bar, Drawn, Figure, median, shares, totals
from kit.i18n import text
from kit.i18n.formats import decimal
from kit.scenario import default_scenario, load_scenario

__all__ = ["FIGURES"]

#: How many apps the screen names: the few that stand out, not a ranking of every app.
_TOP_APPS = 3
#: What a guess came to, as `shares` reads a bool, and its label.
_GUESSES = {"True": "ma_journee.group.guess.found", "False": "ma_journee.group.guess.missed"}


def _guesses(answers: list[object], language: str) -> Drawn:
    found = sum(answer is True for answer in answers)
    return Drawn(headline=text("ma_journee.group.guess.headline", language, count=found, total=len(answers)),
                 bars=shares(answers, _GUESSES, lambda guess, language: text(_GUESSES[guess], language), language))


def _points(answers: list[object], language: str) -> Drawn:
    days: list[Mapping[str, float]] = answers  # type: ignore[assignment]
    typical = median(sum(day.values()) for day in days)
    bars = []
    for table, _, label in DAY_EVENTS:
        kind = median(day.get(table, 0.0) for day in days)
        bars.append(Bar(label=text(label, language), value=kind, text=_per_day(kind, language)))
    return Drawn(headline=text("ma_journee.group.points.headline", language, count=round(typical),
                               points=decimal(typical, 0, language)), bars=tuple(bars))


def _apps(answers: list[object], language: str) -> Drawn:
    names = {app.id: app.name for app in load_scenario(default_scenario()).apps}
    chattiest = totals(answers, _TOP_APPS)  # type: ignore[arg-type]
    return Drawn(headline=text("ma_journee.group.apps.headline", language),
                 bars=tuple(Bar(label=names.get(app, app), value=requests, text=_per_day(requests, language))
                            for app, requests in chattiest))


def _per_day(value: float, language: str) -> str:
    return text("ma_journee.group.per_day", language, points=decimal(value, 0, language))


FIGURES: tuple[Figure, ...] = (
    Figure("ma_journee.step1", "points_per_day", _points),
    Figure("ma_journee.step2", "requests_per_app", _apps),
    Figure("ma_journee.step3", "found", _guesses),
)
