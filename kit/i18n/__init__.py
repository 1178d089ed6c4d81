"""Message catalogs: every text a teen or youth worker reads, in French first and English.

Catalogs are data (`fr.yaml`, `en.yaml`), so translators never open Python. Keys are the same in every
language; `{name}` placeholders are filled by `text`. A workshop's own messages may live in a catalog
named after it (`02_consentement.fr.yaml`): one file per workshop and language, merged into the language's
catalog; a key defined twice is an error.

A message that counts something has a form per plural category instead of one text: a mapping from CLDR's
categories (`one`, `other`; French also has `many`, for millions) to texts, and the value `count` picks the
form by the language's rules. `other` is required and serves any category the message does not list; every
form has the same placeholders. French's `one` is 0 and 1 ("0 indice"), English's only 1 ("0 clues"):

    anonymat.clues:
      one: "{count} indice"
      other: "{count} indices"

A language whose words do not change with the count keeps one text (French "{count} fois"). A sentence with
two counts takes the second as a placeholder filled with another plural message. Numbers,
amounts, dates, month and day names are written by `kit.i18n.formats` (Babel, CLDR), never by catalogs.

A scenario may reword messages for its city (its `texts:` section: Québec French says "cafétéria", its
data-protection authority is not the CNIL). The session's scenario installs them with
`use_scenario_texts`; a kernel runs one workshop page, so one scenario, at a time.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

from ruamel.yaml import YAML

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Message", "catalog", "text", "use_scenario_texts"]

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]

#: A catalog's message: one text, or one text per CLDR plural category ({"one": …, "other": …}).
Message = str | dict[str, str]


@cache
def catalog(language: str) -> dict[str, Message]:
    """All messages of one language (a `KeyError` names an unknown language)."""
    if language not in LANGUAGES:
        raise KeyError(f"no catalog for language {language!r}; known: {', '.join(LANGUAGES)}")
    folder = resources.files("kit.i18n")
    files = [folder / f"{language}.yaml", *sorted((entry for entry in folder.iterdir()
                                                    if entry.name.endswith(f".{language}.yaml")),
                                                   key=lambda entry: entry.name)]
    messages: dict[str, Message] = {}
    for file in files:
        loaded = dict(YAML(typ="safe").load(file.read_text(encoding="utf-8")) or {})
        twice = sorted(set(loaded) & set(messages))
        if twice:
            raise KeyError(f"{file.name} defines again {', '.join(twice)}: each message has one catalog")
        messages.update(loaded)
    return messages


#: The session scenario's own wording: language → message key → message.
_scenario_texts: dict[str, dict[str, str]] = {}


def use_scenario_texts(texts: Mapping[str, Mapping[str, str]]) -> None:
    """Use a scenario's rewordings (message key → {language: message}) from now on, instead of the last ones."""
    _scenario_texts.clear()
    for key, translations in texts.items():
        for language, message in translations.items():
            _scenario_texts.setdefault(language, {})[key] = message


def text(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message `key` in `language` (as the session's scenario words it, if it does), placeholders filled;
    a message with plural forms takes the form of `count`."""
    message = _scenario_texts.get(language, {}).get(key) or catalog(language)[key]
    if isinstance(message, Mapping):
        # Here rather than at the top: the scenario checker, which runs in the browser without Babel, uses
        # this module but no plural message.
        from kit.i18n.formats import plural_form

        message = message.get(plural_form(values["count"], language)) or message["other"]
    return message.format(**values)
