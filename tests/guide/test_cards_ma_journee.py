"""Workshop 1 on paper: the persona sheets hold the tables' own day, and the answer key says what the screen says."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sheet_text import words

from kit.analysis.home import infer_places, nearest_place
from kit.analysis.trackers import requests_per_day
from kit.guide.cards import CardData, Sheets
from kit.guide.cards.ma_journee import (
    PERSONAS,
    card_day,
    persona_trail,
    pick_personas,
    sheets,
)
from kit.i18n import LANGUAGES


@pytest.fixture(scope="module")
def made(card_data: CardData) -> dict[str, Sheets]:
    """Both languages' sheets, made once: making them reads a month of pings for every persona."""
    return {language: sheets(card_data, language) for language in LANGUAGES}


def _persona_cards(html: str) -> list[str]:
    return html.split('<div class="card persona">')[1:]


def test_a_sheet_per_pair_of_sixteen_teens_and_a_tracker_card_per_company(card_data: CardData,
                                                                          made: dict[str, Sheets]) -> None:
    assert len(_persona_cards(made["fr"].cards)) == PERSONAS >= 8
    assert made["fr"].cards.count('<div class="card tracker">') == len(card_data.scenario.trackers)
    # Only teens with a phone: a sheet without data leaves a pair with nothing to count.
    assert pick_personas(card_data)["has_phone"].all()


def test_each_sheet_shows_the_tables_day_of_its_persona(card_data: CardData, made: dict[str, Sheets]) -> None:
    day = card_day(card_data.scenario)
    cards = _persona_cards(made["fr"].cards)
    names = {app.id: app.name for app in card_data.scenario.apps}
    for card, (_, persona) in zip(cards, pick_personas(card_data).iterrows(), strict=True):
        assert persona["pseudonym"] in card
        trail = persona_trail(card_data.tables, persona["person_id"])
        pings = trail["location_pings"][trail["location_pings"]["timestamp"].dt.date == day]
        requests = trail["tracker_requests"][trail["tracker_requests"]["timestamp"].dt.date == day]
        # Every position of the day is on the sheet, counted by app: the numbers add up to the table's rows.
        written = re.findall(r"<td>([^<]*)</td>", card)
        positions_cells, requests_cells = written[2::4], written[3::4]
        assert sum(int(n) for cell in positions_cells for n in re.findall(r" (\d+)(?: ·|$)", unescape(cell))) \
            == len(pings)
        assert sum(int(n) for cell in requests_cells for n in re.findall(r" (\d+)(?: ·|$)", unescape(cell))) \
            == len(requests)
        for app in requests["app"].unique():
            assert names[app] in card


def test_the_answer_key_gives_the_home_and_school_the_screen_infers(card_data: CardData,
                                                                    made: dict[str, Sheets]) -> None:
    answers = words(made["fr"].answers)
    scenario = card_data.scenario
    for _, persona in pick_personas(card_data).iterrows():
        trail = persona_trail(card_data.tables, persona["person_id"])
        inferred = infer_places(trail["location_pings"]).set_index("kind")
        home = inferred.loc["home"]
        row = answers[answers.index(persona["pseudonym"]):]
        row = row[:row.index("par jour") + len("par jour")]  # the persona's row ends with the chattiest app
        assert scenario.place(persona["home_place_id"]).name in row
        assert scenario.place(persona["school_place_id"]).name in row
        if home["pings"]:
            assert f"{nearest_place(scenario, home['lat'], home['lon']).name} ({round(100 * home['share'])} %)" in row
        chattiest = requests_per_day(trail).iloc[0]
        assert {app.id: app.name for app in scenario.apps}[chattiest["app"]] in row


def test_the_map_places_every_place_of_the_scenario(card_data: CardData, made: dict[str, Sheets]) -> None:
    cards = words(made["en"].cards)
    for place in card_data.scenario.places:
        assert place.name in cards
