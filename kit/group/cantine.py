"""Workshop 5's figures on the group screen (see `kit.group`): the room's guesses against the meals really
served, and, on the same days, the room's guesses against the room's fitted models.

Teens may guess for different schools, whose counts differ tenfold: every error is therefore a share of the
meals served that day, never a number of meals. Answers, as the page tells them (`kit.workshops.cantine`):
"guess" is {guess, served}, "forecast" is {guess, forecast, served}, all in meals.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.group.figure import Bar, Drawn, Figure, median, shares
from kit.i18n import text
from kit.i18n.formats import percent

__all__ = ["FIGURES"]

#: A guess within this share of the meals served counts as close.
_CLOSE = 0.10
_SIDES = ("low", "close", "high")


def _error(predicted: float, served: float) -> float:
    """How far off, as a share of the meals served (a day with none served, a strike, counts each meal whole)."""
    return abs(predicted - served) / max(served, 1)


def _side(answer: Mapping[str, float]) -> str:
    if _error(answer["guess"], answer["served"]) <= _CLOSE:
        return "close"
    return "low" if answer["guess"] < answer["served"] else "high"


def _guesses(answers: list[object], language: str) -> Drawn:
    guesses: list[Mapping[str, float]] = answers  # type: ignore[assignment]
    gap = percent(median(_error(answer["guess"], answer["served"]) for answer in guesses), language)
    return Drawn(headline=text("cantine.group.guesses", language, gap=gap),
                 bars=shares([_side(answer) for answer in guesses], _SIDES,
                             lambda side, language: text(f"cantine.group.{side}", language,
                                                         close=percent(_CLOSE, language)), language))


def _guesses_and_models(answers: list[object], language: str) -> Drawn:
    pairs: list[Mapping[str, float]] = answers  # type: ignore[assignment]
    errors = {who: median(_error(answer[who], answer["served"]) for answer in pairs) for who in ("guess", "forecast")}
    return Drawn(headline=text("cantine.group.models", language, guess=percent(errors["guess"], language),
                               model=percent(errors["forecast"], language)),
                 bars=tuple(Bar(label=text(f"cantine.group.error.{who}", language), value=error,
                                text=percent(error, language)) for who, error in errors.items()))


FIGURES: tuple[Figure, ...] = (Figure("cantine.step1", "guess", _guesses),
                               Figure("cantine.step2", "forecast", _guesses_and_models))
