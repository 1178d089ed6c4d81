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

The default texts are written for 11–17-year-olds. A facilitator may choose a younger age band for a session
(`datatrail serve --ages 11-13`): its override catalogs (`plain/03_profilage.fr.yaml`…) reword some messages in
shorter sentences and everyday words, and `use_ages` installs them. An override may only reword a message the
default catalogs have, with no placeholder the default message lacks (`age_catalog` checks it), so that a typo
in a key cannot leave the default text on screen unnoticed, nor a value the page does not give break a teen's
page. It may leave a placeholder out: a plain text says less (the price per ad, not also per thousand).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

from ruamel.yaml import YAML

from kit.errors import KitError, Problem

__all__ = ["AGE_BANDS", "DEFAULT_AGES", "DEFAULT_LANGUAGE", "LANGUAGES", "Message", "age_catalog", "catalog",
           "placeholders", "text", "use_ages", "use_scenario_texts"]

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]

#: A catalog's message: one text, or one text per CLDR plural category ({"one": …, "other": …}).
Message = str | dict[str, str]

#: The age bands a facilitator can choose for a session, each with the folder of `kit/i18n` whose catalogs
#: reword some messages for it (None: the default texts, written for 11–17).
AGE_BANDS: dict[str, str | None] = {"11-17": None, "11-13": "plain"}
DEFAULT_AGES = "11-17"


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


def placeholders(message: Message) -> set[str]:
    """The `{names}` a message's texts use (all its plural forms together)."""
    forms = message.values() if isinstance(message, Mapping) else [message]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


@cache
def age_catalog(ages: str, language: str) -> dict[str, Message]:
    """The messages the age band `ages` rewords in `language` (none for the default band); a `KeyError` names
    an unknown band. A `KitError` names the file and line of a key the default catalogs lack, or of a
    rewording with a placeholder the default message lacks."""
    if ages not in AGE_BANDS:
        raise KeyError(f"no age band {ages!r}; known: {', '.join(AGE_BANDS)}")
    folder = AGE_BANDS[ages]
    if folder is None:
        return {}
    default = catalog(language)
    messages: dict[str, Message] = {}
    problems = []
    for file in sorted((entry for entry in (resources.files("kit.i18n") / folder).iterdir()
                        if entry.name.endswith(f".{language}.yaml")), key=lambda entry: entry.name):
        loaded = YAML().load(file.read_text(encoding="utf-8")) or {}  # round-trip: it knows each key's line
        for key, message in loaded.items():
            where = {"file": Path(str(file)), "line": loaded.lc.key(key)[0] + 1, "field": key}
            if key not in default:
                problems.append(Problem(**where, expected=f"a key of the default {language} catalogs",
                                        hint="correct the key, or remove this rewording"))
                continue
            unknown = placeholders(message) - placeholders(default[key])
            if unknown:
                problems.append(Problem(**where, found=", ".join(sorted(unknown)), expected="only the default "
                                        "message's placeholders: " + (", ".join(sorted(placeholders(default[key])))
                                                                      or "none"),
                                        hint="use the {names} of the default message, or fewer"))
            messages[key] = dict(message) if isinstance(message, Mapping) else str(message)
    if problems:
        raise KitError(problems)
    return messages


#: The session scenario's own wording: language → message key → message.
_scenario_texts: dict[str, dict[str, str]] = {}
#: The session's age band (`use_ages`).
_session = {"ages": DEFAULT_AGES}


def use_ages(ages: str) -> None:
    """Use the age band `ages`'s rewordings from now on (`DEFAULT_AGES`: none); a `KeyError` names an unknown band."""
    for language in LANGUAGES:
        age_catalog(ages, language)  # a mistake in an override catalog shows when the page opens, not mid-step
    _session["ages"] = ages


def use_scenario_texts(texts: Mapping[str, Mapping[str, str]]) -> None:
    """Use a scenario's rewordings (message key → {language: message}) from now on, instead of the last ones."""
    _scenario_texts.clear()
    for key, translations in texts.items():
        for language, message in translations.items():
            _scenario_texts.setdefault(language, {})[key] = message


def text(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message `key` in `language` (as the session's scenario words it, else as its age band does, if they
    do), placeholders filled; a message with plural forms takes the form of `count`.

    The city's wording comes first: it carries the city's facts (Québec's law, not the GDPR), which a plain
    rewording written for the default city would contradict."""
    message = (_scenario_texts.get(language, {}).get(key) or age_catalog(_session["ages"], language).get(key)
               or catalog(language)[key])
    if isinstance(message, Mapping):
        # Here rather than at the top: the scenario checker, which runs in the browser without Babel, uses
        # this module but no plural message.
        from kit.i18n.formats import plural_form

        message = message.get(plural_form(values["count"], language)) or message["other"]
    return message.format(**values)
