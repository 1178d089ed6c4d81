"""Same scenario and seed, same cards: a youth worker who prints again the next morning gets the same sheets,
and the answer key printed last week still matches them."""

from __future__ import annotations

from importlib import import_module

import pytest

from kit.guide.cards import MAKERS, CardData


@pytest.mark.parametrize("stem", sorted(MAKERS))
def test_two_runs_give_byte_identical_sheets(stem: str, card_data: CardData) -> None:
    make = import_module(f"kit.guide.cards.{MAKERS[stem]}").sheets
    first, second = make(card_data, "fr"), make(card_data, "fr")
    assert first.cards == second.cards and first.answers == second.answers
    assert len(first.cards) > 1_000 and len(first.answers) > 500
