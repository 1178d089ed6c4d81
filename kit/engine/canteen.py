"""The school canteens: meals served per school and day, with the features that drive them.

This is what the city's public-service AI forecasts to cut food waste, and it is counted in aggregate
only: no child's name, health or family income is needed to count meals (data minimisation is part of
the lesson). The model is additive so that teens can rebuild a forecast by hand, and the kitchen's own
rule of thumb is in the table so that they can see how much a better forecast would save.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import WEEKDAYS, day_kinds
from kit.scenario.model import Menu, Scenario, Weather

__all__ = ["canteen_attendance"]

#: Kitchens cook a little more than the usual count, so that no pupil goes without lunch.
_COOKING_MARGIN = 1.05


def canteen_attendance(scenario: Scenario, rng: np.random.Generator) -> pd.DataFrame:
    """Meals served per day and school over the study period, with what made them go up or down.

    One row per (date, school), sorted by date then `school_place_id`. A canteen is open on school days
    (not weekends, public or school holidays) and serves no meal otherwise. On an open day, each school's
    share of pupils who eat is

        rate = base_rate + weekday_effect[weekday] + menu.effect
               + weather.rain_effect (if it rains) + strike_effect (if it is a strike day)
               + Normal(0, noise_sd),  clipped to [0, 1]

    and `meals_served ~ Binomial(enrolled, rate)`. The weather and the menu are drawn once a day for the
    whole city, as one forecast and one menu plan cover every school; only the noise differs between
    schools. The menu is drawn by the menus' weights. Temperature does not change attendance: it is in
    the table so that teens meet a feature that looks useful and is not.

    `meals_prepared` is the kitchen's rule of thumb: the school's usual count for that weekday,
    enrolled × (base_rate + weekday effect), plus a 5 % margin and never more than the pupils enrolled.
    It knows that Wednesdays are quiet but not the menu, the rain or the strikes, which therefore show
    up in `waste_kg` = max(prepared − served, 0) × kg_per_meal.
    """
    canteen = scenario.canteen
    days = day_kinds(scenario.meta.period, canteen.strike_days)
    is_open = days["school_day"].to_numpy()
    strike = days["strike"].to_numpy()
    weekday = days["weekday"].to_numpy()
    temp_c, rain = _daily_weather(canteen.weather, len(days), rng)
    menu = _daily_menus(canteen.menus, len(days), rng)

    weekday_effect = np.array([canteen.weekday_effect.get(name, 0.0) for name in WEEKDAYS])[weekday]
    day_effect = (weekday_effect + np.array([item.effect for item in canteen.menus])[menu]
                  + np.where(rain, canteen.weather.rain_effect, 0.0)
                  + np.where(strike, canteen.strike_effect, 0.0))

    # Grids are days × schools, schools sorted by place id, so that raveling them gives the table's order.
    schools = sorted(canteen.schools, key=lambda school: school.place)
    enrolled = np.array([school.enrolled for school in schools], dtype=np.int64)
    base_rate = np.array([school.base_rate for school in schools])
    noise = rng.normal(0.0, canteen.noise_sd, (len(days), len(schools)))
    rate = np.clip(base_rate + day_effect[:, None] + noise, 0.0, 1.0)
    served = rng.binomial(enrolled, np.where(is_open[:, None], rate, 0.0))
    usual = np.clip(base_rate + weekday_effect[:, None], 0.0, 1.0)
    prepared = np.minimum(np.round(enrolled * usual * _COOKING_MARGIN).astype(np.int64), enrolled)
    prepared = np.where(is_open[:, None], prepared, 0)
    waste_kg = (np.clip(prepared - served, 0, None) * canteen.kg_per_meal).round(1)

    menu_ids = np.array([item.id for item in canteen.menus], dtype=object)
    per_day = {
        "weekday": np.array(WEEKDAYS, dtype=object)[weekday],
        "open": is_open,
        "menu": np.where(is_open, menu_ids[menu], ""),
        "temp_c": temp_c,
        "rain": rain,
        "strike": strike,
    }
    count = len(schools)
    return pd.DataFrame({
        "date": np.repeat(days["date"].to_numpy(), count),
        "school_place_id": np.tile(np.array([school.place for school in schools], dtype=object), len(days)),
        "meals_served": served.ravel(),
        "enrolled": np.tile(enrolled, len(days)),
        **{name: np.repeat(values, count) for name, values in per_day.items()},
        "meals_prepared": prepared.ravel(),
        "waste_kg": waste_kg.ravel(),
    })


def _daily_weather(weather: Weather, days: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each day's temperature (°C, one decimal, as a forecast gives it) and whether it rains."""
    temp_c = rng.normal(weather.temp_mean_c, weather.temp_sd_c, days).round(1)
    rain = rng.random(days) < weather.rain_probability
    return temp_c, rain


def _daily_menus(menus: tuple[Menu, ...], days: int, rng: np.random.Generator) -> np.ndarray:
    """Index into `menus` of each day's menu, drawn as often as the menus' weights say."""
    weights = np.array([menu.weight for menu in menus], dtype=float)
    return rng.choice(len(menus), size=days, p=weights / weights.sum())
