"""Workshop 5's page, driven as a teen would: a guess for tomorrow's meals, a forecast built by ticking
features, the comparison 1 to 4 weeks ahead in meals and kilos, and the tempting data sorted."""

from __future__ import annotations

import re

import pytest

from kit.analysis.canteen_forecast import TEMPTING_DATA, fit_forecast
from kit.workshops.cantine import Cantine

STEPS = ("cantine.step1", "cantine.step2", "cantine.step3", "cantine.step4")


@pytest.fixture
def page(workshop_page) -> Cantine:
    return workshop_page("05_cantine")


def test_steps_draw_at_once_without_a_double_and_fit_nothing_before_the_teen_asks(page, shown_text) -> None:
    assert page.picker is None
    assert all(page.shown[step] for step in STEPS)
    assert page.builder.model is None
    assert "Calcule d'abord ta prévision" in shown_text(page, "cantine.step3")


def test_the_guess_reveals_the_meals_served_and_both_gaps(page) -> None:
    guess = page.guess
    guess.school.value = "lycee_doulon"
    day = page.later[page.later["school_place_id"] == "lycee_doulon"].iloc[0]
    same = page.learned[(page.learned["school_place_id"] == "lycee_doulon") & (page.learned["weekday"] == day["weekday"])]
    last = int(same["meals_served"].iloc[-1])
    assert f"{last} repas servis" in guess.clues.value and "690 élèves" in guess.clues.value
    assert guess.answer.value == ""
    guess.guess.value = 300
    guess.check.click()
    served = int(day["meals_served"])
    assert f"{served} repas" in guess.answer.value
    assert f"Ton écart est de {abs(300 - served)} repas" in guess.answer.value
    assert f"de {abs(last - served)} repas" in guess.answer.value


def test_ticking_features_changes_the_effects_and_the_comparison(page, shown_text) -> None:
    builder = page.builder
    builder.fit.click()  # the day of the week only, as it starts
    assert builder.model.features == ("weekday",)
    assert "mercredi" in builder.effects.value and "la pluie :" not in builder.effects.value
    weekday_only = shown_text(page, "cantine.step3")
    builder.boxes["menu"].value = builder.boxes["rain"].value = True
    builder.fit.click()
    assert builder.model.features == ("weekday", "menu", "rain")
    assert "Poisson" in builder.effects.value and "la pluie : " in builder.effects.value
    assert shown_text(page, "cantine.step3") != weekday_only
    assert builder.figure is not None and "Sur les 20 jours de cantine" in builder.chart_text.value


def test_effects_are_read_in_meals_for_the_chosen_school(page) -> None:
    builder = page.builder
    builder.fit.click()
    builder.school.value = "lycee_doulon"
    effect = fit_forecast(page.learned, ("weekday",)).effects[("weekday", "wednesday")]
    assert f"mercredi : {round(effect * 690):+d} repas" in builder.effects.value
    assert "690 élèves" in builder.effects.value


def test_the_comparison_gives_meals_per_horizon_and_kilos_with_their_source(page, shown_text) -> None:
    for box in page.builder.boxes.values():
        box.value = True
    page.builder.fit.click()
    said = shown_text(page, "cantine.step3")
    rows = re.findall(r"(\d) semaines? à l'avance : ta prévision se trompe de (\d+) repas, "
                      r"« comme la semaine dernière » de (\d+)", said)
    assert [int(row[0]) for row in rows] == [1, 2, 3, 4]
    assert all(int(model) < int(naive) for _, model, naive in rows)
    assert "0,35 kg par repas" in said and "ADEME" in said
    assert said.count("kg jetés") == 3


def test_the_sort_says_which_cards_are_right_and_why(page) -> None:
    sort = page.sort
    sort.cards["names"].value = False  # right: a name is not needed
    sort.cards["menu"].value = False  # wrong: the menu is needed
    sort.check.click()
    assert f"Cartes bien rangées : 2 sur {len(TEMPTING_DATA)}" not in sort.answer.value
    assert f"Cartes bien rangées : 1 sur {len(TEMPTING_DATA)}" in sort.answer.value
    assert "✔ Bien vu. <strong>Le nom et le prénom" in sort.answer.value
    assert "✘ Pas tout à fait. <strong>Le menu du jour" in sort.answer.value
    assert "il suffit de compter" in sort.answer.value
    for card, needed in TEMPTING_DATA:
        sort.cards[card].value = needed
    sort.check.click()
    assert f"Cartes bien rangées : {len(TEMPTING_DATA)} sur {len(TEMPTING_DATA)}" in sort.answer.value


def test_english_redraws_every_step_and_keeps_the_teens_choices(page, shown_text) -> None:
    page.guess.guess.value = 250
    page.guess.check.click()
    page.builder.boxes["menu"].value = True
    page.builder.fit.click()
    page.sort.cards["health"].value = False
    page.sort.check.click()
    page.language.value = "en"
    assert "You were off by" in page.guess.answer.value and page.guess.guess.value == 250
    assert page.builder.boxes["menu"].description == "the menu" and page.builder.boxes["menu"].value
    assert "Wednesday" in page.builder.effects.value
    assert "2 weeks ahead: your forecast is off by" in shown_text(page, "cantine.step3")
    assert "Well spotted." in page.sort.answer.value and page.sort.cards["health"].value is False
    assert "sobriety" in shown_text(page, "cantine.step4")
