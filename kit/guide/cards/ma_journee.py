"""Paper cards for workshop 1, "Ma journée en données": a made-up teen's day, the companies behind the apps,
and the city's map, from the same generated class as the screens.

Each pair gets one persona sheet: that teen's first full school day, hour by hour (where the phone was, the
apps opened, the positions each app recorded, the requests sent to trackers), so the pair counts the day's
data (step 1), links apps to the tracker cards (step 2), places the night and school-hour positions on the
map (step 3) and crosses out one app's positions (step 4). The answer key gives what the screen would say for
the same teen: the day in words (`describe_day`), the chattiest app of the month (`requests_per_day`), and
the home and school the kit infers from the month's pings (`kit.analysis.home`), next to the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from kit.analysis.day_events import describe_day
from kit.analysis.home import infer_places, nearest_place
from kit.analysis.place_groups import GROUP_OF_KIND
from kit.analysis.trackers import exodus_class, requests_per_day
from kit.engine.clock import NIGHT_HOURS, WEEKDAYS, day_kinds
from kit.guide.cards import CardData, Sheets
from kit.guide.pages import render
from kit.i18n.formats import day_with_weekday
from kit.scenario.model import Scenario

__all__ = ["PERSONAS", "card_day", "persona_trail", "pick_personas", "sheets"]

#: Persona sheets: one per pair of a 16-teen group, and four spare (a pair that finishes early, a lost sheet).
PERSONAS = 12
#: The kit's night (22:00–06:00, `kit.engine.clock.NIGHT_HOURS`), marked ☾ on the sheets.
_NIGHT_START, _NIGHT_END = NIGHT_HOURS
#: Rows of a persona sheet: the small hours in one row (the phone sleeps where the teen sleeps, and a
#: busy teen's sheet must fit one page), then hour by hour.
_ROWS = ((0, _NIGHT_END), *((hour, hour + 1) for hour in range(_NIGHT_END, 24)))
#: The personal tables a persona's trail is cut from (as `kit.trail` gives them for one teen).
_PERSONAL = ("personas", "location_pings", "app_sessions", "tracker_requests", "consent_events", "ad_auctions",
             "profiles")
#: The map's drawing box, in SVG units (1 unit = 1 mm on the printed page).
_MAP_WIDTH, _MAP_HEIGHT, _MAP_MARGIN = 180.0, 150.0, 12.0
#: Exodus Privacy's classes with the shapes the screen writes before an app's name (`kit.widgets.trackers`).
_EXODUS_MARKER = {"green": "●", "yellow": "▲", "red": "■"}
#: Marker shape written in the legend and on the map, so the map reads in black and white.
_GROUP_MARKER = {"neighbourhood": "○", "school": "■", "transit_stop": "◆", "outing": "▲", "work_area": "□"}


@dataclass(frozen=True)
class _Hour:
    """One row of a persona sheet: the hours [start, end)."""

    start: int
    end: int
    night: bool
    places: list[str]
    sessions: list[tuple[str, int]]
    positions: list[tuple[str, int]]
    requests: list[tuple[str, int]]


@dataclass(frozen=True)
class _Persona:
    pseudonym: str
    age: int
    apps: list[str]
    hours: list[_Hour]
    #: Answer key: the screen's sentence for the day, the chattiest app of the month, the kit's guesses.
    day_summary: str
    chattiest: str
    chattiest_per_day: int
    true_home: str
    true_school: str
    kit_home: str
    kit_home_share: int
    kit_school: str
    kit_school_share: int


@dataclass(frozen=True)
class _Tracker:
    company: str
    country: str
    category: str
    apps: list[str]
    per_day: int
    fields: list[str]


@dataclass(frozen=True)
class _MapPlace:
    name: str
    group: str
    marker: str
    #: What the map writes next to the marker (0 for neighbourhoods, which carry their name).
    number: int
    x: float
    y: float


def pick_personas(data: CardData, count: int = PERSONAS) -> pd.DataFrame:
    """`count` teens of the class who have a phone (a teen without one leaves nothing to count on paper),
    drawn with the scenario's seed and listed by id: the same data always gives the same sheets."""
    personas = data.tables["personas"]
    with_phone = personas[personas["has_phone"]].sort_values("person_id", kind="stable")
    rng = np.random.default_rng(data.scenario.meta.seed)
    chosen = rng.choice(len(with_phone), size=min(count, len(with_phone)), replace=False)
    return with_phone.iloc[np.sort(chosen)].reset_index(drop=True)


def persona_trail(tables: dict[str, pd.DataFrame], person_id: str) -> dict[str, pd.DataFrame]:
    """One teen's rows of the class's personal tables: the trail the screen's functions take."""
    return {name: tables[name][tables[name]["person_id"] == person_id].reset_index(drop=True)
            for name in _PERSONAL}


def card_day(scenario: Scenario) -> date:
    """The day on the persona sheets: the first full school day (no short day), so that the night, the
    lessons and the evening are all on the card."""
    days = day_kinds(scenario.meta.period)
    short = [WEEKDAYS.index(name) for name in scenario.teens.school_day.short_days]
    full = days[days["school_day"] & ~days["weekday"].isin(short)]
    return full["date"].iloc[0].date()


def sheets(data: CardData, language: str) -> Sheets:
    """Persona sheets (one per pair, plus spares), tracker cards (one per company), the city map, and the
    answer key with the true and inferred home and school of each persona."""
    scenario = data.scenario
    day = card_day(scenario)
    personas = [_persona(row, data, day, language) for _, row in pick_personas(data).iterrows()]
    values = {"personas": personas, "trackers": _trackers(data, language), "day": day_with_weekday(day, language),
              "exodus": [(app.name, len(app.trackers), exodus_class(len(app.trackers))) for app in scenario.apps],
              "map": _map(scenario), "groups": _GROUP_MARKER, "city": scenario.meta.city.name,
              "markers": _EXODUS_MARKER, "width": _MAP_WIDTH, "height": _MAP_HEIGHT}
    return Sheets(cards=render("cards/ma_journee.cards.html.j2", language=language, **values),
                  answers=render("cards/ma_journee.answers.html.j2", language=language, **values))


def _persona(row: pd.Series, data: CardData, day: date, language: str) -> _Persona:
    scenario = data.scenario
    names = {app.id: app.name for app in scenario.apps}
    place_names = {place.id: place.name for place in scenario.places}
    trail = persona_trail(data.tables, row["person_id"])
    on_day = {name: trail[name][trail[name]["timestamp"].dt.date == day]
              for name in ("app_sessions", "location_pings", "tracker_requests")}
    hours = []
    for start, end in _ROWS:
        at = {name: events[events["timestamp"].dt.hour.between(start, end - 1)] for name, events in on_day.items()}
        hours.append(_Hour(
            start=start, end=end, night=start < _NIGHT_END or start >= _NIGHT_START,
            places=list(dict.fromkeys(place_names[place] for place in at["location_pings"]["place_id"])),
            sessions=_counts(at["app_sessions"]["app"], names),
            positions=_counts(at["location_pings"]["source_app"], names),
            requests=_counts(at["tracker_requests"]["app"], names)))
    inferred = infer_places(trail["location_pings"]).set_index("kind")
    home, school = inferred.loc["home"], inferred.loc["school"]
    chattiest = requests_per_day(trail).iloc[0]
    return _Persona(
        pseudonym=row["pseudonym"], age=int(row["age"]), apps=[names[app] for app in row["apps"].split("|")],
        hours=hours,
        day_summary=describe_day(trail, scenario, day, language=language),
        chattiest=names[chattiest["app"]], chattiest_per_day=round(chattiest["requests_per_day"]),
        true_home=place_names[row["home_place_id"]], true_school=place_names[row["school_place_id"]],
        kit_home=nearest_place(scenario, home["lat"], home["lon"]).name if home["pings"] else "—",
        kit_home_share=round(100 * home["share"]),
        kit_school=(nearest_place(scenario, school["lat"], school["lon"], kinds=("school",)).name
                    if school["pings"] else "—"),
        kit_school_share=round(100 * school["share"]))


def _counts(apps: pd.Series, names: dict[str, str]) -> list[tuple[str, int]]:
    """How many events each app produced, biggest first, then by name (a stable order for the print)."""
    counts = apps.map(names).value_counts()
    return sorted(((name, int(count)) for name, count in counts.items()), key=lambda item: (-item[1], item[0]))


def _trackers(data: CardData, language: str) -> list[_Tracker]:
    """One card per company: the apps that embed it (as Exodus Privacy counts them) and, over the whole class,
    how many requests it gets a day from one teen with a phone."""
    scenario = data.scenario
    requests = data.tables["tracker_requests"]["tracker"].value_counts()
    phones = int(data.tables["personas"]["has_phone"].sum())
    days = scenario.meta.period.days
    cards = []
    for tracker in scenario.trackers:
        apps = [app for app in scenario.apps if tracker.id in app.trackers]
        cards.append(_Tracker(
            company=tracker.company, country=tracker.country, category=tracker.category,
            apps=[f"{app.name} ({len(app.trackers)})" for app in apps],
            per_day=round(int(requests.get(tracker.id, 0)) / max(phones, 1) / days),
            fields=[scenario.data_fields[field].get(language, field) for field in tracker.fields]))
    return cards


def _map(scenario: Scenario) -> list[_MapPlace]:
    """The places in millimetres on the sheet, north up, framed on the places themselves (the city's bounds
    would leave them crowded in the middle); east–west squeezed by cos(latitude) like the screen's map, so
    that a kilometre is as long across as up. Places but neighbourhoods carry a number, listed by kind."""
    lats = np.array([place.lat for place in scenario.places])
    lons = np.array([place.lon for place in scenario.places])
    squeeze = np.cos(np.radians(lats.mean()))
    span_x, span_y = (lons.max() - lons.min()) * squeeze, lats.max() - lats.min()
    scale = min((_MAP_WIDTH - 2 * _MAP_MARGIN) / span_x, (_MAP_HEIGHT - 2 * _MAP_MARGIN) / span_y)
    places, number = [], 0
    for place in scenario.places:
        group = GROUP_OF_KIND[place.kind]
        if group != "neighbourhood":
            number += 1
        places.append(_MapPlace(name=place.name, group=group, marker=_GROUP_MARKER[group],
                                number=0 if group == "neighbourhood" else number,
                                x=round(_MAP_MARGIN + (place.lon - lons.min()) * squeeze * scale, 1),
                                y=round(_MAP_MARGIN + (lats.max() - place.lat) * scale, 1)))
    return places



