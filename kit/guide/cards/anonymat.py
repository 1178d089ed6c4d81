"""Paper cards for "Anonyme, vraiment ?": a Guess-Who game on the crowd's traces, with no names.

Each of the 20 day cards is one weekday of one person of the crowd, as the phone operator records it:
six points "around this hour, near this place (antenna)", at the resolution of the screen's game (the
hour, the antenna, named after the nearest place by `kit.analysis.crowd.antenna_table`). The three
mystery cards repeat the points of three of the 20, shuffled: the facilitator reads them one by one, and
the pairs cross out the days that do not have the clue.

Twenty people drawn from the whole city would share no point at all, and one clue would end every game.
The cards are therefore the mystery person's "suspects": the people of the crowd who were, that day, at
the most of the same places at the same hours, and each card shows first the points it shares with the
others. How many cards are left after each clue is counted with `kit.analysis.unicity.matching_people`,
the screen's own measure, on the cards and on the whole crowd.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import ascii_uppercase

import numpy as np
import pandas as pd

from kit.analysis.crowd import antenna_table, workshop_crowd
from kit.analysis.unicity import (
    POINTS,
    PUBLISHED,
    SAMPLE,
    hourly_points,
    matching_people,
    unicity,
)
from kit.engine.random import Stream, domain_rng
from kit.errors import KitError, Problem
from kit.guide.cards import CardData, Sheets
from kit.guide.pages import render
from kit.i18n.formats import percent, weekday_name

__all__ = ["CARDS", "CLUES", "MYSTERIES", "sheets"]

#: Day cards, lines on each card, mystery cards.
CARDS, CLUES, MYSTERIES = 20, 6, 3
#: The game must end by then: the study's 4 points single out 95 % of people.
_MOST_CLUES = 4
#: Shuffles of a mystery card's lines tried before choosing another mystery person.
_SHUFFLES = 12


@dataclass(frozen=True)
class _Line:
    hour: int
    place: str
    antenna: str


@dataclass(frozen=True)
class _Day:
    number: int
    person_id: str
    lines: list[_Line]


@dataclass(frozen=True)
class _Mystery:
    letter: str
    card: int
    lines: list[_Line]
    left: list[int]
    city_left: list[int]


def sheets(data: CardData, language: str) -> Sheets:
    """20 day cards, 3 mystery cards and the Guess-Who grid; the answer key: which card each mystery
    is, the cards (and the crowd's people) left after each clue, and the curve of the city and the study."""
    rng = domain_rng(data.scenario.meta.seed, Stream.ANONYMAT_CARDS)
    crowd = workshop_crowd(data.scenario)
    points = _day_points(crowd, rng)
    places = antenna_table(crowd, data.scenario)["place"]
    people = _suspects(points, rng)
    shown = _card_points(points, people, rng)
    numbers = {person: number for number, person in enumerate(rng.permutation(people).tolist(), start=1)}
    days = sorted((_Day(numbers[person], person, _lines(shown[shown["person_id"] == person], places))
                   for person in people), key=lambda day: day.number)
    mysteries = _mysteries(shown, people, numbers, crowd, places, rng)
    curve = [percent(unicity(crowd, points=count, rng=rng, sample=SAMPLE), language) for count in POINTS]
    cards = render("cards/anonymat.cards.html.j2", language=language, days=days, mysteries=mysteries,
                   weekday=weekday_name(points["timestamp"].iloc[0].day_of_week, language), clues=CLUES)
    answers = render("cards/anonymat.answers.html.j2", language=language, mysteries=mysteries, cards=CARDS,
                     people=crowd["person_id"].nunique(), curve=list(zip(POINTS, curve)),
                     study={count: percent(share, language) for count, share in PUBLISHED.items()})
    return Sheets(cards=cards, answers=answers)


def _day_points(crowd: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Everyone's distinct points (person_id, timestamp floored to the hour, cell_id) on one weekday
    drawn with `rng`: the screen's game also plays a weekday, hour by hour."""
    points = hourly_points(crowd)
    day = points["timestamp"].dt.normalize()
    weekdays = np.sort(day[day.dt.day_of_week < 5].unique())
    return points[day == rng.choice(weekdays)].sort_values(["person_id", "timestamp", "cell_id"], ignore_index=True)


def _suspects(points: pd.DataFrame, rng: np.random.Generator) -> list[str]:
    """A person with at least `CLUES` points, and the `CARDS - 1` people sharing the most points with
    them that day (ties drawn with `rng`), sorted by id."""
    counts = points["person_id"].value_counts()
    eligible = points[points["person_id"].isin(counts.index[counts >= CLUES])]
    first = rng.choice(np.sort(eligible["person_id"].unique()))
    own = eligible[eligible["person_id"] == first][["timestamp", "cell_id"]]
    shared = eligible.merge(own, on=["timestamp", "cell_id"]).groupby("person_id").size().drop(first)
    ranked = pd.DataFrame({"shared": shared, "draw": rng.random(shared.size)}).sort_values(
        ["shared", "draw"], ascending=[False, True], kind="stable")
    return sorted([first, *ranked.index[:CARDS - 1]])


def _card_points(points: pd.DataFrame, people: list[str], rng: np.random.Generator) -> pd.DataFrame:
    """`CLUES` points per card: first those the most other cards share (so a clue leaves several cards,
    as one leaves several people in a city), ties drawn with `rng`."""
    group = points[points["person_id"].isin(people)].copy()
    group["shared"] = group.groupby(["timestamp", "cell_id"])["person_id"].transform("size")
    group["draw"] = rng.random(len(group))
    group = group.sort_values(["person_id", "shared", "draw"], ascending=[True, False, True], kind="stable")
    chosen = group[group.groupby("person_id").cumcount() < CLUES]
    return chosen[["person_id", "timestamp", "cell_id"]].sort_values(["person_id", "timestamp", "cell_id"],
                                                                     ignore_index=True)


def _mysteries(shown: pd.DataFrame, people: list[str], numbers: dict[str, int], crowd: pd.DataFrame,
               places: pd.Series, rng: np.random.Generator) -> list[_Mystery]:
    """`MYSTERIES` cards, each the lines of one day card in an order drawn with `rng`, with the cards and
    the crowd's people left after each clue.

    Of `_SHUFFLES` orders, the first that leaves the card alone after exactly `_MOST_CLUES` clues is
    kept, or else the one that keeps the most cards in the game longest while still ending by then: a
    game over after one clue teaches less than one that shrinks as the study's curve does.
    """
    mysteries: list[_Mystery] = []
    for person in rng.permutation(people).tolist():
        own = shown[shown["person_id"] == person].reset_index(drop=True)
        best: tuple[list[int], pd.DataFrame] | None = None
        for _ in range(_SHUFFLES):
            clues = own.iloc[rng.permutation(len(own))].reset_index(drop=True)
            left = [len(matching_people(shown, clues.iloc[:count])) for count in range(1, _MOST_CLUES + 1)]
            if left[-1] == 1 and (best is None or left > best[0]):
                best = left, clues
            if left[-1] == 1 and left[-2] > 1:
                break
        if best is None:
            continue
        clues = best[1]
        left = [len(matching_people(shown, clues.iloc[:count])) for count in range(len(clues) + 1)]
        city_left = [len(matching_people(crowd, clues.iloc[:count])) for count in range(len(clues) + 1)]
        mysteries.append(_Mystery(ascii_uppercase[len(mysteries)], numbers[person], _lines(clues, places),
                                  left, city_left))
        if len(mysteries) == MYSTERIES:
            return mysteries
    # Only a scenario whose crowd is tiny or moves in lockstep gets here: say what to change in it.
    raise KitError(Problem(file=None, line=None, field="crowd", found=f"moins de {MYSTERIES} personnes mystère "
                           f"retrouvées en {_MOST_CLUES} indices / fewer than {MYSTERIES} mystery people found "
                           f"with {_MOST_CLUES} clues",
                           expected="une foule où chaque journée est différente / a crowd whose days differ",
                           hint="varie les lieux et les habitudes de la foule (section crowd:) du scénario "
                                "/ vary the places and the crowd's habits (crowd: section) of the scenario"))


def _lines(points: pd.DataFrame, places: pd.Series) -> list[_Line]:
    """Points as a card prints them, in the order given."""
    return [_Line(point.timestamp.hour, places[point.cell_id], point.cell_id) for point in points.itertuples()]
