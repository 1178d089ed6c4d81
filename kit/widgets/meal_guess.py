"""The "Devine" card of workshop 5: the teen reads what the kitchen knows about tomorrow in one school (weekday,
menu, weather, last week's count) and guesses how many will eat, before the kit reveals the count.

Guessing first makes the forecast a problem of one's own: which clues did I use, and how far off was I? The
guess stays in the page; nothing is stored. Pressing "check" is the teen's answer, which the page may tell the
room's group screen (`on_answer`).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from kit.analysis.canteen_forecast import school_options
from kit.analysis.canteen_words import day_clues
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["MealGuess"]


class MealGuess(widgets.VBox):
    """School list, the day's clues, a number box for the guess and a button that reveals the meals served.
    `on_answer(guess, day)` is called when the teen checks: their guess and the day it is for (one row of `later`)."""

    def __init__(self, learned: pd.DataFrame, later: pd.DataFrame, scenario: Scenario, *, language: str,
                 on_answer: Callable[[int, pd.DataFrame], None] | None = None) -> None:
        self._learned, self._later, self._scenario, self._on_answer = learned, later, scenario, on_answer
        self._language = language
        self.school = widgets.Dropdown(options=school_options(scenario))
        self.clues = widgets.HTML()
        # A number box rather than a slider: a phone opens its number pad, and screen readers name it.
        self.guess = widgets.BoundedIntText(min=0, step=5)
        self.check = widgets.Button(button_style="primary")
        self.answer = widgets.HTML()
        self.school.observe(lambda _: self._new_school(), names="value")
        self.check.on_click(lambda _: self._checked())
        self._new_school()
        super().__init__([self.school, self.clues, self.guess, self.check, self.answer])
        self.relabel(language)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: the teen's guess, and a revealed answer, stay."""
        self._language = language
        self.school.description = text("cantine.school", language)
        self.guess.description = text("cantine.guess.your_guess", language)
        self.check.description = text("cantine.guess.check", language)
        self.clues.value = self._clues()
        if self.answer.value:
            self.reveal()

    def reveal(self) -> None:
        """The meals served that day, the gap to the guess and to last week's count."""
        day, last = self._day(), self._last_week()
        served = int(day["meals_served"])
        self.answer.value = "".join(f"<p>{line}</p>" for line in (
            text("cantine.guess.served", self._language, served=served),
            text("cantine.guess.yours", self._language, gap=abs(self.guess.value - served)),
            text("cantine.guess.last_week", self._language, gap=abs(int(last["meals_served"]) - served))))

    def tomorrow(self) -> pd.DataFrame:
        """Tomorrow in the chosen school: the first day after the weeks learned from, as a one-row table."""
        return self._later[self._later["school_place_id"] == self.school.value].iloc[[0]]

    def _checked(self) -> None:
        self.reveal()
        if self._on_answer is not None:
            self._on_answer(self.guess.value, self.tomorrow())

    def _new_school(self) -> None:
        day = self._day()
        self.guess.max = int(day["enrolled"])
        self.guess.value = int(self._last_week()["meals_served"])
        self.answer.value = ""
        self.clues.value = self._clues()

    def _day(self) -> pd.Series:
        return self.tomorrow().iloc[0]

    def _last_week(self) -> pd.Series:
        day = self._day()
        same = self._learned[(self._learned["school_place_id"] == day["school_place_id"])
                             & (self._learned["weekday"] == day["weekday"])]
        return same.iloc[-1]

    def _clues(self) -> str:
        day, last = self._day(), self._last_week()
        return (f"<p>{text('cantine.guess.question', self._language, enrolled=int(day['enrolled']))}</p>"
                f"<p>{day_clues(day, self._scenario, self._language)}</p>"
                f"<p>{text('cantine.guess.last', self._language, meals=int(last['meals_served']))}</p>")
