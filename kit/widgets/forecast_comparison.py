"""Step 3 of workshop 5: the teen's forecast against two naive ones (last week's count, the kitchen's rule of
thumb), 1 to 4 weeks ahead, in meals and in kilos of food cooked for nothing or missing.

Kilos make the error concrete: they are meals × the scenario's `kg_per_meal`, an estimate whose source is
given next to it in the scenario file.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kit.analysis.canteen_forecast import (
    AdditiveForecast,
    compare_forecasts,
    last_week_forecast,
)
from kit.i18n import text
from kit.i18n.formats import decimal

__all__ = ["FORECASTS", "comparison_chart", "describe_comparison", "forecast_errors"]

#: The forecasts compared, with their colour and bar pattern (Okabe–Ito; patterns for printing in grey).
FORECASTS = (("model", "#D55E00", ""), ("naive", "#0072B2", "/"), ("kitchen", "#009E73", "."))


def forecast_errors(model: AdditiveForecast, learned: pd.DataFrame, later: pd.DataFrame,
                    kg_per_meal: float) -> pd.DataFrame:
    """`compare_forecasts` for the teen's model, last week's count and the kitchen's rule of thumb."""
    return compare_forecasts(later, {"model": model.predict(later), "naive": last_week_forecast(learned, later),
                                     "kitchen": later["meals_prepared"].to_numpy()}, kg_per_meal)


def comparison_chart(errors: pd.DataFrame, *, language: str = "fr") -> go.Figure:
    """Grouped bars: the mean error in meals per school and day, per horizon, for each forecast."""
    figure = go.Figure([go.Bar(x=[text("cantine.compare.horizon", language, weeks=weeks) for weeks in rows["horizon"]],
                               y=rows["error_meals"].round(), name=text(f"cantine.forecast.{name}", language),
                               marker={"color": colour, "pattern": {"shape": pattern}},
                               text=rows["error_meals"].round().astype(int), textposition="auto")
                        for name, colour, pattern in FORECASTS
                        for rows in [errors[errors["forecast"] == name]]])
    figure.update_layout(barmode="group", title={"text": text("cantine.compare.title", language),
                                                 "font": {"size": 16}, "x": 0.02},
                         yaxis={"title": text("cantine.compare.axis", language), "rangemode": "tozero"},
                         legend={"orientation": "h", "y": -0.2}, font={"size": 14}, height=420,
                         margin={"l": 10, "r": 10, "t": 50})
    return figure


def describe_comparison(errors: pd.DataFrame, kg_per_meal: float, *, language: str = "fr") -> str:
    """The chart in words, horizon by horizon, then the kilos over the four weeks for each forecast."""
    table = errors.set_index(["forecast", "horizon"])
    horizons = sorted(errors["horizon"].unique())
    lines = [text("cantine.compare.row", language, count=weeks, **{
        name: round(float(table.loc[(name, weeks), "error_meals"])) for name, _, _ in FORECASTS})
        for weeks in horizons]
    means = errors.groupby("forecast")[["wasted_kg", "missing_kg"]].mean()
    lines += [text("cantine.compare.kg", language, forecast=text(f"cantine.forecast.{name}", language),
                   wasted=decimal(float(means.loc[name, "wasted_kg"]), 1, language),
                   missing=decimal(float(means.loc[name, "missing_kg"]), 1, language))
              for name, _, _ in FORECASTS]
    lines.append(text("cantine.compare.kg_source", language, kg=decimal(kg_per_meal, 2, language)))
    return "".join(f"<p>{line}</p>" for line in lines)
