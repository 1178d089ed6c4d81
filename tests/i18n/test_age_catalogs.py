"""The plain texts for 11–13-year-olds (`kit/i18n/plain/`): they only reword messages the default catalogs
have, in both languages, with the same placeholders; and a mistake in one names its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit import i18n
from kit.errors import KitError
from kit.i18n import AGE_BANDS, DEFAULT_AGES, LANGUAGES, age_catalog, catalog, placeholders, text, use_ages

PLAIN = "11-13"


@pytest.fixture
def plain():
    """The plain texts on for one test, the default ones after it."""
    use_ages(PLAIN)
    yield
    use_ages(DEFAULT_AGES)


def _forms(message) -> list[str]:
    return list(message.values()) if isinstance(message, dict) else [message]


@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_texts_only_reword_known_messages_with_their_placeholders(language: str) -> None:
    plain, default = age_catalog(PLAIN, language), catalog(language)
    assert plain
    for key, message in plain.items():
        assert key in default, key
        assert placeholders(message) <= placeholders(default[key]), key
        if isinstance(message, dict):
            assert "other" in message and "count" in placeholders(message), key
        for form in _forms(message):
            assert form.strip() == form and form and not re.search(r"\s{2}", form), key


def test_plain_texts_reword_the_same_messages_with_the_same_placeholders_in_every_language() -> None:
    plain = {language: age_catalog(PLAIN, language) for language in LANGUAGES}
    assert all(set(messages) == set(plain["fr"]) for messages in plain.values())
    for key, message in plain["fr"].items():
        assert all(placeholders(messages[key]) == placeholders(message) for messages in plain.values()), key


@pytest.mark.parametrize("stem", ["03_profilage", "04_anonymat"])
def test_every_step_of_workshops_3_and_4_has_a_plain_explanation(stem: str) -> None:
    name = stem.split("_", 1)[1]
    for language in LANGUAGES:
        plain = age_catalog(PLAIN, language)
        assert f"workshop.{stem}.text" in plain
        assert all(f"{name}.step{step}.text" in plain for step in (1, 2, 3)), language


#: The longest sentence a plain text may have, in words (a placeholder counts as one). The default texts have
#: sentences of 38 to 46 words; an 11-year-old reading on a phone loses the thread of those.
LONGEST_PLAIN_SENTENCE = 25


@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_sentences_are_short_where_the_default_ones_are_long(language: str) -> None:
    def longest_sentence(messages: list[str]) -> int:
        return max(len(sentence.split()) for message in messages for sentence in re.split(r"[.!?](?:\s|$)", message))

    plain, default = age_catalog(PLAIN, language), catalog(language)
    assert longest_sentence([form for message in plain.values() for form in _forms(message)]) <= LONGEST_PLAIN_SENTENCE
    assert longest_sentence([form for key in plain for form in _forms(default[key])]) > LONGEST_PLAIN_SENTENCE


def test_plain_texts_leave_no_threshold_nor_narrowing_scale_unexplained() -> None:
    """The words the issue names, as the plain texts write them: « seuil » became « limite », the log scale says
    what it does, and a segment or an antenna code is explained where the teen first meets it."""
    fr = age_catalog(PLAIN, "fr")
    everything = " ".join(form for message in fr.values() for form in _forms(message))
    assert "seuil" not in everything and "enchères express" in everything
    assert "limite" in fr["profilage.chart.threshold"]
    assert "de 1 à 10" in fr["anonymat.guess.axis"]
    assert "« segments »" in fr["profilage.step1.text"] and "r003c004" in fr["anonymat.step1.text"]
    assert "k est un nombre" in fr["anonymat.step3.text"]


def test_the_session_band_picks_the_texts_and_the_default_band_rewords_nothing(plain) -> None:
    assert text("profilage.chart.threshold", "fr", threshold="60 %") == "limite : 60 %"
    assert text("profilage.chart.threshold", "en", threshold="60%") == "limit: 60%"
    assert text("profilage.in", "fr") == catalog("fr")["profilage.in"]  # not reworded: the default text
    use_ages(DEFAULT_AGES)
    assert AGE_BANDS[DEFAULT_AGES] is None and age_catalog(DEFAULT_AGES, "fr") == {}
    assert text("profilage.chart.threshold", "fr", threshold="60 %") == "seuil : 60 %"


def test_a_citys_rewording_comes_before_the_plain_one(plain) -> None:
    i18n.use_scenario_texts({"profilage.chart.threshold": {"fr": "palier : {threshold}"}})
    try:
        assert text("profilage.chart.threshold", "fr", threshold="60 %") == "palier : 60 %"
    finally:
        i18n.use_scenario_texts({})


def test_an_unknown_band_is_named() -> None:
    with pytest.raises(KeyError, match="no age band '8-10'; known: 11-17, 11-13"):
        use_ages("8-10")


def test_a_rewording_of_an_unknown_key_or_with_an_unknown_placeholder_names_its_file_and_line(tmp_path: Path,
                                                                                        monkeypatch) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "fr.yaml").write_text('picker.go: "C\'est parti, {pseudonym} !"\n', encoding="utf-8")
    (tmp_path / "plain" / "01_ma_journee.fr.yaml").write_text(
        '# a comment\npicker.goo: "Vas-y"\npicker.go: "Vas-y, {name} !"\n', encoding="utf-8")
    monkeypatch.setattr(i18n.resources, "files", lambda package: tmp_path)
    catalog.cache_clear()
    age_catalog.cache_clear()
    try:
        with pytest.raises(KitError) as raised:
            age_catalog(PLAIN, "fr")
        first, second = raised.value.problems
        assert (first.file.name, first.line, first.field) == ("01_ma_journee.fr.yaml", 2, "picker.goo")
        assert (second.line, second.field, second.found) == (3, "picker.go", "name")
        assert "pseudonym" in second.expected
    finally:
        catalog.cache_clear()
        age_catalog.cache_clear()
