"""Every catalog says everything, in plain, well-formed text (like Faker's per-locale checks)."""

from __future__ import annotations

import re
import string

import pytest

from kit import i18n
from kit.i18n import LANGUAGES, catalog, text


def _placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_language_has_the_same_keys() -> None:
    keys = {language: set(catalog(language)) for language in LANGUAGES}
    assert all(found == keys["fr"] for found in keys.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_are_not_empty_nor_double_spaced(language: str) -> None:
    for key, message in catalog(language).items():
        assert message.strip() == message and message, key
        assert not re.search(r"\s{2}", message), key


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_translations_keep_the_same_placeholders(language: str) -> None:
    for key, message in catalog("fr").items():
        assert _placeholders(catalog(language)[key]) == _placeholders(message), key


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
