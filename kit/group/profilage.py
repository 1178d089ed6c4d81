"""Workshop 3 on the group screen: the segments the profiler gave the room's doubles most often, the changes
the room tried in « Brouille les pistes », and what those changes did to the price of their attention.

What the page tells (`kit.workshops.profilage`): "segments", the ids of the segments the double is in
(`kit.analysis.segments.segments_given`); "blur", after each change the teen makes, which kinds of change
they made now (`less_time` in some app, `no_night`, `refuse_all`) and what advertisers paid for the month's ads
before and with them (`paid_before`, `paid_now`). Segments are named as the room's scenario names them.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.analysis.segments import segment_labels
from kit.group.figure import Bar, Drawn, Figure, median, totals
from kit.i18n import text
from kit.i18n.formats import percent
from kit.scenario import default_scenario, load_scenario

__all__ = ["FIGURES"]

#: How many segments the screen names: the ones the room has in common.
_TOP_SEGMENTS = 5
#: The kinds of change « Brouille les pistes » offers, as the page tells them.
_CHANGES = ("less_time", "no_night", "refuse_all")


def _segments(answers: list[object], language: str) -> Drawn:
    labels = segment_labels(load_scenario(default_scenario()), language)
    pages = ({segment: 1 for segment in answer} for answer in answers)  # type: ignore[union-attr]
    given = totals(pages, _TOP_SEGMENTS)
    return Drawn(headline=text("profilage.group.segments.headline", language),
                 bars=tuple(_share(labels.get(segment, segment), round(count), len(answers), language)
                            for segment, count in given))


def _changes(answers: list[object], language: str) -> Drawn:
    blurs: list[Mapping[str, object]] = answers  # type: ignore[assignment]
    return Drawn(headline=text("profilage.group.changes.headline", language),
                 bars=tuple(_share(text(f"profilage.group.change.{change}", language),
                                   sum(blur[change] is True for blur in blurs), len(blurs), language)
                            for change in _CHANGES))


def _price(answers: list[object], language: str) -> Drawn:
    """The median change in what advertisers pay, in %: a double whose ads were worth nothing has none."""
    blurs: list[Mapping[str, float]] = answers  # type: ignore[assignment]
    changes = [blur["paid_now"] / blur["paid_before"] - 1 for blur in blurs if blur["paid_before"] > 0]
    if not changes:
        return Drawn(headline=text("profilage.group.price.none", language))
    typical = median(changes)
    # As `percent` writes it: a change under half a percent reads as none.
    whole = round(100 * typical)
    direction = "less" if whole < 0 else "more" if whole > 0 else "same"
    return Drawn(headline=text(f"profilage.group.price.{direction}", language,
                               change=percent(abs(typical), language)))


def _share(label: str, count: int, total: int, language: str) -> Bar:
    return Bar(label=label, value=count / total, text=text("group.count_of", language, count=count, total=total))


FIGURES: tuple[Figure, ...] = (
    Figure("profilage.step1", "segments", _segments),
    Figure("profilage.step4", "blur", _changes),
    Figure("profilage.step4", "blur", _price),
)
