"""Workshop 5 on paper ("Combien à la cantine ?"): the cards a pair gets and the facilitator's answer key agree
with the screen's canteen weeks and forecast."""

from __future__ import annotations

import re

import pytest
from sheet_text import blocks, words

from kit.analysis.canteen_forecast import (
    TEMPTING_DATA,
    canteen_history,
    fit_forecast,
    last_week_forecast,
    school_options,
    split_weeks,
)
from kit.guide.cards import CardData
from kit.guide.cards.cantine import DAYS, PAPER_FEATURES, sheets
from kit.i18n import LANGUAGES, text
from kit.i18n.formats import day_with_weekday


@pytest.fixture(scope="module")
def weeks(card_data: CardData):
    learned, later = split_weeks(canteen_history(card_data.scenario))
    return learned, later, fit_forecast(learned, PAPER_FEATURES)


def _school_days(later, place: str):
    return later[later["school_place_id"] == place].sort_values("date", kind="stable").head(DAYS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_guess_card_per_school_with_the_screens_day_and_last_weeks_count(card_data, weeks, language) -> None:
    learned, later, _ = weeks
    guess_cards = [card for card in blocks(sheets(card_data, language).cards, "card")
                   if card.startswith(text("cantine.step1.title", language))]
    schools = school_options(card_data.scenario)
    assert len(guess_cards) == len(schools) == 4
    for card, (name, place) in zip(guess_cards, schools, strict=True):
        days = _school_days(later, place)
        assert name in card
        assert text("cantine.guess.question", language, enrolled=int(days["enrolled"].iloc[0])) in card
        assert text("cantine.guess.last", language, meals=int(last_week_forecast(learned, days)[0])) in card
        assert day_with_weekday(days["date"].iloc[0], language) in card


def test_the_build_sheet_shows_the_models_effects_in_meals_for_each_school(card_data, weeks) -> None:
    _, later, model = weeks
    build = [sheet for sheet in blocks(sheets(card_data, "fr").cards, "half")
             if sheet.startswith(text("cantine.step2.title"))]
    assert len(build) == 4
    for sheet, (_, place) in zip(build, school_options(card_data.scenario), strict=True):
        enrolled = int(_school_days(later, place)["enrolled"].iloc[0])
        assert f"{round(model.base[place] * enrolled)} repas" in sheet
        assert text("cantine.effect.line", label="mercredi",
                    meals=f"{model.effects_in_meals(enrolled)[('weekday', 'wednesday')]:+d}") in sheet
        assert sheet.count("°C") == DAYS


def test_the_compare_sheet_gives_last_weeks_count_and_hides_the_meals_served(card_data, weeks) -> None:
    learned, later, _ = weeks
    compare = [sheet for sheet in blocks(sheets(card_data, "fr").cards, "half")
               if sheet.startswith(text("cantine.step3.title"))]
    assert len(compare) == 4
    assert "0,35 kg" in compare[0]
    for sheet, (_, place) in zip(compare, school_options(card_data.scenario), strict=True):
        days = _school_days(later, place)
        numbers = set(re.findall(r"\b\d+\b", sheet))
        assert {str(meals) for meals in last_week_forecast(learned, days)} <= numbers
        hidden = {str(served) for served in days["meals_served"]} - {str(meals) for meals in
                                                                     last_week_forecast(learned, days)}
        assert hidden and not hidden & numbers


def test_the_answer_key_has_the_meals_served_the_forecast_and_the_kilos(card_data, weeks) -> None:
    learned, later, model = weeks
    answers = words(sheets(card_data, "fr").answers)
    kg_per_meal = card_data.scenario.canteen.kg_per_meal
    schools = school_options(card_data.scenario)
    starts = [answers.index(name) for name, _ in schools] + [len(answers)]
    for (name, place), start, end in zip(schools, starts, starts[1:]):
        block = answers[start:end]
        days = _school_days(later, place)
        served = days["meals_served"].to_numpy()
        forecast, naive = model.predict(days), last_week_forecast(learned, days)
        for values in (served, forecast, naive):
            assert all(re.search(rf"\b{value}\b", block) for value in values)
        kilos = f"{abs(forecast - served).sum() * kg_per_meal:.1f}".replace(".", ",")
        assert f"{kilos} kg" in block


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_nine_ethics_cards_are_the_screens_cards(card_data, language) -> None:
    ethics = [card for card in blocks(sheets(card_data, language).cards, "card")
              if card.startswith(text("cantine.step4.title", language))]
    assert len(ethics) == len(TEMPTING_DATA) == 9
    for card, (name, _) in zip(ethics, TEMPTING_DATA, strict=True):
        assert text(f"cantine.card.{name}", language) in card
    answers = words(sheets(card_data, language).answers)
    assert all(" ".join(text(f"cantine.card.{name}.why", language).split()) in " ".join(answers.split())
               for name, _ in TEMPTING_DATA)
