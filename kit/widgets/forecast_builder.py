"""Step 2 of workshop 5: the teen ticks what the forecast may use (weekday, menu, rain, temperature, strikes),
fits it with a button, and reads every effect in meals for one school, then the forecast against the meals
really served over the four weeks it had not seen.

Fitting happens only when the teen asks, once per choice of features; the model is small enough to be read
whole (`kit.analysis.canteen_forecast`).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.canteen_forecast import (
    FEATURES,
    AdditiveForecast,
    fit_forecast,
    school_options,
)
from kit.analysis.canteen_words import effect_label
from kit.i18n import text
from kit.i18n.formats import day_and_month
from kit.scenario.model import Scenario
from kit.widgets.plain_figure import as_widget

__all__ = ["ForecastBuilder", "forecast_chart"]

_SERVED_COLOUR, _FORECAST_COLOUR = "#0072B2", "#D55E00"


class ForecastBuilder(widgets.VBox):
    """Feature boxes, a school list and a "forecast" button; `model` is None until the teen presses it."""

    def __init__(self, learned: pd.DataFrame, later: pd.DataFrame, scenario: Scenario, *, language: str,
                 on_fit: Callable[[], None]) -> None:
        self._learned, self._later, self._scenario, self._on_fit = learned, later, scenario, on_fit
        self._language = language
        self.boxes = {feature: widgets.Checkbox(value=feature == "weekday", indent=False) for feature in FEATURES}
        self.school = widgets.Dropdown(options=school_options(scenario))
        self.fit = widgets.Button(button_style="primary")
        self.effects = widgets.HTML()
        self.chart = widgets.VBox()
        self.chart_text = widgets.HTML()
        #: The fitted model and its chart (None until the teen presses the button).
        self.model: AdditiveForecast | None = None
        self.figure: go.Figure | None = None
        self._fitted: dict[tuple[str, ...], AdditiveForecast] = {}
        self.fit.on_click(lambda _: self.forecast())
        self.school.observe(lambda _: self._show_model(), names="value")
        super().__init__([*self.boxes.values(), self.fit, self.school, self.effects, self.chart, self.chart_text])
        self.relabel(language)

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(feature for feature, box in self.boxes.items() if box.value)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self._language = language
        for feature, box in self.boxes.items():
            box.description = text(f"cantine.feature.{feature}", language)
        self.school.description = text("cantine.school", language)
        self.fit.description = text("cantine.build.fit", language)
        self._show_model()

    def forecast(self) -> None:
        """What the button does: fit on the weeks learned with the ticked features, show it, tell the page."""
        features = self.features
        if features not in self._fitted:
            self._fitted[features] = fit_forecast(self._learned, features)
        self.model = self._fitted[features]
        self._show_model()
        self._on_fit()

    def _show_model(self) -> None:
        if self.model is None:
            return
        days = self._later[self._later["school_place_id"] == self.school.value]
        enrolled = int(days["enrolled"].iloc[0])
        self.effects.value = _effects_html(self.model, self.school.value, enrolled, self._scenario, self._language)
        self.figure = forecast_chart(days, self.model.predict(days), language=self._language)
        self.chart.children = [as_widget(self.figure)]
        self.chart_text.value = f"<p>{_describe(days, self.model.predict(days), self._language)}</p>"


def forecast_chart(days: pd.DataFrame, forecast: np.ndarray, *, language: str = "fr") -> go.Figure:
    """Meals served and forecast, day by day, over the weeks the model had not seen (one school)."""
    dates = [day_and_month(day, language) for day in days["date"]]
    figure = go.Figure([
        go.Scatter(x=dates, y=days["meals_served"], name=text("cantine.chart.served", language), mode="lines+markers",
                   line={"color": _SERVED_COLOUR}, marker={"symbol": "circle"}),
        go.Scatter(x=dates, y=forecast, name=text("cantine.chart.forecast", language), mode="lines+markers",
                   line={"color": _FORECAST_COLOUR, "dash": "dash"}, marker={"symbol": "diamond"}),
    ])
    figure.update_layout(title=text("cantine.chart.title", language),
                         yaxis={"title": text("cantine.chart.axis", language), "rangemode": "tozero"},
                         xaxis={"type": "category", "nticks": 6}, height=400)
    return figure


def _describe(days: pd.DataFrame, forecast: np.ndarray, language: str) -> str:
    """The chart in words: the mean gap and the worst day."""
    gaps = np.abs(forecast - days["meals_served"].to_numpy())
    worst = int(np.argmax(gaps))
    return text("cantine.chart.text", language, days=len(days), gap=round(float(gaps.mean())),
                worst=int(gaps[worst]), date=day_and_month(days["date"].iloc[worst], language))


def _effects_html(model: AdditiveForecast, school: str, enrolled: int, scenario: Scenario, language: str) -> str:
    """The model in meals for one school: its starting point, then one line per effect."""
    menus = {menu.id: menu.label.get(language, menu.id) for menu in scenario.canteen.menus}
    lines = [text("cantine.effect.base", language, meals=model.base_in_meals(school, enrolled),
                  menu=menus[model.reference_menu])]
    for (feature, level), meals in model.effects_in_meals(enrolled).items():
        key = "cantine.effect.per_degree" if feature == "temp_c" else "cantine.effect.line"
        lines.append(text(key, language, label=effect_label(feature, level, menus, language), meals=f"{meals:+d}"))
    return (f"<p>{text('cantine.effect.title', language, enrolled=enrolled)}</p><ul>"
            + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
