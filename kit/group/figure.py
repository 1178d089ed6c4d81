"""What the group screen shows for one step of a workshop: one large figure, drawn from the answers the
room's pages told (`kit.page_env.group.tell`), in the screen's language.

A workshop's module in this package lists its figures (`FIGURES`); each reads one question's answers as the
board released them (`kit.group.board`: only once at least k teens answered, and in batches), one answer per
page and in no particular order, so that no figure can show who answered what. The screen draws `Drawn` as
large bars with their numbers written out, and reads `alt` to screen readers.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from kit.i18n import text

__all__ = ["Bar", "Drawn", "Figure", "Released", "median", "shares", "totals"]


@dataclass(frozen=True)
class Bar:
    """One bar: `value` is its length on the figure's scale (a share from 0 to 1 for `shares`), `text` what is
    written at its end. `reference`, on the same scale, is a mark beside it: what a model predicted."""

    label: str
    value: float
    text: str
    reference: float | None = None
    reference_text: str = ""


@dataclass(frozen=True)
class Drawn:
    """A figure as the screen shows it: a sentence in large type, then bars (none for a figure that is one
    number). `alt` says the whole figure in words; by default the headline, then each bar's label and text."""

    headline: str
    bars: tuple[Bar, ...] = ()
    #: What the reference marks are (« prédiction du modèle »), shown as the figure's legend.
    reference_label: str = ""
    alt: str = ""

    def described(self) -> str:
        """The figure in words: `alt`, or the headline and every bar (and its reference) in a sentence."""
        if self.alt:
            return self.alt
        parts = [f"{bar.label} : {bar.text}" + (f" ({self.reference_label} : {bar.reference_text})"
                                                if bar.reference is not None else "") for bar in self.bars]
        return " ".join([self.headline, "; ".join(parts)]).strip()


class Released(list):
    """The answers the board released for a figure, and the room's k: a figure that splits the room into groups
    (the pages that answered one banner design) draws only the groups of at least k pages, so that no part of a
    figure counts fewer teens than the whole may (« 1 sur 1 » would be one teen's answer)."""

    def __init__(self, answers: Iterable[object], k: int) -> None:
        super().__init__(answers)
        self.k = k


@dataclass(frozen=True)
class Figure:
    """One step's figure: `step` is the step's catalog prefix (the screen titles the figure as the page titles
    the step), `question` the answers it reads, `draw` makes it from them in a language."""

    step: str
    question: str
    draw: Callable[[Released, str], Drawn]


def shares(answers: Sequence[object], categories: Iterable[str], label: Callable[[str, str], str],
           language: str) -> tuple[Bar, ...]:
    """For each category, in the order given, the share of answers that are it: « 11 sur 14 »."""
    counted = Counter(str(answer) for answer in answers)
    total = len(answers)
    return tuple(Bar(label=label(category, language), value=counted[category] / total if total else 0.0,
                     text=text("group.count_of", language, count=counted[category], total=total))
                 for category in categories)


def median(values: Iterable[float]) -> float:
    """The middle value: what the group typically did, which one extreme answer cannot move far."""
    return float(statistics.median(list(values)))


def totals(answers: Iterable[Mapping[str, float]], top: int) -> list[tuple[str, float]]:
    """The `top` keys with the largest sums over every answer (a mapping each), largest first, then by name."""
    summed: Counter[str] = Counter()
    for answer in answers:
        summed.update({str(key): float(value) for key, value in answer.items()})
    return sorted(summed.items(), key=lambda item: (-item[1], item[0]))[:top]
