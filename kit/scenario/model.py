"""The typed scenario model: what an educator may write in `scenario.yaml`, and nothing else.

The dataclasses below *are* the scenario format. The loader reads field names, types and defaults from
them, so adding a field here is all it takes to accept it in the YAML (and to reject typos next to it).
City knowledge never lives here: only the shape of it. Field docstrings (the `#:` comments) are what an
educator sees in error messages, so they say what a value means, in plain words.

This module imports nothing heavier than the standard library: it must load inside the browser
(Pyodide) before numpy or pandas are there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

__all__ = [
    "AcceptanceModel",
    "App",
    "Auctions",
    "Banner",
    "Bidder",
    "Bounds",
    "Canteen",
    "CanteenSchool",
    "City",
    "Consent",
    "Crowd",
    "Habit",
    "Menu",
    "Meta",
    "Period",
    "Place",
    "PlaceKind",
    "Profiling",
    "Range",
    "Scenario",
    "SchoolDay",
    "Segment",
    "Teens",
    "Text",
    "Tracker",
    "Weather",
    "Weekday",
]

#: A text shown to people, one entry per language code of `meta.languages` ({fr: …, en: …}).
Text = dict[str, str]

PlaceKind = Literal[
    "neighbourhood",
    "school",
    "youth_centre",
    "transit_stop",
    "shop",
    "sports",
    "library",
    "park",
    "culture",
    "food",
    "work_area",
]

def bounded(minimum: float | None = None, maximum: float | None = None, **options: object) -> object:
    """A dataclass field whose value the loader keeps within [minimum, maximum]."""
    return field(metadata={"min": minimum, "max": maximum}, **options)  # type: ignore[call-overload]


def probability(**options: object) -> object:
    return bounded(0.0, 1.0, **options)


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True, slots=True)
class Bounds:
    """The city's bounding box: every place must lie inside it."""

    south: float = bounded(-90, 90)
    north: float = bounded(-90, 90)
    west: float = bounded(-180, 180)
    east: float = bounded(-180, 180)

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True, slots=True)
class City:
    name: str
    bounds: Bounds


@dataclass(frozen=True, slots=True)
class Period:
    """The study period: consecutive days, with the days schools are closed."""

    start: date
    days: int = bounded(1, 366)
    public_holidays: tuple[date, ...] = ()
    school_holidays: tuple[date, ...] = ()

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=offset) for offset in range(self.days))

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)


@dataclass(frozen=True, slots=True)
class Meta:
    id: str
    title: Text
    locale: str
    languages: tuple[str, ...]
    seed: int
    city: City
    period: Period
    #: Countries whose data-protection law covers the teens (the EU and EEA for the GDPR in Nantes): the app
    #: label counts the trackers that send data anywhere else. Names as `trackers:` writes countries.
    protected_countries: tuple[str, ...]
    #: The currency of the scenario's amounts (the ad auctions' prices), as an ISO 4217 code: EUR, CAD.
    #: Pages write amounts in it, as people write them in the country of `locale`.
    currency: str = "EUR"


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    #: How far around the point people spread (homes in a neighbourhood, a park's size).
    radius_m: float = bounded(0, 10_000, default=150.0)
    #: Relative share of homes (neighbourhoods) or of visits (other kinds).
    weight: float = bounded(0, 1_000_000, default=1.0)


@dataclass(frozen=True, slots=True)
class Range:
    min: float
    max: float


@dataclass(frozen=True, slots=True)
class Habit:
    """A habit profile a teen may have: it changes where they go and which apps they open."""

    id: str
    label: Text
    #: Probability that a teen of the class has this habit.
    share: float = probability()
    #: Visits per week after school, by kind of place.
    visits_per_week: dict[PlaceKind, float] = field(default_factory=dict)
    #: Multiplies how often a teen with this habit opens each app (1 = unchanged).
    app_use: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SchoolDay:
    """Timetable as "HH:MM" strings; Wednesday afternoons are free in French collèges."""

    start: str = "08:00"
    end: str = "16:30"
    short_days: tuple[Weekday, ...] = ("wednesday",)
    short_day_end: str = "12:00"
    lunch: str = "12:15"


@dataclass(frozen=True, slots=True)
class Teens:
    """The workshop's class: synthetic teens whose data trails the workshops explore."""

    count: int = bounded(1, 10_000)
    ages: Range
    #: First names given to children born in the teens' birth years (the comment above the list says
    #: where it comes from): each nickname of the class is one of them and two digits.
    first_names: tuple[str, ...]
    #: Share of teens with a smartphone (Crédoc 2021: 92% of 12–17-year-olds own a phone).
    phone_share: float = probability()
    habits_per_teen: Range
    habits: tuple[Habit, ...]
    school_day: SchoolDay = field(default_factory=SchoolDay)
    #: Fraction of an app's `users_share` among teens younger than its `min_age` (terms of use are
    #: not a barrier: Génération Numérique 2021, 54% of 11-year-olds already have a social account).
    underage_use: float = probability(default=0.5)


@dataclass(frozen=True, slots=True)
class Crowd:
    """The city's residents, seen as a phone operator sees them: which antenna, which hour."""

    residents: int = bounded(1, 1_000_000)
    #: Side of the square cells that stand for mobile antennas, in metres.
    cell_size_m: float = bounded(50, 10_000)
    #: Average number of times a day a resident's phone shows up on the network.
    pings_per_day: float = bounded(0.1, 1_000)
    #: Share of residents who go to a fixed daytime place (work, studies) on weekdays.
    commuter_share: float = probability()
    #: Where the daytime places of commuters are, by kind of place (relative weights).
    anchor_kinds: dict[PlaceKind, float]
    #: Share of a resident's waking pings spent at one of their few favourite places.
    routine_share: float = probability(default=0.8)


@dataclass(frozen=True, slots=True)
class Tracker:
    """A company's code embedded in apps, which sends data out of the phone."""

    id: str
    company: str
    category: Literal["analytics", "ads", "social", "crash"]
    #: Keys of `data_fields` this tracker sends.
    fields: tuple[str, ...]
    country: str
    #: Requests sent per minute of app use.
    requests_per_minute: float = bounded(0, 100, default=0.5)


@dataclass(frozen=True, slots=True)
class App:
    id: str
    name: str
    #: The company that publishes the app: whom a teen writes to for their data (the right of access).
    company: str
    category: Literal[
        "social", "messaging", "music", "games", "video", "transit", "canteen", "school", "sport",
        "weather", "shopping",
    ]
    #: Probability that a teen (of at least `min_age`) has the app.
    users_share: float = probability()
    sessions_per_day: float = bounded(0, 200)
    session_minutes: float = bounded(0.1, 600)
    permissions: tuple[Literal["location", "background_location", "camera", "microphone", "contacts",
                               "photos", "bluetooth", "notifications"], ...]
    trackers: tuple[str, ...]
    #: Id of the consent banner shown at first use, or empty if the app asks nothing.
    banner: str = ""
    min_age: int = bounded(0, 99, default=0)
    #: How the app is used: on the phone, or as a card tapped at a reader.
    usage: Literal["phone", "transit_card", "canteen_badge"] = "phone"


@dataclass(frozen=True, slots=True)
class Banner:
    """A cookie/consent banner design. Dark patterns are described by these switches."""

    id: str
    label: Text
    text: Text
    #: Where the "reject" choice is: on the first screen, hidden in the settings, or nowhere.
    reject: Literal["first_layer", "settings", "none"]
    pre_ticked: bool
    granular_first_layer: bool
    #: Number of partner companies in the vendor list.
    vendors: int = bounded(0, 10_000)


@dataclass(frozen=True, slots=True)
class AcceptanceModel:
    """Probability that a teen clicks "accept all": a baseline plus effects, in percentage points."""

    fair_accept_pct: float = bounded(0, 100)
    reject_in_settings_pp: float
    reject_absent_pp: float
    pre_ticked_pp: float
    granular_first_layer_pp: float
    #: Spread of teens' own tendency to accept (standard deviation, percentage points).
    person_sd_pp: float = bounded(0, 50)
    #: Share of trackers that still send data after a refusal (banners that do not respect it).
    leak_after_refusal: float = probability()


@dataclass(frozen=True, slots=True)
class Consent:
    banners: tuple[Banner, ...]
    acceptance: AcceptanceModel


@dataclass(frozen=True, slots=True)
class Segment:
    """An advertising segment and the behaviours a profiler takes as evidence for it."""

    id: str
    label: Text
    kind: Literal["interest", "age", "mood", "budget"]
    #: Evidence from minutes spent in apps (weight per app id).
    apps: dict[str, float] = field(default_factory=dict)
    #: Evidence from visits to kinds of places (weight per kind).
    places: dict[PlaceKind, float] = field(default_factory=dict)
    #: Evidence from using the phone at night (22:00–06:00, `kit.engine.clock.NIGHT_HOURS`).
    night_use: float = 0.0
    #: What is actually true when the segment is right: a habit id, or an age range.
    truth_habit: str = ""
    truth_ages: Range | None = None


@dataclass(frozen=True, slots=True)
class Profiling:
    segments: tuple[Segment, ...]
    #: Score above which a profiler puts someone in a segment.
    threshold: float = probability()
    #: Probability that a segment is flipped at random (profilers are often wrong).
    noise: float = probability()


@dataclass(frozen=True, slots=True)
class Bidder:
    id: str
    company: str
    #: Price offered per thousand ads (CPM, in `meta.currency`) when nothing is known about the viewer.
    base_cpm_eur: float = bounded(0, 1_000)
    #: Price per thousand ads for viewers in these segments.
    segment_cpm_eur: dict[str, float]


@dataclass(frozen=True, slots=True)
class Auctions:
    ads_per_minute: float = bounded(0, 60)
    floor_cpm_eur: float = bounded(0, 1_000)
    latency_ms: Range
    bidders: tuple[Bidder, ...]


@dataclass(frozen=True, slots=True)
class CanteenSchool:
    place: str
    enrolled: int = bounded(1, 10_000)
    #: Share of enrolled pupils who usually eat at the canteen.
    base_rate: float = probability()


@dataclass(frozen=True, slots=True)
class Menu:
    id: str
    label: Text
    #: Change in attendance rate when this menu is served (e.g. -0.03 = 3 points fewer).
    effect: float
    weight: float = bounded(0, 1_000_000, default=1.0)


@dataclass(frozen=True, slots=True)
class Weather:
    temp_mean_c: float
    temp_sd_c: float = bounded(0, 30)
    rain_probability: float = probability()
    #: Change in attendance rate on rainy days (pupils stay in rather than go home).
    rain_effect: float


@dataclass(frozen=True, slots=True)
class Canteen:
    schools: tuple[CanteenSchool, ...]
    weekday_effect: dict[Weekday, float]
    menus: tuple[Menu, ...]
    weather: Weather
    strike_days: tuple[date, ...]
    #: Change in attendance rate on strike days.
    strike_effect: float
    noise_sd: float = bounded(0, 1)
    #: Food prepared per meal, in kilos, to turn forecast errors into food waste.
    kg_per_meal: float = bounded(0, 5)


@dataclass(frozen=True, slots=True)
class Scenario:
    """A whole scenario. `source` is the file it was read from (for messages), not part of the YAML."""

    meta: Meta
    data_fields: dict[str, Text]
    places: tuple[Place, ...]
    teens: Teens
    crowd: Crowd
    trackers: tuple[Tracker, ...]
    apps: tuple[App, ...]
    consent: Consent
    profiling: Profiling
    auctions: Auctions
    canteen: Canteen
    #: The kit's messages this city says its own way (message key → one text per language): a Québec
    #: cafeteria instead of a French canteen, its own data charter, its data-protection authority.
    texts: dict[str, Text] = field(default_factory=dict)

    def places_of_kind(self, *kinds: str) -> tuple[Place, ...]:
        return tuple(place for place in self.places if place.kind in kinds)

    def place(self, place_id: str) -> Place:
        return next(place for place in self.places if place.id == place_id)
