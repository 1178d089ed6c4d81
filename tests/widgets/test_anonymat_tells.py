"""Workshop 4's page tells the room's group screen what the teen found, when they find it: the clues that
singled out the mystery person, and each protection published with the share it hid."""

from __future__ import annotations

from kit.widgets.guess_who import GuessWho
from kit.widgets.protect_panel import ProtectPanel


def test_the_steps_that_tell_say_so_and_the_others_do_not(workshop_page, room_answers) -> None:
    page = workshop_page("04_anonymat")
    notices = room_answers.notices(page)
    assert list(notices) == ["anonymat.step1", "anonymat.step3"]
    assert "sans ton pseudo" in notices["anonymat.step1"][0]


def test_the_tick_that_singles_out_the_mystery_person_tells_how_many_clues(workshop_page, room_answers) -> None:
    page = workshop_page("04_anonymat")
    game = next(part for part in page.shown["anonymat.step1"] if isinstance(part, GuessWho))
    game.start.click()
    for box in game.clues.children:
        box.value = True
        if game.left[-1] == 1:
            break
    assert room_answers.to("04_anonymat", "clues") == [len(game.ticked)]
    for box in game.clues.children:
        box.value = True  # more clues once found: still the same answer
    assert room_answers.to("04_anonymat", "clues") == [game.left.index(1)]


def test_each_protection_published_is_told_with_the_share_it_hid(workshop_page, room_answers) -> None:
    page = workshop_page("04_anonymat")
    panel = next(part for part in page.shown["anonymat.step3"] if isinstance(part, ProtectPanel))
    panel.k.value = 10  # before the first measure: nothing published, nothing told
    assert room_answers.to("04_anonymat", "protection") == []
    panel.measure.click()
    first = panel.hidden
    panel.hours.value = 4
    assert room_answers.to("04_anonymat", "protection") == [
        {"k": 10, "hours": 1, "cells": 1, "drop_rare": False, "hidden": first},
        {"k": 10, "hours": 4, "cells": 1, "drop_rare": False, "hidden": panel.hidden}]
