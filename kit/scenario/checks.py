"""Cross-checks a typed scenario: what types alone cannot say (ids, references, places in the city).

Each check names the field path; the converter's line table turns it into a line of the file.
"""

from __future__ import annotations

import dataclasses
import math
import re
import typing
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from kit.scenario.model import Range, Scenario, Text

__all__ = ["check_scenario"]

Report = Callable[..., None]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_LOCALE = re.compile(r"^[a-z]{2}(_[A-Z]{2})?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
#: Letters, joined by a hyphen, an apostrophe or a space: Léa, Lily-Rose, N'Golo, Marie Lou.
_FIRST_NAME = re.compile(r"^[^\W\d_]+(?:[-' ][^\W\d_]+)*$")


def check_scenario(scenario: Scenario, report: Report) -> None:
    """Call `report(path, expected, hint=…, found=…)` for every problem found."""
    _check_meta(scenario, report)
    _check_texts(scenario, "", report, scenario.meta.languages)
    _check_ranges(scenario, "", report)
    _check_limits(scenario, report)
    for name in ("places", "trackers", "apps"):
        _check_ids(getattr(scenario, name), name, report)
    _check_ids(scenario.teens.habits, "teens.habits", report)
    _check_first_names(scenario.teens.first_names, report)
    _check_ids(scenario.consent.banners, "consent.banners", report)
    _check_ids(scenario.profiling.segments, "profiling.segments", report)
    _check_ids(scenario.auctions.bidders, "auctions.bidders", report)
    _check_ids(scenario.canteen.menus, "canteen.menus", report)
    _check_places(scenario, report)
    _check_references(scenario, report)
    _check_calendar(scenario, report)


def _check_meta(scenario: Scenario, report: Report) -> None:
    meta = scenario.meta
    if not _ID.match(meta.id):
        report("meta.id", "un identifiant en minuscules, chiffres et _ / an id in lowercase, digits and _",
               found=repr(meta.id), hint="par exemple « nantes » / e.g. `nantes`")
    if not _LOCALE.match(meta.locale):
        report("meta.locale", "une locale comme fr_FR ou en_CA / a locale such as fr_FR or en_CA",
               found=repr(meta.locale), hint="langue en minuscules, _, pays en majuscules "
                                             "/ language lowercase, _, country uppercase")
    if not _CURRENCY.match(meta.currency):
        report("meta.currency", "un code de monnaie ISO 4217 comme EUR ou CAD / an ISO 4217 currency code such as "
               "EUR or CAD", found=repr(meta.currency), hint="trois lettres majuscules / three capital letters")
    if not meta.languages:
        report("meta.languages", "au moins une langue / at least one language", hint="[fr, en]")
    for index, language in enumerate(meta.languages):
        if not re.match(r"^[a-z]{2}(-[A-Z]{2})?$", language):
            report(f"meta.languages[{index}]", "un code de langue comme fr, en, fr-CA / a language code",
                   found=repr(language), hint="deux lettres en minuscules : [fr, en] / two lowercase letters")
    bounds = meta.city.bounds
    if not (bounds.south < bounds.north and bounds.west < bounds.east):
        report("meta.city.bounds", "south < north et west < east / south < north and west < east",
               found=f"{bounds}", hint="latitudes : sud < nord ; longitudes : ouest < est")
    school_day = scenario.teens.school_day
    for name in ("start", "end", "short_day_end", "lunch"):
        if not _TIME.match(getattr(school_day, name)):
            report(f"teens.school_day.{name}", "une heure HH:MM / a time HH:MM",
                   found=repr(getattr(school_day, name)), hint="par exemple \"08:30\", entre guillemets")


def _check_texts(node: Any, path: str, report: Report, languages: tuple[str, ...]) -> None:
    """Every `Text` must exist in every language of the scenario, and not be empty or double-spaced."""
    if dataclasses.is_dataclass(node):
        hints = typing.get_type_hints(type(node))
        for spec in dataclasses.fields(node):
            value = getattr(node, spec.name)
            child = f"{path}.{spec.name}" if path else spec.name
            if hints[spec.name] == Text:
                _check_text(value, child, report, languages)
            else:
                _check_texts(value, child, report, languages)
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            _check_texts(item, f"{path}[{index}]", report, languages)
    elif isinstance(node, dict) and path == "data_fields":
        for key, text in node.items():
            _check_text(text, f"{path}.{key}", report, languages)


def _check_text(text: Text, path: str, report: Report, languages: tuple[str, ...]) -> None:
    for language in languages:
        value = text.get(language, "")
        if not value.strip():
            report(f"{path}.{language}" if language in text else path,
                   f"un texte en « {language} » / a text in `{language}`",
                   hint=f"ajoute « {language}: \"…\" » / add `{language}: \"…\"`")
        elif "  " in value or value != value.strip():
            report(f"{path}.{language}", "un texte sans espaces en double ni en bord / a text without "
                                         "double or trailing spaces", found=repr(value),
                   hint="supprime les espaces en trop / remove the extra spaces")


def _check_ranges(node: Any, path: str, report: Report) -> None:
    if isinstance(node, Range):
        if node.min > node.max:
            report(path, "min ≤ max", found=f"min {node.min}, max {node.max}",
                   hint="échange les deux valeurs / swap the two values")
    elif dataclasses.is_dataclass(node):
        for spec in dataclasses.fields(node):
            _check_ranges(getattr(node, spec.name), f"{path}.{spec.name}" if path else spec.name, report)
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            _check_ranges(item, f"{path}[{index}]", report)


#: Antenna cells the crowd's grid may have (Nantes has 240): beyond, the city box is a region, not a city.
_MAX_CELLS = 250_000
_METRES_PER_DEGREE = 111_320.0


def _check_limits(scenario: Scenario, report: Report) -> None:
    """Values the types accept but the engine cannot draw from: ages, latencies, a city as big as a country."""
    limits = [("teens.ages", scenario.teens.ages, 0, 99), ("teens.habits_per_teen", scenario.teens.habits_per_teen,
              0, 1_000), ("auctions.latency_ms", scenario.auctions.latency_ms, 0, 60_000)]
    for path, span, low, high in limits:
        for name in ("min", "max"):
            if not low <= getattr(span, name) <= high:
                report(f"{path}.{name}", f"un nombre entre {low} et {high} / a number between {low} and {high}",
                       found=str(getattr(span, name)), hint="corrige la valeur / correct the value")
    bounds, cell_m = scenario.meta.city.bounds, scenario.crowd.cell_size_m
    middle = math.radians((bounds.south + bounds.north) / 2)
    rows = (bounds.north - bounds.south) * _METRES_PER_DEGREE / cell_m
    cols = (bounds.east - bounds.west) * _METRES_PER_DEGREE * math.cos(middle) / cell_m
    if rows * cols > _MAX_CELLS:
        report("crowd.cell_size_m", f"au plus {_MAX_CELLS:,} antennes dans la ville / at most {_MAX_CELLS:,} "
                                    f"antenna cells in the city", found=f"{rows * cols:,.0f}",
               hint="agrandis cell_size_m ou resserre meta.city.bounds autour de la ville / raise cell_size_m "
                    "or draw meta.city.bounds closer around the city")


def _check_ids(items: Iterable[Any], path: str, report: Report) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not _ID.match(item.id):
            report(f"{path}[{index}].id", "un identifiant en minuscules, chiffres et _ / an id in "
                                          "lowercase letters, digits and _", found=repr(item.id),
                   hint="par exemple « college_nord » / e.g. `college_nord`")
        if item.id in seen:
            report(f"{path}[{index}].id", "des identifiants tous différents / unique ids",
                   found=f"« {item.id} » déjà utilisé en {path}[{seen[item.id]}] / already used",
                   hint="renomme l'un des deux / rename one of them")
        seen.setdefault(item.id, index)


def _check_first_names(names: tuple[str, ...], report: Report) -> None:
    """Nicknames are drawn from these names: each must be a name, once."""
    if not names:
        report("teens.first_names", "au moins un prénom / at least one first name",
               hint="copie la liste du scénario nantes, ou celle des prénoms de ta région "
                    "/ copy the nantes scenario's list, or your region's first names")
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        path = f"teens.first_names[{index}]"
        if not _FIRST_NAME.match(unicodedata.normalize("NFC", name)):
            report(path, "un prénom en lettres (Léa, Lily-Rose) / a first name in letters", found=repr(name),
                   hint="sans chiffres ni signes ; un prénom par élément de la liste / no digits or signs; "
                        "one first name per item of the list")
        elif name.casefold() in seen:
            report(path, "chaque prénom une seule fois / each first name once",
                   found=f"« {name} » déjà en teens.first_names[{seen[name.casefold()]}] / already listed",
                   hint="supprime l'un des deux / remove one of them")
        seen.setdefault(name.casefold(), index)


def _check_places(scenario: Scenario, report: Report) -> None:
    bounds = scenario.meta.city.bounds
    for index, place in enumerate(scenario.places):
        if not bounds.contains(place.lat, place.lon):
            report(f"places[{index}].lat", f"un point dans {scenario.meta.city.name} : latitude "
                                          f"{bounds.south}–{bounds.north}, longitude {bounds.west}–{bounds.east}"
                                          f" / a point inside the city",
                   found=f"{place.id} : {place.lat}, {place.lon}",
                   hint="latitude d'abord, longitude ensuite ; copie-les depuis une carte "
                        "/ latitude first, then longitude; copy them from a map")
    if not scenario.canteen.menus or sum(menu.weight for menu in scenario.canteen.menus) <= 0:
        report("canteen.menus", "au moins un menu de poids positif / at least one menu with a positive weight",
               hint="copie un menu du scénario nantes / copy a menu from the nantes scenario")
    served = [school.place for school in scenario.canteen.schools]
    for index, place in enumerate(served):
        if place in served[:index]:
            report(f"canteen.schools[{index}].place", "chaque école une seule fois / each school once",
                   found=place, hint="supprime la ligne en double / remove the duplicate line")
    if not scenario.auctions.bidders:
        report("auctions.bidders", "au moins un enchérisseur / at least one bidder",
               hint="copie un enchérisseur du scénario nantes / copy a bidder from the nantes scenario")
    for kind in ("neighbourhood", "school"):
        if not scenario.places_of_kind(kind):
            report("places", f"au moins un lieu de type « {kind} » / at least one place of kind `{kind}`",
                   hint="les ados habitent des quartiers et vont dans des écoles "
                        "/ teens live in neighbourhoods and go to schools")


def _check_references(scenario: Scenario, report: Report) -> None:
    schools = {place.id for place in scenario.places_of_kind("school")}
    apps = {app.id for app in scenario.apps}
    trackers = {tracker.id for tracker in scenario.trackers}
    banners = {banner.id for banner in scenario.consent.banners}
    segments = {segment.id for segment in scenario.profiling.segments}
    habits = {habit.id for habit in scenario.teens.habits}

    def refer(path: str, value: str, known: set[str], what: str) -> None:
        """`what` is "French / English", e.g. "appli / app"."""
        french, english = what.split(" / ")
        if value not in known:
            report(path, f"un identifiant de {french} déclaré dans le scénario / the id of a {english} "
                         f"declared in the scenario",
                   found=f"« {value} » inconnu / unknown `{value}`",
                   hint=f"choisis parmi / pick one of: {', '.join(sorted(known)) or '—'}")

    for index, tracker in enumerate(scenario.trackers):
        for position, name in enumerate(tracker.fields):
            refer(f"trackers[{index}].fields[{position}]", name, set(scenario.data_fields), "donnée / data field")
    for index, app in enumerate(scenario.apps):
        for position, tracker in enumerate(app.trackers):
            refer(f"apps[{index}].trackers[{position}]", tracker, trackers, "traqueur / tracker")
        if app.banner:
            refer(f"apps[{index}].banner", app.banner, banners, "bandeau / banner")
    for index, habit in enumerate(scenario.teens.habits):
        for app in habit.app_use:
            refer(f"teens.habits[{index}].app_use.{app}", app, apps, "appli / app")
    maximum = scenario.teens.habits_per_teen.max
    if maximum > len(scenario.teens.habits):
        report("teens.habits_per_teen.max", f"au plus {len(scenario.teens.habits)} (le nombre d'habitudes) "
                                            f"/ at most the number of habits", found=str(maximum),
               hint="baisse max ou ajoute des habitudes / lower max or add habits")
    for index, segment in enumerate(scenario.profiling.segments):
        for app in segment.apps:
            refer(f"profiling.segments[{index}].apps.{app}", app, apps, "appli / app")
        if segment.truth_habit:
            refer(f"profiling.segments[{index}].truth_habit", segment.truth_habit, habits, "habitude / habit")
    for index, bidder in enumerate(scenario.auctions.bidders):
        for segment in bidder.segment_cpm_eur:
            refer(f"auctions.bidders[{index}].segment_cpm_eur.{segment}", segment, segments, "segment / segment")
    for index, school in enumerate(scenario.canteen.schools):
        refer(f"canteen.schools[{index}].place", school.place, schools, "école (lieu de type school) / school place")


#: The study period must lie within what the engine's timestamps hold (pandas: 1677–2262), with room to spare.
_FIRST_DAY, _LAST_DAY = date(1970, 1, 1), date(2199, 12, 31)


def _check_calendar(scenario: Scenario, report: Report) -> None:
    period = scenario.meta.period
    if not _FIRST_DAY <= period.start <= _LAST_DAY - timedelta(days=period.days):
        report("meta.period.start", f"une date entre {_FIRST_DAY} et {_LAST_DAY} / a date between {_FIRST_DAY} "
                                    f"and {_LAST_DAY}", found=str(period.start),
               hint="par exemple 2026-03-16 (année, mois, jour) / e.g. 2026-03-16 (year, month, day)")
        return
    dates = set(period.dates)
    listed = [("meta.period.public_holidays", period.public_holidays),
              ("meta.period.school_holidays", period.school_holidays),
              ("canteen.strike_days", scenario.canteen.strike_days)]
    for path, days in listed:
        for index, day in enumerate(days):
            if day not in dates:
                report(f"{path}[{index}]", f"une date entre {period.start} et {period.end} / a date in the period",
                       found=str(day), hint="corrige la date ou la période / fix the date or the period")
