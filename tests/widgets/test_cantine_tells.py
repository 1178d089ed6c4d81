"""Workshop 5's page tells the room's group screen the teen's checked guess with the meals served that day,
and, once they have fitted a model too, that model's forecast for the same day, whichever they did first."""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.canteen_forecast import fit_forecast


def _told(room_answers: list, question: str) -> list:
    return [answer for workshop, asked, answer in room_answers if (workshop, asked) == ("05_cantine", question)]


def test_the_guess_and_build_steps_say_that_answers_count(workshop_page, room_answers) -> None:
    page = workshop_page("05_cantine")
    noticed = [prefix for prefix, parts in page.shown.items()
               if any(isinstance(part, widgets.HTML) and "datatrail-group-notice" in part.value for part in parts)]
    assert noticed == ["cantine.step1", "cantine.step2"]


def test_checking_a_guess_tells_it_with_the_meals_served(workshop_page, room_answers) -> None:
    page = workshop_page("05_cantine")
    page.guess.guess.value = 100
    assert _told(room_answers, "guess") == []  # typing is not answering
    page.guess.check.click()
    served = int(page.guess.tomorrow()["meals_served"].iloc[0])
    assert _told(room_answers, "guess") == [{"guess": 100, "served": served}]
    assert _told(room_answers, "forecast") == []  # no model yet
    page.language.value = "en"
    assert len(_told(room_answers, "guess")) == 1  # a language switch answers nothing


def test_the_models_forecast_is_told_for_the_day_guessed(workshop_page, room_answers) -> None:
    page = workshop_page("05_cantine")
    page.builder.fit.click()
    assert _told(room_answers, "forecast") == []  # no guess checked yet
    page.guess.school.value = page.guess.school.options[-1][1]
    page.guess.check.click()
    day = page.guess.tomorrow()
    forecast = int(fit_forecast(page.learned, ("weekday",)).predict(day)[0])
    assert _told(room_answers, "forecast") == [{"guess": page.guess.guess.value, "forecast": forecast,
                                                "served": int(day["meals_served"].iloc[0])}]
    page.builder.boxes["menu"].value = True
    page.builder.fit.click()
    assert len(_told(room_answers, "forecast")) == 2
