"""Workshop 4 on the group screen: half the room's clues and their spread, then the protections the room
published and the share of people they hid, in French and English."""

from __future__ import annotations

from kit.group import figures_of


def _drawn(question: str, answers: list, language: str):
    figure = next(figure for figure in figures_of("04_anonymat") if figure.question == question)
    return figure.draw(answers, language)


def test_clues_say_what_half_the_room_needed_and_put_many_clues_in_one_bar() -> None:
    drawn = _drawn("clues", [2, 3, 3, 4, 9, 12], "fr")
    # Median 3.5, said in whole clues: at least half the room needed 4 or fewer.
    assert drawn.headline == "La moitié du groupe a retrouvé la personne mystère avec 4 indices ou moins."
    assert [(bar.label, bar.text) for bar in drawn.bars] == [
        ("1 indice", "0 sur 6"), ("2 indices", "1 sur 6"), ("3 indices", "2 sur 6"), ("4 indices", "1 sur 6"),
        ("5 indices ou plus", "2 sur 6")]
    assert [bar.value for bar in drawn.bars] == [0, 1 / 6, 2 / 6, 1 / 6, 2 / 6]


def test_clues_in_english() -> None:
    drawn = _drawn("clues", [1, 2, 1], "en")
    assert drawn.headline == "Half the group singled out the mystery person with 1 clue or fewer."
    assert drawn.bars[0].label == "1 clue" and drawn.bars[0].text == "2 of 3"
    assert drawn.bars[-1].label == "5 clues or more"


def _protection(hours: int = 1, cells: int = 1, drop_rare: bool = False, hidden: float = 0.5) -> dict:
    return {"k": 5, "hours": hours, "cells": cells, "drop_rare": drop_rare, "hidden": hidden}


ROOM = [_protection(hours=4, hidden=0.9), _protection(hours=2, drop_rare=True, hidden=0.7),
        _protection(cells=2, hidden=0.3), _protection(hidden=0.0)]


def test_protections_count_each_one_used_and_say_the_median_share_hidden() -> None:
    drawn = _drawn("protection", ROOM, "fr")
    assert drawn.headline.startswith("La moitié du groupe a caché au moins 50\u00a0% des gens")
    assert [(bar.label, bar.text) for bar in drawn.bars] == [
        ("Heures regroupées", "2 sur 4"), ("Antennes regroupées", "1 sur 4"), ("Points rares enlevés", "1 sur 4"),
        ("Aucune protection", "1 sur 4")]


def test_protections_in_english() -> None:
    drawn = _drawn("protection", ROOM, "en")
    assert drawn.headline.startswith("Half the group hid at least 50% of people")
    assert [bar.label for bar in drawn.bars] == ["Hours grouped", "Antennas merged", "Rare points removed",
                                                 "No protection"]
    assert "Hours grouped : 2 of 4" in drawn.described()


def test_the_figures_title_themselves_with_the_steps_that_ask() -> None:
    assert [(figure.step, figure.question) for figure in figures_of("04_anonymat")] == [
        ("anonymat.step1", "clues"), ("anonymat.step3", "protection")]
