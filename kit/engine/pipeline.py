"""From a scenario and a seed to every table of the data package.

Providers (one module per data domain, like Faker's) are called in the order their inputs need:
people → stays → app sessions → consent → trackers → location pings → profiles → auctions, and the
independent crowd and canteen. Each gets its own random stream, so the tables of one domain do not
change when another domain's settings do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd

from kit.engine import (
    apps,
    auctions,
    canteen,
    consent,
    crowd,
    mobility,
    people,
    profiling,
    reference,
)
from kit.engine.package import table_names
from kit.engine.random import Stream, domain_rng
from kit.errors import KitError, Problem
from kit.scenario.model import Scenario

__all__ = ["PERSONAL_TABLES", "class_trails", "generate", "personal_seed", "personal_trail"]

#: The tables that describe one teen (not the city's crowd, places, apps, trackers and canteens).
PERSONAL_TABLES = ("personas", "location_pings", "app_sessions", "tracker_requests", "consent_events",
                   "profiles", "ad_auctions")

Progress = Callable[[str], None]


def generate(scenario: Scenario, *, seed: int | None = None, teens: int | None = None,
             crowd_size: int | None = None, progress: Progress = lambda message: None) -> dict[str, pd.DataFrame]:
    """Every table of the data package, keyed by table name, in the data package's order."""
    seed = scenario.meta.seed if seed is None else seed
    progress("personas")
    class_ = people.personas(scenario, domain_rng(seed, Stream.PEOPLE), count=teens)
    tables = _trail_tables(scenario, class_, seed, progress)
    tables["places"] = reference.places_table(scenario)
    tables["apps"] = reference.apps_table(scenario)
    tables["trackers"] = reference.trackers_table(scenario)
    progress("crowd_pings")
    tables["crowd_pings"] = crowd.crowd_pings(scenario, domain_rng(seed, Stream.CROWD), residents=crowd_size)
    progress("canteen_attendance")
    tables["canteen_attendance"] = canteen.canteen_attendance(scenario, domain_rng(seed, Stream.CANTEEN))
    return {name: tables[name] for name in table_names()}


def class_trails(scenario: Scenario, *, seed: int | None = None, teens: int | None = None,
                 tables: tuple[str, ...] = PERSONAL_TABLES) -> dict[str, pd.DataFrame]:
    """The class's trails alone (the personal tables of `generate`, the same rows): what a workshop page
    compares a teen with, without the city's crowd and canteens. Only `tables` and what they are made
    from are computed: the class's consent answers take 0.2 s and 10 MB, all its tables 1 s and 50 MB.
    """
    seed = scenario.meta.seed if seed is None else seed
    class_ = people.personas(scenario, domain_rng(seed, Stream.PEOPLE), count=teens)
    computed = _trail_tables(scenario, class_, seed, lambda message: None, wanted=tables)
    return {name: computed[name] for name in tables}


def personal_trail(scenario: Scenario, *, pseudonym: str, habits: tuple[str, ...] | None = None,
                   age: int | None = None, seed: int | None = None) -> dict[str, pd.DataFrame]:
    """One teen's own trail: the same for the same pseudonym, habits and age, never stored anywhere.

    The pseudonym only seeds the random streams (normalised, so "Léa" and " léa " are the same teen);
    it is shown back to the teen but not written to disk. The double has a phone, as the teen making it
    does: its apps, banners and trackers are there to explore (the class keeps the scenario's share).
    """
    personal = personal_seed(scenario, pseudonym, seed=seed)
    persona = people.personas(scenario, domain_rng(personal, Stream.PEOPLE), count=1, holding_phones=True)
    persona["person_id"] = "moi"
    persona["pseudonym"] = pseudonym.strip()
    if habits is not None:
        _check_habits(scenario, habits)
        persona["habits"] = "|".join(sorted(habits))
    if age is not None:
        persona["age"] = age
    tables = _trail_tables(scenario, persona, personal, lambda message: None)
    return {name: tables[name] for name in PERSONAL_TABLES}


def personal_seed(scenario: Scenario, pseudonym: str, *, seed: int | None = None) -> int:
    """The seed of a teen's own trail: from the scenario's seed and the pseudonym, normalised (so "Léa"
    and " léa " are the same teen). Pages that replay the teen's month with other habits draw from it too."""
    seed = scenario.meta.seed if seed is None else seed
    key = pseudonym.strip().casefold()
    return int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:8], "big")


def _check_habits(scenario: Scenario, habits: tuple[str, ...]) -> None:
    known = [habit.id for habit in scenario.teens.habits]
    unknown = [habit for habit in habits if habit not in known]
    if unknown:
        raise KitError(Problem(None, None, "habits", f"des habitudes du scénario / habits of the scenario: "
                                                     f"{', '.join(known)}", found=", ".join(unknown),
                               hint="choisis dans la liste / pick from the list"))


#: What each personal table is made from (besides the personas and their stays): skipping a table
#: changes no other, since each domain draws from its own random stream.
_MADE_FROM = {"personas": (), "app_sessions": (), "location_pings": ("app_sessions",),
              "consent_events": ("app_sessions",), "tracker_requests": ("consent_events",),
              "profiles": ("app_sessions",), "ad_auctions": ("profiles", "consent_events")}


def _trail_tables(scenario: Scenario, personas: pd.DataFrame, seed: int, progress: Progress,
                  wanted: tuple[str, ...] = PERSONAL_TABLES) -> dict[str, pd.DataFrame]:
    needed = set()
    pending = list(wanted)
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            pending.extend(_MADE_FROM[name])
    tables = {"personas": personas}
    progress("stays")
    stays = mobility.stays(scenario, personas, domain_rng(seed, Stream.MOBILITY))
    progress("app_sessions")
    tables["app_sessions"] = apps.app_sessions(scenario, personas, stays, domain_rng(seed, Stream.APPS))
    if "consent_events" in needed:
        progress("consent_events")
        tables["consent_events"] = consent.consent_events(scenario, personas, tables["app_sessions"],
                                                          domain_rng(seed, Stream.CONSENT))
    if "tracker_requests" in needed:
        progress("tracker_requests")
        tables["tracker_requests"] = apps.tracker_requests(scenario, tables["app_sessions"],
                                                           tables["consent_events"], domain_rng(seed, Stream.TRACKERS))
    if "location_pings" in needed:
        progress("location_pings")
        tables["location_pings"] = mobility.location_pings(scenario, personas, stays, tables["app_sessions"],
                                                           domain_rng(seed, Stream.LOCATIONS))
    if "profiles" in needed:
        progress("profiles")
        tables["profiles"] = profiling.profiles(scenario, personas, tables["app_sessions"], stays,
                                                domain_rng(seed, Stream.PROFILING))
    if "ad_auctions" in needed:
        progress("ad_auctions")
        tables["ad_auctions"] = auctions.ad_auctions(scenario, tables["app_sessions"], tables["profiles"],
                                                     tables["consent_events"], domain_rng(seed, Stream.AUCTIONS))
    return tables
