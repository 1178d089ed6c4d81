"""What a guide quotes from the screen is on the screen: a youth worker who reads « appuie sur “Vérifier” » and
finds no such button loses the thread in front of the group.

A guide marks screen text as bold quotes, `**« Vérifier »**` in French and `**"Check"**` in English; speech,
teens' words and quotes from studies stay plain. Each marked quote must appear in a message of the workshop's
catalogs (its screen, its paper cards, the kit's shared messages, the group screen) in the guide's language.
A value that changes from one teen to another is written « … » in the guide, as a placeholder `{…}` is in the
catalog; both match any text.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
from ruamel.yaml import YAML

from kit.guide.sources import guides_root
from kit.i18n import LANGUAGES
from kit.workshops import available_workshops

#: The bold quotes that mark screen text, per guide language.
_SCREEN_QUOTE = {"fr": re.compile(r"\*\*«\s*(.+?)\s*»\*\*"), "en": re.compile(r'\*\*"(.+?)"\*\*')}
#: A guide that names fewer of its screen's words than this does not walk the teen through the screen.
_FEWEST_QUOTES = 3
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"<[^>]+>")
_VARIABLE = "\x00"


def _plain(text: str) -> str:
    """Spaces, apostrophes and quotation marks as a reader compares them, not as typography wrote them."""
    text = text.replace("\u2019", "'").replace("\u202f", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _catalog_texts(stem: str, language: str) -> list[str]:
    """Every text of the catalogs a workshop's screen and cards read, placeholders as one marker."""
    topic = stem.split("_", 1)[1]
    folder = resources.files("kit.i18n")
    wanted = {f"{language}.yaml", f"group.{language}.yaml", f"{stem}.{language}.yaml",
              f"cards_{topic}.{language}.yaml"}
    texts = []
    for entry in folder.iterdir():
        if entry.name in wanted:
            for message in (YAML(typ="safe").load(entry.read_text(encoding="utf-8")) or {}).values():
                forms = message.values() if isinstance(message, dict) else [message]
                texts += [_plain(_PLACEHOLDER.sub(_VARIABLE, _TAG.sub(" ", form))) for form in forms]
    return texts


def _on_screen(quote: str, texts: list[str]) -> bool:
    pieces = [re.escape(_plain(piece)) for piece in quote.split("…")]
    pattern = re.compile(".*?".join(pieces))
    return any(pattern.search(text) for text in texts)


def _quotes(stem: str, language: str) -> list[tuple[int, str]]:
    lines = (guides_root() / language / f"{stem}.md").read_text(encoding="utf-8").splitlines()
    return [(number, quote) for number, line in enumerate(lines, start=1)
            for quote in _SCREEN_QUOTE[language].findall(line)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stem", available_workshops())
def test_every_screen_text_a_guide_quotes_is_in_its_workshop_catalogs(stem: str, language: str) -> None:
    quotes = _quotes(stem, language)
    texts = _catalog_texts(stem, language)
    missing = [f"{language}/{stem}.md:{number}: {quote}" for number, quote in quotes if not _on_screen(quote, texts)]
    assert not missing, "screen text quoted by the guide but on no screen:\n" + "\n".join(missing)
    assert len(quotes) >= _FEWEST_QUOTES, f"{language}/{stem}.md marks {len(quotes)} screen texts as bold quotes"


def test_a_quote_of_a_text_no_screen_shows_is_found() -> None:
    texts = _catalog_texts("01_ma_journee", "fr")
    assert not _on_screen("Un bouton que personne n'a écrit", texts)
    assert _on_screen("C'est … parti", ["C'est bien parti"]) and _on_screen("Il reste … repas", [f"Il reste {_VARIABLE} repas"])
