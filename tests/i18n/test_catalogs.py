"""Every catalog says everything, in plain, well-formed text (like Faker's per-locale checks)."""

from __future__ import annotations

import re
import string

import pytest
from babel import Locale

from kit import i18n
from kit.i18n import LANGUAGES, Message, catalog, text


def _forms(message: Message) -> list[str]:
    """A message's texts: its one text, or its plural forms."""
    return list(message.values()) if isinstance(message, dict) else [message]


def _placeholders(message: Message) -> set[str]:
    return {name for form in _forms(message) for _, name, _, _ in string.Formatter().parse(form) if name}


def test_every_language_has_the_same_keys() -> None:
    keys = {language: set(catalog(language)) for language in LANGUAGES}
    assert all(found == keys["fr"] for found in keys.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_are_not_empty_nor_double_spaced(language: str) -> None:
    for key, message in catalog(language).items():
        for form in _forms(message):
            assert form.strip() == form and form, key
            assert not re.search(r"\s{2}", form), key


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_translations_keep_the_same_placeholders(language: str) -> None:
    for key, message in catalog("fr").items():
        assert _placeholders(catalog(language)[key]) == _placeholders(message), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_the_languages_forms_and_the_same_placeholders_in_each(language: str) -> None:
    categories = Locale.parse(language).plural_form.tags | {"other"}
    plurals = {key: message for key, message in catalog(language).items() if isinstance(message, dict)}
    assert plurals
    for key, forms in plurals.items():
        assert "other" in forms and set(forms) <= categories, key
        assert all(_placeholders(form) == _placeholders(forms["other"]) for form in forms.values()), key
        assert "count" in _placeholders(forms["other"]), key


def test_the_count_picks_the_form_by_each_languages_rules() -> None:
    assert [text("anonymat.clues", "fr", count=count) for count in (0, 1, 2)] == ["0 indice", "1 indice", "2 indices"]
    assert [text("anonymat.clues", "en", count=count) for count in (0, 1, 2)] == ["0 clues", "1 clue", "2 clues"]
    assert text("anonymat.guess.left", "en", clues=text("anonymat.clues", "en", count=1), count=1) == \
        "With 1 clue, 1 person is left."


def test_no_message_writes_a_plural_by_hand() -> None:
    for language in LANGUAGES:
        for key, message in catalog(language).items():
            assert not [form for form in _forms(message) if re.search(r"\w\((s|e|es|ies)\)", form)], key


def test_text_fills_placeholders_and_defaults_to_french() -> None:
    assert text("picker.ready", pseudonym="lune42").startswith("Voici la trace de données de lune42")
    assert "lune42's data trail" in text("picker.ready", "en", pseudonym="lune42")


def test_a_workshop_catalog_joins_its_language_and_may_not_redefine_a_key(tmp_path, monkeypatch) -> None:
    (tmp_path / "fr.yaml").write_text('picker.go: "C\'est parti !"\n', encoding="utf-8")
    (tmp_path / "02_consentement.fr.yaml").write_text('banner.accept: "Tout accepter"\n', encoding="utf-8")
    monkeypatch.setattr(i18n.resources, "files", lambda package: tmp_path)
    catalog.cache_clear()
    try:
        assert catalog("fr") == {"picker.go": "C'est parti !", "banner.accept": "Tout accepter"}
        (tmp_path / "03_profilage.fr.yaml").write_text('picker.go: "Go"\n', encoding="utf-8")
        catalog.cache_clear()
        with pytest.raises(KeyError, match="03_profilage.fr.yaml defines again picker.go"):
            catalog("fr")
    finally:
        catalog.cache_clear()
