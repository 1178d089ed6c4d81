"""The FR/EN switch shared by every component of a workshop page, and the language a page was asked in."""

from __future__ import annotations

import os
from urllib.parse import parse_qs

import ipywidgets as widgets

from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES, text

__all__ = ["language_switch", "requested_language"]


def requested_language() -> str:
    """The language in the page's address (`…&lang=en`), else French.

    Voilà gives each page's kernel the query string of its address (`QUERY_STRING`), so a link can
    open a page in English with nothing stored: no cookie, no account, no preference file.
    """
    asked = parse_qs(os.environ.get("QUERY_STRING", "")).get("lang", [DEFAULT_LANGUAGE])[0]
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def language_switch(value: str = DEFAULT_LANGUAGE) -> widgets.ToggleButtons:
    """Toggle buttons whose `value` is the language code; components observe it to redraw.

    Labelled in every language (French first), since whoever needs the switch may not read the page's
    language yet; each button's tooltip names its language in full ("FR" alone is a cryptic name for a
    screen reader). The label's tooltip is set too: left empty, ipywidgets shows the word "null".
    """
    label = " / ".join(text("language.label", code) for code in LANGUAGES)
    return widgets.ToggleButtons(options=[(code.upper(), code) for code in LANGUAGES], value=value,
                                 description=label, tooltip=label,
                                 tooltips=[text("language.name", code) for code in LANGUAGES],
                                 style={"button_width": "3.5em", "description_width": "initial"})
