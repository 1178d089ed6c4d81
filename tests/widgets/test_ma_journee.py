"""Workshop 1's page, driven as a teen would: every step waits for a double, then shows their trail."""

from __future__ import annotations

from kit.workshops.ma_journee import MaJournee

STEPS = ("ma_journee.step1", "ma_journee.step2", "ma_journee.step3", "ma_journee.step4")


def test_steps_wait_for_a_double_then_show_its_trail(shown_text, workshop_page) -> None:
    page = workshop_page("01_ma_journee")
    assert all("Crée d'abord ton double" in shown_text(page, step) for step in STEPS)
    page.picker.pseudonym.value = "lune42"
    page.picker.habits.value = ("music",)
    page.picker.go.click()
    assert page.trail is not None
    assert not any("Crée d'abord ton double" in shown_text(page, step) for step in STEPS)
    figures = [type(part).__name__ for part in page.shown["ma_journee.step1"]]
    assert figures.count("Figure") == 1  # the timeline is a plain figure, not a FigureWidget
    assert page.shown["ma_journee.step2"][0].data[0].type == "sankey"
    assert "Principe de la charte de la donnée" in shown_text(page, "ma_journee.step4")


def test_switching_language_redraws_the_steps() -> None:
    page = MaJournee()
    header = page.step_day().children[0].heading
    assert "1. Ta journée" in header.value
    page.language.value = "en"
    assert "1. Your day" in header.value


def test_a_page_asked_in_english_starts_in_english(monkeypatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "token=abc234&lang=en")
    page = MaJournee()
    assert page.language.value == "en"
    assert "1. Your day" in page.step_day().children[0].heading.value
