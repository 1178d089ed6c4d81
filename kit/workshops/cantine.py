"""Workshop 5, "Combien à la cantine ?": the city's public-service AI made tangible. The teen guesses
tomorrow's meals in one school, builds an additive forecast from counts per school and day, compares it with
naive forecasts 1 to 4 weeks ahead in meals and kilos, then sorts the data a city could be tempted to
collect (see `kit.workshops.page` for what every page shares).

The workshop is about the city, not the teen's trail (`asks_for_double = False`): steps draw at once, so the
first draw only makes the canteen weeks (a few milliseconds) and the widgets; the model is fitted when the
teen presses the button, once per choice of features. Components are kept on the page so that a language
switch keeps the teen's guess, ticks and sort.

In a room, the page tells the group screen the teen's checked guess with the meals served that day ("guess"),
and, once the teen has also fitted a model, that model's forecast for the very same day ("forecast"): guesses
and models are then compared on the same days. `kit.group.cantine` draws them.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.analysis.canteen_forecast import canteen_history, forecast_errors, split_weeks
from kit.analysis.canteen_words import describe_comparison
from kit.i18n import text
from kit.widgets.forecast_builder import ForecastBuilder
from kit.widgets.forecast_comparison import comparison_chart
from kit.widgets.meal_guess import MealGuess
from kit.widgets.tempting_data import TemptingDataSort
from kit.workshops.page import Trail, Workshop

__all__ = ["Cantine"]


class Cantine(Workshop):
    """One object per page: `start()` then `step_guess()`, `step_build()`, `step_compare()`, `step_ethics()`."""

    stem = "05_cantine"
    asks_for_double = False

    def __init__(self, scenario: str | None = None) -> None:
        super().__init__(scenario)
        self.learned, self.later = split_weeks(canteen_history(self.scenario))
        language = self.language.value
        #: The guess the teen last checked and its day (one row of `later`), for the group screen.
        self.checked: tuple[int, pd.DataFrame] | None = None
        self.guess = self.part("guess", lambda: MealGuess(self.learned, self.later, self.scenario, language=language,
                                                          on_answer=self._guessed))
        self.builder = self.part("builder", lambda: ForecastBuilder(
            self.learned, self.later, self.scenario, language=language, on_fit=self._fitted))
        self.sort = self.part("sort", lambda: TemptingDataSort(language=language))

    def step_guess(self) -> widgets.VBox:
        return self.step("cantine.step1", lambda trail, language: [*self.group_notice(language), self.guess])

    def step_build(self) -> widgets.VBox:
        return self.step("cantine.step2", lambda trail, language: [*self.group_notice(language), self.builder])

    def _guessed(self, guess: int, day: pd.DataFrame) -> None:
        self.checked = (guess, day)
        self.tell("guess", {"guess": guess, "served": int(day["meals_served"].iloc[0])})
        self._tell_forecast()

    def _fitted(self) -> None:
        self.redraw("cantine.step3")
        self._tell_forecast()

    def _tell_forecast(self) -> None:
        """The teen's guess and their model's forecast for the same day, once the teen has both."""
        if self.checked is None or self.builder.model is None:
            return
        guess, day = self.checked
        self.tell("forecast", {"guess": guess, "forecast": int(self.builder.model.predict(day)[0]),
                               "served": int(day["meals_served"].iloc[0])})

    def step_compare(self) -> widgets.VBox:
        def draw(trail: Trail | None, language: str) -> list:
            if self.builder.model is None:
                return [widgets.HTML(f"<p>{text('cantine.compare.waiting', language)}</p>")]
            kg_per_meal = self.scenario.canteen.kg_per_meal
            errors = forecast_errors(self.builder.model, self.learned, self.later, kg_per_meal)
            return [comparison_chart(errors, language=language),
                    widgets.HTML(describe_comparison(errors, kg_per_meal, language=language))]

        return self.step("cantine.step3", draw)

    def step_ethics(self) -> widgets.VBox:
        return self.step("cantine.step4", lambda trail, language: [
            self.sort, self.closing(language, "cantine.accountable")])
