"""A letter asking an app's company for a copy of one's data (the right of access, article 15 of the GDPR),
in the spirit of the CNIL's model letter but in the kit's own words: the screen offers it for the teen's
apps (`kit.widgets.rights_letter`), the guide's handouts print it with blanks.

The teen is never asked their real name: the letter keeps bracketed blanks ("[ton prénom et ton nom]") to
fill in by hand once printed. Only the (made-up) app and company come from the scenario.
"""

from __future__ import annotations

import html

from kit.i18n import text
from kit.scenario.model import App

__all__ = ["letter_html"]

#: The letter's paragraphs, in order (catalog keys under `consentement.letter.`); `asks` is a list.
_PARAGRAPHS = ("sender", "recipient", "place_date", "subject", "greeting", "body", "asks", "deadline", "closing",
               "signature")
_ASKS = ("copy", "purposes", "recipients", "retention", "source")


def letter_html(app: App | None, *, language: str = "fr") -> str:
    """The letter as an HTML fragment, for the page; with no app, blanks to fill in (the printed handout)."""
    if app is None:
        values = {"app": text("consentement.letter.any_app", language),
                  "company": text("consentement.letter.any_company", language)}
    else:
        values = {"app": html.escape(app.name), "company": html.escape(app.company)}
    parts = []
    for paragraph in _PARAGRAPHS:
        if paragraph == "asks":
            items = "".join(f"<li>{text(f'consentement.letter.ask_{ask}', language)}</li>" for ask in _ASKS)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{text(f'consentement.letter.{paragraph}', language, **values)}</p>")
    return "".join(parts)
