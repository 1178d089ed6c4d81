"""Checks of a scenario's `texts:` section, where a city rewords some of the kit's messages.

A rewording must name a message that exists, in a language of the scenario, and keep the message's
placeholders ({name}): a missing one would leave a blank in a teen's page, an unknown one would crash it.
"""

from __future__ import annotations

import string
from collections.abc import Callable

from kit.i18n import LANGUAGES, Message, catalog
from kit.scenario.model import Scenario

__all__ = ["check_texts"]


def check_texts(scenario: Scenario, report: Callable[..., None]) -> None:
    for key, translations in scenario.texts.items():
        where = f"texts.{key}"
        if key not in catalog(LANGUAGES[0]):
            report(where, "le nom d'un message du kit / the name of one of the kit's messages", found=key,
                   hint="copie le nom depuis kit/i18n/*.yaml / copy the name from kit/i18n/*.yaml")
            continue
        for language, message in translations.items():
            if language not in LANGUAGES or language not in scenario.meta.languages:
                report(f"{where}.{language}", f"une langue du scénario / a language of the scenario: "
                       f"{', '.join(scenario.meta.languages)}", found=language)
                continue
            expected, found = _placeholders(catalog(language)[key]), _placeholders(message)
            if found != expected:
                report(f"{where}.{language}", "les mêmes {…} que le message du kit / the same {…} as the kit's "
                       f"message: {', '.join(sorted(expected)) or '(aucun / none)'}",
                       found=", ".join(sorted(found)) or "(aucun / none)",
                       hint="garde chaque {nom} tel quel / keep each {name} as it is")


def _placeholders(message: Message) -> set[str]:
    """The placeholders of a message, of all its forms if it has plural forms."""
    forms = message.values() if isinstance(message, dict) else [message]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}
