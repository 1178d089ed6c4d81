"""The FR/EN switch shared by every component of a workshop page."""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES, text

__all__ = ["language_switch"]


def language_switch(value: str = DEFAULT_LANGUAGE) -> widgets.ToggleButtons:
    """Toggle buttons whose `value` is the language code; components observe it to redraw."""
    return widgets.ToggleButtons(options=[(code.upper(), code) for code in LANGUAGES], value=value,
                                 description=text("language.label", value),
                                 style={"button_width": "3.5em"})
