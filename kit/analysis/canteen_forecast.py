"""Forecasting meals at the school canteens (workshop 5): a simple additive model and the naive baselines it
must beat, on weeks it has not seen.

The model is the one teens can rebuild by hand: each school's usual share of pupils who eat, plus one effect
per weekday, per menu, for rain, per degree and for strike days, fitted by least squares on the share of pupils
(so one effect fits every school) and read back in meals for a school (effect × pupils enrolled). It only uses
counts per school and day: no child's name, health or family income.

A month is too short to learn on some weeks and check 1 to 4 weeks ahead, so the workshop looks at a longer
run of the same scenario (`canteen_history`): it learns on the first weeks and forecasts the last four. The
menu plan, the weather and strike days are taken as known for the day forecast (menus are planned weeks
ahead; a weather forecast a month ahead is not, which the guide discusses).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from kit.engine.canteen import canteen_attendance
from kit.engine.clock import WEEKDAYS
from kit.engine.random import Stream, domain_rng
from kit.scenario.model import Scenario

__all__ = ["COMPARED", "FEATURES", "HORIZONS", "TEMPTING_DATA", "TRAIN_WEEKS", "AdditiveForecast", "canteen_history",
           "compare_forecasts", "fit_forecast", "forecast_errors", "last_week_forecast", "school_options",
           "split_weeks"]

#: What the model may use, in the order the workshop offers them. Temperature is a decoy: it looks useful
#: and does not change attendance (see `kit.engine.canteen`).
FEATURES = ("weekday", "menu", "rain", "temp_c", "strike")
#: Weeks learned from, then weeks forecast (1 to 4 weeks ahead).
TRAIN_WEEKS = 6
HORIZONS = (1, 2, 3, 4)
#: The forecasts step 3 compares, in its order: the teen's model, last week's count, the kitchen's rule of thumb.
COMPARED = ("model", "naive", "kitchen")
#: Data a city could be tempted to collect to forecast meals, and whether a forecast needs it (the "why" is in
#: the catalog, `cantine.card.<id>.why`): counts per school and day are enough, which is the charter's sobriety.
TEMPTING_DATA = (("meals_per_day", True), ("menu", True), ("weather", True), ("strikes", True), ("names", False),
                 ("health", False), ("income", False), ("photo", False), ("friends", False))


def canteen_history(scenario: Scenario, *, weeks: int = TRAIN_WEEKS + len(HORIZONS)) -> pd.DataFrame:
    """`weeks` weeks of canteen days from the scenario's start (open days only), drawn from the canteen's own
    random stream, with a `week` column (0 = the first week)."""
    period = dataclasses.replace(scenario.meta.period, days=7 * weeks)
    longer = dataclasses.replace(scenario, meta=dataclasses.replace(scenario.meta, period=period))
    table = canteen_attendance(longer, domain_rng(scenario.meta.seed, Stream.CANTEEN))
    table = table[table["open"]].reset_index(drop=True)
    return table.assign(week=(table["date"] - pd.Timestamp(period.start)).dt.days // 7)


def school_options(scenario: Scenario) -> list[tuple[str, str]]:
    """(name, place id) of each school with a canteen, sorted by place id as the canteen table is."""
    return [(scenario.place(school.place).name, school.place)
            for school in sorted(scenario.canteen.schools, key=lambda school: school.place)]


def split_weeks(history: pd.DataFrame, train_weeks: int = TRAIN_WEEKS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The weeks learned from, and the later weeks with `horizon` (1 = the week right after)."""
    learned = history[history["week"] < train_weeks]
    later = history[history["week"] >= train_weeks]
    return learned, later.assign(horizon=later["week"] - train_weeks + 1)


@dataclasses.dataclass(frozen=True)
class AdditiveForecast:
    """A fitted model: each school's usual share (`base`, on a Monday with the most common menu, dry, not on
    strike, and at 0 °C if the temperature is used) and each effect as a change in the share of pupils who
    eat (per degree for the temperature)."""

    features: tuple[str, ...]
    base: dict[str, float]
    effects: dict[tuple[str, str], float]
    reference_menu: str

    def predict(self, days: pd.DataFrame) -> np.ndarray:
        """Meals forecast for each row (a school and a day), whole meals, between 0 and the pupils enrolled."""
        share = days["school_place_id"].map(self.base).to_numpy(dtype=float)
        for (feature, level), effect in self.effects.items():
            share = share + effect * _column(days, feature, level)
        enrolled = days["enrolled"].to_numpy()
        return np.clip(np.round(share * enrolled), 0, enrolled).astype(np.int64)

    def base_in_meals(self, school: str, enrolled: int) -> int:
        """The starting point in meals: what a school of `enrolled` pupils serves on a reference day."""
        return round(self.base[school] * enrolled)

    def effects_in_meals(self, enrolled: int) -> dict[tuple[str, str], int]:
        """Each effect in meals for a school of `enrolled` pupils (per degree for the temperature)."""
        return {key: round(effect * enrolled) for key, effect in self.effects.items()}


def fit_forecast(learned: pd.DataFrame, features: tuple[str, ...] = FEATURES) -> AdditiveForecast:
    """Least squares on the share of pupils who eat: one base per school plus the chosen features' effects."""
    unknown = set(features) - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown features {sorted(unknown)}; expected some of {FEATURES}")
    ordered = tuple(feature for feature in FEATURES if feature in features)
    schools = sorted(learned["school_place_id"].unique())
    reference_menu = learned["menu"].mode().iloc[0]
    keys = [(feature, level) for feature in ordered for level in _levels(learned, feature, reference_menu)]
    columns = [(learned["school_place_id"] == school).to_numpy(dtype=float) for school in schools]
    columns += [_column(learned, feature, level) for feature, level in keys]
    share = (learned["meals_served"] / learned["enrolled"]).to_numpy()
    # A level never seen while learning (no strike in the weeks learned) gets no effect: min-norm least squares.
    coefficients = np.linalg.lstsq(np.column_stack(columns), share, rcond=None)[0]
    return AdditiveForecast(features=ordered, base=dict(zip(schools, coefficients[:len(schools)].tolist())),
                            effects=dict(zip(keys, coefficients[len(schools):].tolist())),
                            reference_menu=reference_menu)


def last_week_forecast(learned: pd.DataFrame, later: pd.DataFrame) -> np.ndarray:
    """The naive forecast: the meals of the same school on the same weekday, the last time it was open in the
    weeks learned from (the most recent count known when forecasting)."""
    last = learned.sort_values("date").groupby(["school_place_id", "weekday"])["meals_served"].last()
    keys = pd.MultiIndex.from_frame(later[["school_place_id", "weekday"]])
    return last.reindex(keys).to_numpy(dtype=np.int64)


def compare_forecasts(later: pd.DataFrame, forecasts: dict[str, np.ndarray], kg_per_meal: float) -> pd.DataFrame:
    """Per forecast and horizon: the mean error in meals per school and day, and the food cooked for nothing
    (`wasted_kg`) or missing (`missing_kg`) per school and day if the kitchen cooked what was forecast."""
    served = later["meals_served"].to_numpy()
    rows = []
    for name, forecast in forecasts.items():
        gap = pd.DataFrame({"horizon": later["horizon"].to_numpy(), "over": np.clip(forecast - served, 0, None),
                            "under": np.clip(served - forecast, 0, None)})
        means = gap.groupby("horizon")[["over", "under"]].mean()
        rows.append(pd.DataFrame({"forecast": name, "horizon": means.index,
                                  "error_meals": (means["over"] + means["under"]).to_numpy(),
                                  "wasted_kg": means["over"].to_numpy() * kg_per_meal,
                                  "missing_kg": means["under"].to_numpy() * kg_per_meal}))
    return pd.concat(rows, ignore_index=True)


def forecast_errors(model: AdditiveForecast, learned: pd.DataFrame, later: pd.DataFrame,
                    kg_per_meal: float) -> pd.DataFrame:
    """`compare_forecasts` for the `COMPARED` forecasts: the teen's model, last week's count and the kitchen's
    rule of thumb (the meals it prepared)."""
    return compare_forecasts(later, {"model": model.predict(later), "naive": last_week_forecast(learned, later),
                                     "kitchen": later["meals_prepared"].to_numpy()}, kg_per_meal)


def _levels(learned: pd.DataFrame, feature: str, reference_menu: str) -> list[str]:
    """The levels that get an effect: all but the reference (Monday, the most common menu); one for the rest."""
    if feature == "weekday":
        return [day for day in WEEKDAYS[1:5] if day in set(learned["weekday"])]
    if feature == "menu":
        return sorted(set(learned["menu"]) - {reference_menu})
    return [feature]


def _column(days: pd.DataFrame, feature: str, level: str) -> np.ndarray:
    """One column of the design: 1 where the day has this level (the degrees for the temperature)."""
    if feature in ("weekday", "menu"):
        return (days[feature] == level).to_numpy(dtype=float)
    return days[feature].to_numpy(dtype=float)
