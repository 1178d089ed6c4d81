"""Workshop 5's page tells the room's group screen the teen's checked guess with the meals served that day,
and, once they have fitted a model too, that model's forecast for the same day, whichever they did first."""

from __future__ import annotations

from kit.analysis.canteen_forecast import fit_forecast


def test_the_guess_and_build_steps_say_that_answers_count(workshop_page, room_answers) -> None:
    page = workshop_page("05_cantine")
    assert list(room_answers.notices(page)) == ["cantine.step1", "cantine.step2"]


def test_checking_a_guess_tells_it_with_the_meals_served(workshop_page, room_answers) -> None:
    page = workshop_page("05_cantine")
    page.guess.guess.value = 100
    assert room_answers.to("05_cantine", "guess") == []  # typing is not answering
    page.guess.check.click()
    served = int(page.guess.tomorrow()["meals_served"].iloc[0])
    assert room_answers.to("05_cantine", "guess") == [{"guess": 100, "served": served}]
    assert room_answers.to("05_cantine", "forecast") == []  # no model yet
    page.language.value = "en"
    assert len(room_answers.to("05_cantine", "guess")) == 1  # a language switch answers nothing


def test_the_models_forecast_is_told_for_the_day_guessed(workshop_page, room_answers) -> None:
    page = workshop_page("05_cantine")
    page.builder.fit.click()
    assert room_answers.to("05_cantine", "forecast") == []  # no guess checked yet
    page.guess.school.value = page.guess.school.options[-1][1]
    page.guess.check.click()
    day = page.guess.tomorrow()
    forecast = int(fit_forecast(page.learned, ("weekday",)).predict(day)[0])
    assert room_answers.to("05_cantine", "forecast") == [{"guess": page.guess.guess.value, "forecast": forecast,
                                                "served": int(day["meals_served"].iloc[0])}]
    page.builder.boxes["menu"].value = True
    page.builder.fit.click()
    assert len(room_answers.to("05_cantine", "forecast")) == 2
