"""Paper cards for workshop 5, "Combien à la cantine ?": the same four schools, days and forecast as the screen.

The screen works on a longer run of the canteen scenario (`canteen_history`): it learns on the first weeks and
asks about the weeks after. The paper does the same, so a pair on paper guesses the very day a phone shows,
adds up the effects the screen's model finds, and compares with the same "same as last week" count. Each pair
keeps one school through steps 1 to 3: its guess day is the first of the three days it then forecasts by hand.

The paper model uses the weekday, the menu, rain and strikes (the guide's "simple forecast"): the temperature
is offered as a single per-degree line, the decoy the facilitator asks about, because multiplying degrees by
hand would eat the step's minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from kit.analysis.canteen_forecast import (
    FEATURES,
    TEMPTING_DATA,
    AdditiveForecast,
    canteen_history,
    fit_forecast,
    forecast_errors,
    last_week_forecast,
    school_options,
    split_weeks,
)
from kit.analysis.canteen_words import day_clues, describe_comparison, effect_label
from kit.guide.cards import CardData, Sheets
from kit.guide.pages import render
from kit.i18n import text
from kit.i18n.formats import day_with_weekday, decimal
from kit.scenario.model import Scenario

__all__ = ["DAYS", "PAPER_FEATURES", "sheets"]

#: Days each pair forecasts by hand: the first days after the weeks learned (the first is the guess day).
DAYS = 3
#: What the paper forecast adds up: everything the screen offers but the temperature (see the module's note).
PAPER_FEATURES = tuple(feature for feature in FEATURES if feature != "temp_c")


@dataclass(frozen=True)
class _Day:
    """One school's day as a pair sees it, and what the answer key says about it."""

    clues: str
    served: int
    forecast: int
    last_week: int

    @property
    def forecast_error(self) -> int:
        """Meals off, either way: cooking too much and too little both cost (step 3 counts both)."""
        return abs(self.forecast - self.served)

    @property
    def last_week_error(self) -> int:
        return abs(self.last_week - self.served)


@dataclass(frozen=True)
class _School:
    name: str
    enrolled: int
    clues: Markup
    base_meals: int
    effects: list[tuple[str, int]]
    meals_per_degree: int
    days: list[_Day]

    @property
    def forecast_error(self) -> int:
        return sum(day.forecast_error for day in self.days)

    @property
    def last_week_error(self) -> int:
        return sum(day.last_week_error for day in self.days)


def sheets(data: CardData, language: str) -> Sheets:
    """Step 1 guess cards (one per school), step 2 and 3 sheets (one per school), the 9 ethics cards, and the
    answer key with the meals served, the forecast, "same as last week" and the kilos."""
    scenario = data.scenario
    learned, later = split_weeks(canteen_history(scenario))
    model = fit_forecast(learned, PAPER_FEATURES)
    with_temperature = fit_forecast(learned, FEATURES)
    menus = {menu.id: menu.label.get(language, menu.id) for menu in scenario.canteen.menus}
    kg_per_meal = scenario.canteen.kg_per_meal
    schools = [_school(place, name=name, learned=learned, later=later, model=model,
                       with_temperature=with_temperature, scenario=scenario, menus=menus, language=language)
               for name, place in school_options(scenario)]
    values = {"schools": schools, "menus": menus, "reference_menu": menus[model.reference_menu],
              "kg": decimal(kg_per_meal, 2, language), "ethics": TEMPTING_DATA}
    cards = render("cards/cantine.cards.html.j2", language=language, **values)
    errors = forecast_errors(model, learned, later, kg_per_meal)
    answers = render("cards/cantine.answers.html.j2", language=language, **values,
                     kg_of=lambda meals: decimal(meals * kg_per_meal, 1, language),
                     comparison=Markup(describe_comparison(errors, kg_per_meal, language=language)))
    return Sheets(cards=cards, answers=answers)


def _school(place: str, *, name: str, learned: pd.DataFrame, later: pd.DataFrame, model: AdditiveForecast,
            with_temperature: AdditiveForecast, scenario: Scenario, menus: dict[str, str], language: str) -> _School:
    """One school's cards: the screen's guess day (the first day after the weeks learned) and the next ones."""
    days = later[later["school_place_id"] == place].sort_values("date", kind="stable").head(DAYS)
    enrolled = int(days["enrolled"].iloc[0])
    forecasts, last_weeks = model.predict(days), last_week_forecast(learned, days)
    return _School(
        name=name, enrolled=enrolled,
        # The screen's own words for the guess day (menu names escaped there, hence Markup).
        clues=Markup(day_clues(days.iloc[0], scenario, language)),
        base_meals=model.base_in_meals(place, enrolled),
        effects=[(effect_label(feature, level, menus, language), meals)
                 for (feature, level), meals in model.effects_in_meals(enrolled).items()],
        meals_per_degree=with_temperature.effects_in_meals(enrolled)[("temp_c", "temp_c")],
        days=[_Day(clues=_day_clues(day, menus, language), served=int(day["meals_served"]), forecast=int(forecast),
                   last_week=int(last_week))
              for (_, day), forecast, last_week in zip(days.iterrows(), forecasts, last_weeks, strict=True)])


def _day_clues(day: pd.Series, menus: dict[str, str], language: str) -> str:
    """A day of steps 2 and 3 in words (the screen's `day_clues` says "tomorrow", true only of the guess day)."""
    weather = text("cantine.rain" if day["rain"] else "cantine.dry", language,
                   temp=decimal(float(day["temp_c"]), 0, language))
    clues = text("cards.cantine.day", language, day=day_with_weekday(day["date"], language), menu=menus[day["menu"]],
                 weather=weather)
    return f"{clues} {text('cantine.strike_day', language)}" if day["strike"] else clues
