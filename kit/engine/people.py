"""The class: synthetic teens with a pseudonym, an age, a home, a school, habits and apps.

Nothing here is a real person. Pseudonyms are a first name of the teens' generation (the scenario's
`teens.first_names`) and two digits; every number is drawn from the scenario's shares with the domain's
generator.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from kit.engine.places import distance_m, scatter
from kit.scenario.model import Scenario

__all__ = ["habit_multipliers", "memberships", "personas"]

#: Teens mostly attend the school nearest to home (French school catchment areas, "carte scolaire").
_NEAREST_SCHOOL_SHARE = 0.8


def personas(scenario: Scenario, rng: np.random.Generator, *, count: int | None = None,
             holding_phones: bool = False) -> pd.DataFrame:
    """`count` teens (the scenario's class size by default), ids "t01", "t02", …

    A class has the scenario's `phone_share` of phones. `holding_phones` gives every teen one: a teen's
    own double is made on the phone in their hand. Its draw is made all the same, so every other column
    is what the seed gives either way.
    """
    teens = scenario.teens
    count = teens.count if count is None else count
    ages = rng.integers(int(teens.ages.min), int(teens.ages.max) + 1, count)
    home_lat, home_lon, home_ids = _homes(scenario, rng, count)
    school_ids = _schools(scenario, rng, home_lat, home_lon)
    habits = _habits(scenario, rng, count)
    has_phone = (rng.random(count) < teens.phone_share) | holding_phones
    school_rate = {school.place: school.base_rate for school in scenario.canteen.schools}
    canteen = rng.random(count) < np.array([school_rate.get(school, 0.0) for school in school_ids])
    width = len(str(count))
    return pd.DataFrame({
        "person_id": [f"t{index:0{max(width, 2)}d}" for index in range(1, count + 1)],
        "pseudonym": _pseudonyms(scenario, rng, count),
        "age": ages,
        "home_place_id": home_ids,
        "school_place_id": school_ids,
        "home_lat": np.round(home_lat, 5),
        "home_lon": np.round(home_lon, 5),
        "habits": habits,
        "has_phone": has_phone,
        "apps": _apps(scenario, rng, ages, habits, has_phone, canteen),
        "canteen": canteen,
    })


def _pseudonyms(scenario: Scenario, rng: np.random.Generator, count: int) -> list[str]:
    """Unique nicknames as teens make them: a first name of their generation + two digits, no surname.

    The names are the scenario's cohort list, typed as on a phone (`_plain`: spellings such as Inès and
    Ines make one name). The first draw once seeded Faker's pool of names: it is still made, so that the
    apps drawn next from `rng` stay what every seed gave before the names came from the scenario.
    """
    rng.integers(2**31)
    pool = sorted({_plain(name) for name in scenario.teens.first_names})
    names = [f"{pool[pick]}{number:02d}" for pick, number in
             zip(rng.choice(len(pool), size=count), rng.integers(0, 100, count))]
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return unique


def _plain(name: str) -> str:
    """"Anaïs-Léa" -> "anaislea": nicknames are typed on phones, without accents or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if char.isalnum() and not unicodedata.combining(char))


def _homes(scenario: Scenario, rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    areas = scenario.places_of_kind("neighbourhood")
    weights = np.array([area.weight for area in areas], dtype=float)
    picks = rng.choice(len(areas), size=count, p=weights / weights.sum())
    lat, lon = scatter(rng, np.array([areas[i].lat for i in picks]), np.array([areas[i].lon for i in picks]),
                       np.array([areas[i].radius_m for i in picks]), scenario)
    return lat, lon, np.array([areas[i].id for i in picks], dtype=object)


def _schools(scenario: Scenario, rng: np.random.Generator, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    schools = scenario.places_of_kind("school")
    school_lat = np.array([school.lat for school in schools])
    school_lon = np.array([school.lon for school in schools])
    nearest = distance_m(lat[:, None], lon[:, None], school_lat[None, :], school_lon[None, :]).argmin(axis=1)
    other = rng.integers(0, len(schools), lat.size)
    chosen = np.where(rng.random(lat.size) < _NEAREST_SCHOOL_SHARE, nearest, other)
    return np.array([schools[i].id for i in chosen], dtype=object)


def _habits(scenario: Scenario, rng: np.random.Generator, count: int) -> list[str]:
    """Each teen gets between min and max habits, likelier ones first (ranked by draw / share)."""
    habits = scenario.teens.habits
    shares = np.array([habit.share for habit in habits], dtype=float)
    draws = rng.random((count, len(habits)))
    wanted = np.clip((draws < shares).sum(axis=1), int(scenario.teens.habits_per_teen.min),
                     int(scenario.teens.habits_per_teen.max))
    order = np.argsort(draws / np.maximum(shares, 1e-9), axis=1, kind="stable")
    return ["|".join(sorted(habits[i].id for i in order[row, :wanted[row]])) for row in range(count)]


def _apps(scenario: Scenario, rng: np.random.Generator, ages: np.ndarray, habits: list[str],
          has_phone: np.ndarray, canteen: np.ndarray) -> list[str]:
    """Which apps each teen has: the app's share, boosted by habits, lowered under the app's minimum age.

    A canteen badge is what every teen who eats at the canteen carries; phone apps need a phone.
    """
    boosts = habit_multipliers(scenario, pd.Series(habits, dtype=object))
    installed = []
    for column, app in enumerate(scenario.apps):
        share = 1 - (1 - app.users_share) ** boosts[:, column]
        share = np.where(ages < app.min_age, share * scenario.teens.underage_use, share)
        has_app = rng.random(ages.size) < share
        if app.usage == "phone":
            has_app &= has_phone
        elif app.usage == "canteen_badge":
            has_app = canteen
        installed.append(np.where(has_app, app.id, ""))
    return ["|".join(app for app in row if app) for row in zip(*installed)]


def habit_multipliers(scenario: Scenario, habits: pd.Series) -> np.ndarray:
    """(teens × apps): the product of the `app_use` multipliers of each teen's habits (1 without any).

    One rule for the whole engine: habits make a teen both likelier to have an app and to open it more.
    """
    member = memberships(habits, [habit.id for habit in scenario.teens.habits])
    log_use = np.log([[habit.app_use.get(app.id, 1.0) for app in scenario.apps] for habit in scenario.teens.habits])
    return np.exp(member @ log_use.reshape(len(scenario.teens.habits), len(scenario.apps)))


def memberships(joined: pd.Series, ids: list[str]) -> np.ndarray:
    """(rows × ids) booleans: which ids each "a|b|c" cell lists."""
    listed = joined.str.get_dummies(sep="|")
    return listed.reindex(columns=ids, fill_value=0).to_numpy(dtype=bool)
