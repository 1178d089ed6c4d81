"""« Les mots »: each workshop's words in plain language, one tap away on its page, in both languages."""

from __future__ import annotations

import re
from html import escape
from importlib import import_module

import pytest

from kit.i18n import LANGUAGES, catalog
from kit.widgets.glossary import Glossary
from kit.workshops import WORKSHOPS


def _page_class(entry):
    return getattr(import_module(entry.page_module), entry.page_class)


@pytest.mark.parametrize("entry", WORKSHOPS, ids=lambda entry: entry.name)
def test_every_word_of_a_workshops_glossary_is_explained_in_every_language(entry) -> None:
    for word in _page_class(entry).words:
        for language in LANGUAGES:
            assert catalog(language)[f"glossary.{word}.term"] and catalog(language)[f"glossary.{word}.plain"], word


@pytest.mark.parametrize("stem", ["03_profilage", "04_anonymat"])
def test_workshops_3_and_4_show_their_words_under_the_title_and_in_the_switched_language(stem: str,
                                                                                         workshop_page) -> None:
    page = workshop_page(stem)
    glossary = next(part for part in page.start().children if isinstance(part, Glossary))
    assert glossary.words == page.words and len(page.words) >= 6
    assert "<summary" in glossary.value and "Les mots</summary>" in glossary.value
    assert all(escape(catalog("fr")[f"glossary.{word}.plain"], quote=False) in glossary.value for word in page.words)
    page.language.value = "en"
    assert "Words</summary>" in glossary.value
    assert all(escape(catalog("en")[f"glossary.{word}.plain"], quote=False) in glossary.value for word in page.words)


def test_the_glossary_is_a_disclosure_a_finger_can_hit_and_a_keyboard_can_open() -> None:
    """`<details>`/`<summary>`: the browser makes it focusable, opens it with Enter or Space and tells screen
    readers whether it is expanded; nothing is loaded from elsewhere."""
    value = Glossary(["segment", "k_anonymity"], language="fr").value
    summary = re.search(r'<summary style="([^"]*)">', value).group(1)
    assert "min-height: 44px" in summary and "min-width: 44px" in summary
    assert value.startswith("<details") and value.endswith("</details>")
    assert value.count("<dt>") == 2 and "k-anonymat" in value and "le groupe où la pub te range" in value.lower()
    assert not re.search(r"(src|href)=|https?:", value)
