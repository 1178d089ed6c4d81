"""Workshop 4 on paper ("Anonyme, vraiment ?"): 20 day cards from the crowd's pings, mystery cards that are
one of them shuffled, a grid with the same days, and an answer key whose counts a youth worker can check by
crossing out cards."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from sheet_text import words

from kit.analysis.crowd import workshop_crowd
from kit.analysis.unicity import PUBLISHED, matching_people
from kit.guide.cards import CardData, Sheets
from kit.guide.cards.anonymat import CARDS, CLUES, MYSTERIES, sheets
from kit.i18n import LANGUAGES, text
from kit.i18n.formats import percent, weekday_name

Point = tuple[int, str]


def _points(card: str) -> list[Point]:
    """(hour, antenna) of each line of a card, in the printed order."""
    return [(int(re.search(r"\d+", line).group()), re.search(r"r\d{3}c\d{3}", line).group())
            for line in re.findall(r"<li>(.*?)</li>", card, flags=re.DOTALL)]


def _cards(html: str, kind: str) -> list[tuple[str, list[Point]]]:
    """(title, points) of every day card ("card") or mystery card ("card mystery")."""
    return [(words(title), _points(body)) for title, body in
            re.findall(rf'<div class="{kind}">\s*<h3>(.*?)</h3>(.*?)</div>', html, flags=re.DOTALL)]


@pytest.fixture(scope="module", params=LANGUAGES)
def printed(request: pytest.FixtureRequest, card_data: CardData) -> tuple[str, Sheets]:
    return request.param, sheets(card_data, request.param)


@pytest.fixture(scope="module")
def traces(card_data: CardData) -> pd.DataFrame:
    """Every distinct (person, day, hour, antenna) of the crowd."""
    pings = workshop_crowd(card_data.scenario)
    return pd.DataFrame({"person_id": pings["person_id"], "day": pings["timestamp"].dt.normalize(),
                         "hour": pings["timestamp"].dt.hour, "cell_id": pings["cell_id"]}).drop_duplicates()


def _whose(traces: pd.DataFrame, points: list[Point]) -> pd.DataFrame:
    """(person_id, day) of the crowd's days that hold every point."""
    wanted = pd.DataFrame(points, columns=["hour", "cell_id"]).drop_duplicates()
    found = traces.merge(wanted, on=["hour", "cell_id"]).groupby(["person_id", "day"]).size()
    return found[found == len(wanted)].reset_index()[["person_id", "day"]]


def test_twenty_numbered_day_cards_of_six_lines_and_three_mystery_cards(printed) -> None:
    language, printed_sheets = printed
    days, mysteries = _cards(printed_sheets.cards, "card"), _cards(printed_sheets.cards, "card mystery")
    assert [title for title, _ in days] == [text("cards.anonymat.day", language, number=number)
                                            for number in range(1, CARDS + 1)]
    assert all(len(set(points)) == CLUES for _, points in days + mysteries)
    assert len(mysteries) == MYSTERIES == 3


def test_each_day_card_is_one_weekday_of_one_person_of_the_crowd(printed, traces: pd.DataFrame) -> None:
    language, printed_sheets = printed
    days = [_whose(traces, points) for _, points in _cards(printed_sheets.cards, "card")]
    assert all(len(found) >= 1 for found in days)
    shared = set.intersection(*({day for day in found["day"]} for found in days))
    # The same weekday for all 20 cards, the one the how-to names.
    (weekday,) = {day.day_of_week for day in shared}
    assert weekday < 5 and weekday_name(weekday, language) in words(printed_sheets.cards)
    assert len({person for found in days for person in found["person_id"]}) >= CARDS


def test_each_mystery_card_is_one_day_card_shuffled_as_the_key_says(printed) -> None:
    language, printed_sheets = printed
    days = {title: points for title, points in _cards(printed_sheets.cards, "card")}
    key = words(printed_sheets.answers)
    for letter, (_, clues) in zip("ABC", _cards(printed_sheets.cards, "card mystery")):
        (title,) = [title for title, points in days.items() if set(points) == set(clues)]
        number = int(re.search(r"\d+", title).group())
        assert text("cards.anonymat.key_is", language, letter=letter, number=number) in key


def test_the_key_counts_the_cards_left_after_each_clue_and_the_game_ends_by_four(printed) -> None:
    language, printed_sheets = printed
    days = [set(points) for _, points in _cards(printed_sheets.cards, "card")]
    rows = re.findall(r"<tr>(.*?)</tr>", printed_sheets.answers, flags=re.DOTALL)[1:1 + MYSTERIES]
    for row, (_, clues) in zip(rows, _cards(printed_sheets.cards, "card mystery")):
        # Crossing out by hand: the cards that hold every clue read so far.
        left = [sum(set(clues[:count]) <= day for day in days) for count in range(CLUES + 1)]
        printed_left = [int(cell) for cell in re.findall(r"<td>(\d+) \(", row)]
        assert printed_left == left and left[0] == CARDS
        assert left[4] == 1 and left == sorted(left, reverse=True)


def test_the_key_counts_the_whole_crowd_with_the_screen_measure(printed, card_data: CardData,
                                                                traces: pd.DataFrame) -> None:
    language, printed_sheets = printed
    pings = workshop_crowd(card_data.scenario)
    rows = re.findall(r"<tr>(.*?)</tr>", printed_sheets.answers, flags=re.DOTALL)[1:1 + MYSTERIES]
    mysteries = _cards(printed_sheets.cards, "card mystery")
    # All the cards are one day of the month: the only day on which every mystery card's points all happened.
    (day,) = set.intersection(*(set(_whose(traces, clues)["day"]) for _, clues in mysteries))
    for row, (_, clues) in zip(rows, mysteries):
        points = pd.DataFrame({"timestamp": [day + pd.Timedelta(hours=hour) for hour, _ in clues],
                               "cell_id": [cell for _, cell in clues]})
        city = [len(matching_people(pings, points.iloc[:count])) for count in range(CLUES + 1)]
        assert [int(cell) for cell in re.findall(r"\((\d+)\)", row)] == city
        assert city[0] == pings["person_id"].nunique()


def test_the_key_sets_the_city_curve_next_to_the_study(printed) -> None:
    language, printed_sheets = printed
    key = words(printed_sheets.answers)
    assert words(percent(PUBLISHED[2], language)) in key and words(percent(PUBLISHED[4], language)) in key
    assert text("anonymat.curve.research", language) in key


def test_the_grid_holds_the_same_twenty_days(printed) -> None:
    language, printed_sheets = printed
    grid = printed_sheets.cards.split('class="guess-grid"')[1]
    boxes = re.findall(r'<div class="box">\s*<strong>(\d+)</strong>(.*?)</div>', grid, flags=re.DOTALL)
    days = _cards(printed_sheets.cards, "card")
    assert [int(number) for number, _ in boxes] == list(range(1, CARDS + 1))
    for (_, points), (_, box) in zip(days, boxes):
        lines = [words(line) for line in re.findall(r"<span>(.*?)</span>", box, flags=re.DOTALL)]
        assert lines == [text("cards.anonymat.grid_line", language, hour=hour, antenna=cell) for hour, cell in points]


def test_a_crowd_that_cannot_make_a_game_is_a_clear_error(card_data: CardData, monkeypatch) -> None:
    """If no mystery can be found (here: no order of clues is even tried), the educator learns what to change."""
    from kit.errors import KitError
    from kit.guide.cards import anonymat

    monkeypatch.setattr(anonymat, "_SHUFFLES", 0)
    with pytest.raises(KitError) as raised:
        sheets(card_data, "fr")
    assert "crowd:" in raised.value.format() and "mystère" in raised.value.format()
