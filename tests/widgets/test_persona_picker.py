"""The persona picker, driven as a teen would: type, tap, press."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.scenario.model import Scenario
from kit.widgets.persona_picker import PersonaPicker


@pytest.fixture
def picker(nantes: Scenario) -> tuple[PersonaPicker, list]:
    received: list = []
    return PersonaPicker(nantes, language="fr", on_trail=received.append), received


def test_french_then_english_keeping_the_form_and_its_message(nantes: Scenario) -> None:
    picker = PersonaPicker(nantes, language="fr", on_trail=lambda trail: None)
    assert picker.go.description == "C'est parti !" and "Ce que tu aimes faire" in picker.habits.heading.value
    picker.habits.chips["sporty"].value = True
    picker.go.click()
    picker.relabel("en")
    assert picker.go.description == "Let's go!" and "What you like doing" in picker.habits.heading.value
    assert picker.habits.value == ("sporty",) and picker.habits.chips["sporty"].description == "✓ Sport"
    assert "pseudo" not in picker.message.value and "role='alert'" in picker.message.value


def test_pressing_without_a_nickname_asks_for_one(picker) -> None:
    widget, received = picker
    widget.go.click()
    assert "pseudo inventé" in widget.message.value and received == []


def test_habits_are_chips_a_thumb_taps_and_a_tapped_chip_says_so(picker) -> None:
    chips = picker[0].habits.chips
    assert [chip.description for chip in chips.values()][:3] == ["Sport", "Gamer", "Musique"]
    assert all("datatrail-chip" in chip._dom_classes for chip in chips.values())
    chips["music"].value = True
    chips["sporty"].value = True
    assert picker[0].habits.value == ("sporty", "music")  # the scenario's order, whatever the order of the taps
    assert chips["sporty"].description == "✓ Sport"
    chips["sporty"].value = False
    assert picker[0].habits.value == ("music",) and chips["sporty"].description == "Sport"


def test_a_nickname_and_habits_give_that_teens_trail(picker) -> None:
    widget, received = picker
    widget.pseudonym.value = "lune42"
    widget.habits.chips["sporty"].value = True
    widget.age.value = 13
    widget.go.click()
    (trail,) = received
    persona = trail["personas"].iloc[0]
    assert (persona["pseudonym"], persona["habits"], persona["age"]) == ("lune42", "sporty", 13)
    assert "lune42" in widget.message.value


def test_typed_html_is_shown_as_text(picker) -> None:
    widget, _ = picker
    widget.pseudonym.value = "<b>moi</b>"
    widget.go.click()
    assert "<b>" not in widget.message.value and "&lt;b&gt;moi&lt;/b&gt;" in widget.message.value


def test_nothing_the_teen_types_is_written_to_disk(picker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    widget, _ = picker
    widget.pseudonym.value = "secret_de_camille"
    widget.go.click()
    assert list(tmp_path.iterdir()) == []
