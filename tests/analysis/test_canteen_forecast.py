"""The canteen forecast of workshop 5: it learns on the first weeks and beats the naive baselines on the
four weeks it has not seen, and each effect it reads is the one the scenario put in."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.analysis.canteen_forecast import (
    FEATURES,
    HORIZONS,
    TRAIN_WEEKS,
    canteen_history,
    compare_forecasts,
    fit_forecast,
    last_week_forecast,
    split_weeks,
)
from kit.scenario.model import Scenario


@pytest.fixture(scope="module")
def weeks(nantes: Scenario) -> tuple[pd.DataFrame, pd.DataFrame]:
    return split_weeks(canteen_history(nantes))


def test_history_is_deterministic_and_starts_with_the_month_teens_see(nantes: Scenario) -> None:
    history = canteen_history(nantes)
    assert history.equals(canteen_history(nantes))
    assert history["open"].all()
    assert history["week"].min() == 0 and history["week"].max() == TRAIN_WEEKS + len(HORIZONS) - 1
    assert history["date"].min() == pd.Timestamp(nantes.meta.period.start)


def test_later_weeks_are_one_to_four_weeks_after_the_weeks_learned(weeks) -> None:
    learned, later = weeks
    assert learned["date"].max() < later["date"].min()
    assert sorted(later["horizon"].unique()) == list(HORIZONS)


@pytest.mark.parametrize("horizon", HORIZONS)
def test_the_model_beats_last_weeks_count_on_held_out_weeks(nantes: Scenario, weeks, horizon: int) -> None:
    learned, later = weeks
    forecasts = {"model": fit_forecast(learned).predict(later), "naive": last_week_forecast(learned, later)}
    errors = compare_forecasts(later, forecasts, nantes.canteen.kg_per_meal).set_index(["forecast", "horizon"])
    model, naive = errors.loc[("model", horizon)], errors.loc[("naive", horizon)]
    assert model["error_meals"] < 0.7 * naive["error_meals"]
    assert model["wasted_kg"] + model["missing_kg"] < naive["wasted_kg"] + naive["missing_kg"]


def test_the_model_beats_the_kitchens_rule_of_thumb_over_the_four_weeks(nantes: Scenario, weeks) -> None:
    learned, later = weeks
    forecasts = {"model": fit_forecast(learned).predict(later), "kitchen": later["meals_prepared"].to_numpy()}
    errors = compare_forecasts(later, forecasts, nantes.canteen.kg_per_meal).groupby("forecast").mean()
    assert errors.loc["model", "error_meals"] < errors.loc["kitchen", "error_meals"]
    assert errors.loc["model", "wasted_kg"] < errors.loc["kitchen", "wasted_kg"]


def test_effects_are_the_scenarios_and_temperature_does_nothing(nantes: Scenario, weeks) -> None:
    model = fit_forecast(weeks[0])
    canteen = nantes.canteen
    assert model.effects[("weekday", "wednesday")] == pytest.approx(canteen.weekday_effect["wednesday"], abs=0.02)
    assert model.effects[("rain", "rain")] == pytest.approx(canteen.weather.rain_effect, abs=0.015)
    assert model.effects[("strike", "strike")] == pytest.approx(canteen.strike_effect, abs=0.05)
    fish = next(menu.effect for menu in canteen.menus if menu.id == "poisson")
    assert model.effects[("menu", "poisson")] == pytest.approx(fish, abs=0.02)
    assert abs(model.effects_in_meals(600)[("temp_c", "temp_c")]) <= 1
    assert model.effects_in_meals(600)[("weekday", "wednesday")] < -300


def test_fewer_features_forecast_worse_and_an_unknown_one_is_refused(weeks) -> None:
    learned, later = weeks
    served = later["meals_served"].to_numpy()
    error = {features: np.abs(fit_forecast(learned, features).predict(later) - served).mean()
             for features in [(), ("weekday",), FEATURES]}
    assert error[FEATURES] < error[("weekday",)] < error[()]
    with pytest.raises(ValueError, match="unknown features"):
        fit_forecast(learned, ("family_income",))


def test_forecasts_stay_whole_meals_between_zero_and_the_pupils_enrolled(weeks) -> None:
    learned, later = weeks
    forecast = fit_forecast(learned).predict(later)
    assert forecast.dtype == np.int64
    assert ((forecast >= 0) & (forecast <= later["enrolled"].to_numpy())).all()
