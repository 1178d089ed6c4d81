"""The page's environment: what a page's kernel is told by the process that starts it, in variables.

`datatrail serve` (`kit.serve`) gives the room's kernels the session's scenario, its age band and the room's address;
Voilà gives each page its address's query string (`?lang=en`), and a preheated kernel waits for it
(`kit.page_env.preheat`); the static site's runner (`kit.lite`) sets the same variables in the browser's
kernel. The pages (`kit.widgets`, `kit.workshops`), `kit.load` and the scenario loader read them. Both
sides name the variables here, so that a page never imports the server that serves it.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs

from kit.i18n import AGE_BANDS, DEFAULT_AGES, DEFAULT_LANGUAGE, LANGUAGES

__all__ = ["AGES_VARIABLE", "LAUNCHER", "ROOM_URL_VARIABLE", "SCENARIO_VARIABLE", "page_variables",
           "requested_language", "room_address", "session_ages", "session_scenario"]

#: The launcher notebook, at the root of the served folder: the room's address opens it.
LAUNCHER = "accueil.ipynb"
#: Names the scenario a session's workshops use when none is given (a room or a site built for another city).
SCENARIO_VARIABLE = "DATATRAIL_SCENARIO"
#: Names the age band the facilitator chose for the session (`kit.i18n.AGE_BANDS`): "11-13" gives plain texts.
AGES_VARIABLE = "DATATRAIL_AGES"
#: How the launcher (running in a kernel) learns the address it shows as a QR code.
ROOM_URL_VARIABLE = "DATATRAIL_ROOM_URL"
#: The query string of the page's address, as Voilà hands it to the page's kernel.
_QUERY_VARIABLE = "QUERY_STRING"


def page_variables(*, scenario: str | None = None, room_address: str | None = None,
                   language: str | None = None, ages: str | None = None) -> dict[str, str]:
    """The variables that tell a page its session's scenario and age band, the room's address and the language
    it was asked in (each left out when None): for the server's environment, or the static site's kernel's own."""
    variables = {SCENARIO_VARIABLE: scenario, ROOM_URL_VARIABLE: room_address, AGES_VARIABLE: ages,
                 _QUERY_VARIABLE: None if language is None else f"lang={language}"}
    return {name: value for name, value in variables.items() if value is not None}


def session_scenario() -> str | None:
    """The scenario the session was started with (a bundled name or a path), or None: the kit's default."""
    return os.environ.get(SCENARIO_VARIABLE) or None


def session_ages() -> str:
    """The age band the session was started with (`datatrail serve --ages 11-13`), else the default one (11–17).

    A band the kit does not know (a hand-set variable) gives the default texts, as an unknown language gives
    French: the page opens in words a teen can read rather than not at all."""
    asked = os.environ.get(AGES_VARIABLE, DEFAULT_AGES)
    return asked if asked in AGE_BANDS else DEFAULT_AGES


def room_address() -> str:
    """The room's address (with its code), or "" outside a room."""
    return os.environ.get(ROOM_URL_VARIABLE, "")


def requested_language() -> str:
    """The language in the page's address (`…&lang=en`), else French.

    Voilà gives each page's kernel the query string of its address (`QUERY_STRING`), so a link can
    open a page in English with nothing stored: no cookie, no account, no preference file.
    """
    asked = parse_qs(os.environ.get(_QUERY_VARIABLE, "")).get("lang", [DEFAULT_LANGUAGE])[0]
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE
