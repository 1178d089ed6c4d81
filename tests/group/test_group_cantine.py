"""Workshop 5 on the group screen: the room's guesses against the meals served, and against the room's models
on the same days, every error a share of the meals served (schools of very different sizes side by side)."""

from __future__ import annotations

from kit.group import figures_of


def _drawn(question: str, answers: list, language: str):
    figure = next(figure for figure in figures_of("05_cantine") if figure.question == question)
    return figure.draw(answers, language)


#: A small school and a big one: 20 meals off is 20 % in the first, 5 % in the second.
GUESSES = [{"guess": 80, "served": 100}, {"guess": 420, "served": 400}, {"guess": 130, "served": 100},
           {"guess": 100, "served": 100}]


def test_guesses_are_off_by_a_share_of_the_meals_served_and_sorted_low_close_high() -> None:
    drawn = _drawn("guess", GUESSES, "fr")
    assert drawn.headline == "En médiane, vos idées s'écartent de 12\u00a0% du nombre de repas servis."
    assert [(bar.label, bar.text) for bar in drawn.bars] == [
        ("Trop bas (plus de 10\u00a0% en dessous)", "1 sur 4"), ("À 10\u00a0% près", "2 sur 4"),
        ("Trop haut (plus de 10\u00a0% au-dessus)", "1 sur 4")]


def test_guesses_in_english() -> None:
    drawn = _drawn("guess", GUESSES, "en")
    assert drawn.headline == "In the middle, your guesses are 12% away from the meals served."
    assert [bar.label for bar in drawn.bars] == ["Too low (more than 10% under)", "Within 10%",
                                                 "Too high (more than 10% over)"]


def test_a_day_without_meals_does_not_break_the_figure() -> None:
    assert _drawn("guess", [{"guess": 3, "served": 0}, *GUESSES], "fr").bars[2].text == "2 sur 5"


PAIRS = [{"guess": 80, "forecast": 97, "served": 100}, {"guess": 420, "forecast": 404, "served": 400},
         {"guess": 130, "forecast": 110, "served": 100}]


def test_guesses_and_models_are_compared_on_the_same_days() -> None:
    drawn = _drawn("forecast", PAIRS, "fr")
    assert drawn.headline == ("Le même jour, dans la même école : vos idées s'écartent en médiane de 20\u00a0% "
                              "des repas servis, vos prévisions calculées de 3\u00a0%.")
    assert [(bar.label, bar.text) for bar in drawn.bars] == [("Vos idées", "20\u00a0%"),
                                                            ("Vos prévisions calculées", "3\u00a0%")]
    assert [round(bar.value, 2) for bar in drawn.bars] == [0.2, 0.03]
    english = _drawn("forecast", PAIRS, "en")
    assert [bar.label for bar in english.bars] == ["Your guesses", "Your computed forecasts"]
    assert "your computed forecasts 3%" in english.headline
