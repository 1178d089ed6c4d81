"""Workshop 5's days, effects and forecasts in a teen's words, on the screen and on the paper sheets: what the
kitchen knows about a day, an effect's name, and the forecasts compared (`kit.analysis.canteen_forecast`).

Kilos make the error concrete: they are meals × the scenario's `kg_per_meal`, an estimate whose source is
given next to it in the scenario file.
"""

from __future__ import annotations

import html

import pandas as pd

from kit.analysis.canteen_forecast import COMPARED
from kit.engine.clock import WEEKDAYS
from kit.i18n import text
from kit.i18n.formats import day_with_weekday, decimal, weekday_name
from kit.scenario.model import Scenario

__all__ = ["day_clues", "describe_comparison", "effect_label"]


def day_clues(day: pd.Series, scenario: Scenario, language: str) -> str:
    """A canteen day in words: weekday, menu, weather, strike."""
    menu = next(menu.label.get(language, menu.id) for menu in scenario.canteen.menus if menu.id == day["menu"])
    weather = text("cantine.rain" if day["rain"] else "cantine.dry", language,
                   temp=decimal(float(day["temp_c"]), 0, language))
    strike = f" {text('cantine.strike_day', language)}" if day["strike"] else ""
    return text("cantine.day", language, day=day_with_weekday(day["date"], language), menu=html.escape(menu),
                weather=weather) + strike


def effect_label(feature: str, level: str, menus: dict[str, str], language: str) -> str:
    """An effect's name for a teen ("Mercredi", "Poisson", "Pluie"), on screen and on the paper sheet."""
    if feature == "weekday":
        return weekday_name(WEEKDAYS.index(level), language)
    return menus[level] if feature == "menu" else text(f"cantine.feature.{feature}", language)


def describe_comparison(errors: pd.DataFrame, kg_per_meal: float, *, language: str = "fr") -> str:
    """The comparison in words (`forecast_errors`), horizon by horizon, then the kilos over the four weeks for
    each forecast."""
    table = errors.set_index(["forecast", "horizon"])
    horizons = sorted(errors["horizon"].unique())
    lines = [text("cantine.compare.row", language, count=weeks, **{
        name: round(float(table.loc[(name, weeks), "error_meals"])) for name in COMPARED})
        for weeks in horizons]
    means = errors.groupby("forecast")[["wasted_kg", "missing_kg"]].mean()
    lines += [text("cantine.compare.kg", language, forecast=text(f"cantine.forecast.{name}", language),
                   wasted=decimal(float(means.loc[name, "wasted_kg"]), 1, language),
                   missing=decimal(float(means.loc[name, "missing_kg"]), 1, language))
              for name in COMPARED]
    lines.append(text("cantine.compare.kg_source", language, kg=decimal(kg_per_meal, 2, language)))
    return "".join(f"<p>{line}</p>" for line in lines)
