"""Paper cards for workshop 3, "Ce que l'algorithme pense de toi": the profiler and the ad auction, opened up
on cards, from the same generated class as the screens.

A pair holds a persona card (its month in numbers: minutes a day in each app, outings a week by kind of
place, share of phone use at night), ticks the clues it finds on each segment card and decides "in" or
"out" (step 1); plays a bidder card in the auction (step 2); learns the truth and counts the four cases
(step 3); crosses out a clue and plays again (step 4). The clues and weights come from the scenario's
profiler, the prices from its auction; the answer key gives what the engine decided (the `profiles` table),
the truth, the four cases (`kit.analysis.profiler_accuracy`) and who wins each persona's auction at list prices
(`kit.analysis.segments.bidder_offers`, as the screen's replay shows them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from kit.analysis.profiler_accuracy import (
    accuracy_table,
    confusion_counts,
    describe_accuracy,
)
from kit.analysis.segments import bidder_offers, segment_labels
from kit.engine import mobility
from kit.engine.clock import at_night
from kit.engine.random import Stream, domain_rng
from kit.guide.cards import CardData, Sheets
from kit.guide.cards.ma_journee import persona_trail, pick_personas
from kit.guide.pages import render
from kit.i18n.formats import currency_name, decimal, money, percent
from kit.scenario.model import Scenario

__all__ = ["class_stays", "sheets"]

#: Below these, a number is noise on a card: less than a minute a day, or one outing in a month.
_MIN_MINUTES, _MIN_VISITS = 1, 0.25


@dataclass(frozen=True)
class _Persona:
    pseudonym: str
    age: int
    minutes: list[tuple[str, int]]
    outings: list[tuple[str, str]]
    night: str
    #: Answer key: per segment (scenario order) the engine's confidence, its answer and the truth (None: unknown).
    verdicts: list[tuple[str, bool, bool | None]]
    winner: str
    #: What the winner pays for 1000 ads: its own rate (a first-price auction, `kit.engine.auctions`).
    winner_price: str


@dataclass(frozen=True)
class _Clue:
    """`kind`: "app" (`name` is the app's), "place" (`name` is a kind of place) or "night"."""

    kind: str
    name: str
    weight: str


@dataclass(frozen=True)
class _Segment:
    label: str
    kind: str
    clues: list[_Clue]


@dataclass(frozen=True)
class _Bidder:
    company: str
    base: str
    prices: list[tuple[str, str]]


def class_stays(data: CardData) -> pd.DataFrame:
    """Where the class went (the engine's ground truth, not a table of the data package): drawn again with the
    stream the generator used, so the outings on a card are the ones the profiler counted."""
    return mobility.stays(data.scenario, data.tables["personas"], domain_rng(data.scenario.meta.seed, Stream.MOBILITY))


def sheets(data: CardData, language: str) -> Sheets:
    """Persona cards (one per pair, plus spares), segment cards, bidder cards, and the answer key with the
    engine's segments against the truth."""
    scenario = data.scenario
    chosen = pick_personas(data)
    stays = class_stays(data)
    personas = [_persona(row, data, stays, language) for _, row in chosen.iterrows()]
    labels = segment_labels(scenario, language)
    chosen_profiles = data.tables["profiles"][data.tables["profiles"]["person_id"].isin(chosen["person_id"])]
    class_counts = confusion_counts(data.tables["profiles"])
    values = {
        "personas": personas, "segments": _segments(scenario, language), "bidders": _bidders(scenario, language),
        "labels": list(labels.values()), "threshold": percent(scenario.profiling.threshold, language),
        "floor": money(scenario.auctions.floor_cpm_eur, 2, language), "currency": currency_name(language),
        "chosen_table": Markup(accuracy_table(confusion_counts(chosen_profiles), scenario, language=language)),
        "class_table": Markup(accuracy_table(class_counts, scenario, language=language)),
        "class_summary": Markup(describe_accuracy(class_counts, scenario, language=language)),
    }
    return Sheets(cards=render("cards/profilage.cards.html.j2", language=language, **values),
                  answers=render("cards/profilage.answers.html.j2", language=language, **values))


def _persona(row: pd.Series, data: CardData, stays: pd.DataFrame, language: str) -> _Persona:
    """A persona's month as the profiler sees it, and (for the answer key) what the engine made of it."""
    scenario = data.scenario
    days = scenario.meta.period.days
    names = {app.id: app.name for app in scenario.apps}
    trail = persona_trail(data.tables, row["person_id"])
    sessions = trail["app_sessions"]
    per_app = (sessions.groupby("app")["duration_min"].sum() / days).round()
    minutes = sorted(((names[app], int(value)) for app, value in per_app.items() if value >= _MIN_MINUTES),
                     key=lambda item: (-item[1], item[0]))
    kinds = {place.id: place.kind for place in scenario.places}
    own = stays[(stays["person_id"] == row["person_id"]) & (stays["activity"] == "visit")]
    weekly = own["place_id"].map(kinds).value_counts() / (days / 7)
    outings = [(kind, decimal(value, 1, language))
               for kind, value in sorted(weekly.items(), key=lambda item: (-item[1], item[0]))
               if value >= _MIN_VISITS]
    profile = trail["profiles"].set_index("segment")
    verdicts = [(percent(profile.loc[segment.id, "confidence"], language), bool(profile.loc[segment.id, "in_segment"]),
                 None if pd.isna(profile.loc[segment.id, "truth"]) else bool(profile.loc[segment.id, "truth"]))
                for segment in scenario.profiling.segments]
    inside = "|".join(sorted(profile.index[profile["in_segment"]]))
    offers = bidder_offers(scenario, inside, language=language).sort_values("cpm_eur", ascending=False,
                                                                               kind="stable")
    return _Persona(
        pseudonym=row["pseudonym"], age=int(row["age"]), minutes=minutes, outings=outings,
        night=percent(float(at_night(sessions["timestamp"]).mean()) if len(sessions) else 0.0, language),
        verdicts=verdicts, winner=offers["company"].iloc[0],
        winner_price=money(float(offers["cpm_eur"].iloc[0]), 2, language))


def _segments(scenario: Scenario, language: str) -> list[_Segment]:
    """Each segment's clues with their weights, from the scenario's profiler (the screen's segment rules)."""
    names = {app.id: app.name for app in scenario.apps}
    labels = segment_labels(scenario, language)
    segments = []
    for segment in scenario.profiling.segments:
        clues = [_Clue(kind="app", name=names[app], weight=decimal(weight, 1, language))
                 for app, weight in segment.apps.items()]
        clues += [_Clue(kind="place", name=kind, weight=decimal(weight, 1, language))
                  for kind, weight in segment.places.items()]
        if segment.night_use:
            clues.append(_Clue(kind="night", name="", weight=decimal(segment.night_use, 1, language)))
        segments.append(_Segment(label=labels[segment.id], kind=segment.kind, clues=clues))
    return segments


def _bidders(scenario: Scenario, language: str) -> list[_Bidder]:
    labels = segment_labels(scenario, language)
    return [_Bidder(company=bidder.company, base=money(bidder.base_cpm_eur, 2, language),
                    prices=[(labels[segment], money(price, 2, language))
                            for segment, price in sorted(bidder.segment_cpm_eur.items(),
                                                         key=lambda item: (-item[1], item[0]))])
            for bidder in scenario.auctions.bidders]
