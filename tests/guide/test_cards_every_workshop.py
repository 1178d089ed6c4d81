"""What every workshop's cards share: each language fully written (no placeholder, no catalog key, the how-to
line), and the same sheets from the same scenario and seed, so that a key printed last week still matches."""

from __future__ import annotations

import pytest
from sheet_text import words

from kit.guide.cards import CardData, sheets_maker
from kit.i18n import LANGUAGES, text
from kit.workshops import available_workshops, workshop


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stem", available_workshops())
def test_every_word_is_written_in_the_language(stem: str, language: str, card_data: CardData) -> None:
    made = sheets_maker(stem)(card_data, language)
    for html in (made.cards, made.answers):
        seen = words(html)
        assert "{" not in seen and "}" not in seen and "None" not in seen
        assert f"cards.{workshop(stem).name}." not in seen
    assert text("cards.cut", language) in words(made.cards)


@pytest.mark.parametrize("stem", available_workshops())
def test_two_runs_give_byte_identical_sheets_and_each_language_its_own(stem: str, card_data: CardData) -> None:
    make = sheets_maker(stem)
    first, second = make(card_data, "fr"), make(card_data, "fr")
    assert first.cards == second.cards and first.answers == second.answers
    assert len(first.cards) > 1_000 and len(first.answers) > 500
    assert make(card_data, "en").cards != first.cards
