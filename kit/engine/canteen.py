"""The school canteens: meals served per school and day, with the features that drive them.

This is what the city's public-service AI forecasts to cut food waste, in aggregate only: no child's
name, health or family income is needed to count meals (sobriety, protection). The model is
additive so that teens can build a forecast by hand: on an open day,
    rate = base_rate + weekday effect + menu effect + rain effect (if rain) + strike effect (if strike)
           + noise (normal, sd noise_sd), clipped to [0, 1];
    meals_served ~ Binomial(enrolled, rate).
Weekends, public and school holidays are closed days (no meals). Kitchens cook by a fixed rule of
thumb, the school's usual rate for that weekday plus a 5 % margin, so strikes and unpopular menus
show up as food thrown away.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import WEEKDAYS, day_kinds
from kit.scenario.model import Scenario

__all__ = ["canteen_attendance"]

#: Kitchens cook a little more than the usual count, to be safe.
_COOKING_MARGIN = 1.05


def canteen_attendance(scenario: Scenario, rng: np.random.Generator) -> pd.DataFrame:
    """One row per day and school over the study period (see the module docstring)."""
    canteen = scenario.canteen
    days = day_kinds(scenario.meta.period, canteen.strike_days)
    is_open = days["school_day"].to_numpy()
    weekday = np.array([WEEKDAYS[index] for index in days["weekday"]], dtype=object)
    weekday_effect = np.array([canteen.weekday_effect.get(name, 0.0) for name in weekday])

    # The same weather and menu for the whole city on a given day.
    temp_c = rng.normal(canteen.weather.temp_mean_c, canteen.weather.temp_sd_c, len(days)).round(1)
    rain = rng.random(len(days)) < canteen.weather.rain_probability
    menu_weights = np.array([menu.weight for menu in canteen.menus], dtype=float)
    menu_index = rng.choice(len(canteen.menus), size=len(days), p=menu_weights / menu_weights.sum())
    menu_effect = np.array([menu.effect for menu in canteen.menus])[menu_index]
    strike = days["strike"].to_numpy()
    day_effect = (weekday_effect + menu_effect + np.where(rain, canteen.weather.rain_effect, 0.0)
                  + np.where(strike, canteen.strike_effect, 0.0))

    schools = canteen.schools
    enrolled = np.array([school.enrolled for school in schools])
    base_rate = np.array([school.base_rate for school in schools])
    noise = rng.normal(0.0, canteen.noise_sd, (len(days), len(schools)))
    rate = np.clip(base_rate[None, :] + day_effect[:, None] + noise, 0.0, 1.0)
    served = np.where(is_open[:, None], rng.binomial(enrolled[None, :], rate), 0)
    usual = np.clip(base_rate[None, :] + weekday_effect[:, None], 0.0, 1.0)
    prepared = np.where(is_open[:, None], np.round(enrolled[None, :] * usual * _COOKING_MARGIN), 0).astype(int)
    waste_kg = (np.clip(prepared - served, 0, None) * canteen.kg_per_meal).round(1)

    count = len(schools)
    return pd.DataFrame({
        "date": np.repeat(days["date"].to_numpy(), count),
        "school_place_id": np.tile([school.place for school in schools], len(days)),
        "meals_served": served.ravel().astype(int),
        "enrolled": np.tile(enrolled, len(days)),
        "weekday": np.repeat(weekday, count),
        "open": np.repeat(is_open, count),
        "menu": np.repeat(np.where(is_open, np.array([menu.id for menu in canteen.menus])[menu_index], ""), count),
        "temp_c": np.repeat(temp_c, count),
        "rain": np.repeat(rain, count),
        "strike": np.repeat(strike, count),
        "meals_prepared": prepared.ravel(),
        "waste_kg": waste_kg.ravel(),
    })
