"""Workshop 3 on paper: persona cards from the tables, segment and bidder cards from the scenario, and an
answer key that agrees with the profiler's own table."""

from __future__ import annotations

import re
from html import unescape

import pandas as pd
import pytest

from kit.analysis.profiler_accuracy import confusion_counts
from kit.analysis.segments import segment_labels
from kit.engine import profiling
from kit.engine.random import Stream, domain_rng
from kit.guide.cards import CardData, Sheets
from kit.guide.cards.ma_journee import PERSONAS, pick_personas
from kit.guide.cards.profilage import class_stays, sheets
from kit.i18n import LANGUAGES
from kit.i18n.formats import decimal, money


@pytest.fixture(scope="module")
def made(card_data: CardData) -> dict[str, Sheets]:
    return {language: sheets(card_data, language) for language in LANGUAGES}


def _cards(html: str, kind: str) -> list[str]:
    return [part.split('<div class="card ')[0] for part in html.split(f'<div class="card {kind}">')[1:]]


def test_one_card_per_pair_segment_and_bidder(card_data: CardData, made: dict[str, Sheets]) -> None:
    cards = made["fr"].cards
    assert len(_cards(cards, "persona")) == PERSONAS
    assert len(_cards(cards, "segment")) == len(card_data.scenario.profiling.segments)
    assert len(_cards(cards, "bidder")) == len(card_data.scenario.auctions.bidders)


def test_the_outings_are_those_the_profiler_counted(card_data: CardData) -> None:
    # Drawn again, the class's places give back the profiles table exactly: the cards' outings are the real clues.
    scenario, tables = card_data.scenario, card_data.tables
    again = profiling.profiles(scenario, tables["personas"], tables["app_sessions"], class_stays(card_data),
                               domain_rng(scenario.meta.seed, Stream.PROFILING))
    assert again["confidence"].tolist() == tables["profiles"]["confidence"].tolist()


def test_persona_cards_show_the_tables_minutes(card_data: CardData, made: dict[str, Sheets]) -> None:
    names = {app.id: app.name for app in card_data.scenario.apps}
    days = card_data.scenario.meta.period.days
    sessions = card_data.tables["app_sessions"]
    for card, (_, persona) in zip(_cards(made["fr"].cards, "persona"), pick_personas(card_data).iterrows(),
                                  strict=True):
        assert persona["pseudonym"] in card
        own = sessions[sessions["person_id"] == persona["person_id"]]
        per_day = own.groupby("app")["duration_min"].sum() / days
        assert f'<td>{names[per_day.idxmax()]}</td><td class="n">{round(per_day.max())} min/jour</td>' in card


def test_segment_and_bidder_cards_carry_the_scenarios_weights_and_prices(card_data: CardData,
                                                                         made: dict[str, Sheets]) -> None:
    scenario = card_data.scenario
    labels = segment_labels(scenario, "en")
    for card, segment in zip(_cards(made["en"].cards, "segment"), scenario.profiling.segments, strict=True):
        assert labels[segment.id] in unescape(card)
        weights = re.findall(r"<td>(\d[.,]\d)</td>", card)
        assert weights == [decimal(weight, 1, "en") for weight in [*segment.apps.values(), *segment.places.values()]
                           + ([segment.night_use] if segment.night_use else [])]
    for card, bidder in zip(_cards(made["en"].cards, "bidder"), scenario.auctions.bidders, strict=True):
        assert bidder.company in unescape(card)
        for price in [*bidder.segment_cpm_eur.values(), bidder.base_cpm_eur]:
            assert money(price, 2, "en") in unescape(card)


def test_the_answer_key_agrees_with_the_profiles_table(card_data: CardData, made: dict[str, Sheets]) -> None:
    answers = made["fr"].answers
    rows = re.findall(r"<tr><th>([^<]+)</th>(.*?)</tr>", answers, flags=re.DOTALL)
    profiles = card_data.tables["profiles"]
    order = [segment.id for segment in card_data.scenario.profiling.segments]
    chosen = pick_personas(card_data)
    by_name = dict(zip(chosen["pseudonym"], chosen["person_id"], strict=True))
    checked = 0
    for name, cells in rows:
        if name not in by_name:
            continue
        verdicts = re.findall(r"<strong>([^<]+)</strong>", cells)
        own = profiles[profiles["person_id"] == by_name[name]].set_index("segment").loc[order]
        for verdict, (_, row) in zip(verdicts, own.iterrows(), strict=True):
            said = "oui" if row["in_segment"] else "non"
            expected = (f"{said} (?)" if pd.isna(row["truth"])
                        else f"{said}, {'juste' if row['truth'] == row['in_segment'] else 'erreur'}")
            assert verdict == expected
        checked += 1
    assert checked == PERSONAS
    # The four cases' totals for the cards' personas are the class-accuracy widget's own counts.
    counts = confusion_counts(profiles[profiles["person_id"].isin(chosen["person_id"])])
    first = counts.iloc[0]
    assert f"<td>{int(first['yes_true'])}</td><td>{int(first['yes_false'])}</td>" in answers
