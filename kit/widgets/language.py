"""The FR/EN switch shared by every component of a workshop page, and the language a page was asked in."""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES, text
from kit.page_env import requested_language
from kit.page_env.preheat import preheated, when_requested

__all__ = ["language_switch", "page_language_switch"]


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


def page_language_switch() -> widgets.ToggleButtons:
    """The switch, set to the language the page was asked in, even in a preheated kernel.

    Once a workshop has been opened, `datatrail serve` keeps a kernel that has already run the page before the
    next teen asks for it (Voilà's preheated kernels), so the address is not known yet: the switch starts in
    French and turns to the asked language once Voilà hands the kernel the teen's request; whatever observes
    the switch redraws. Voilà does so before sending the page, so the teen's browser, loading the page's code,
    finds the widgets already in their language.
    """
    switch = language_switch(requested_language())
    if preheated():
        when_requested(lambda: setattr(switch, "value", requested_language()))
    return switch

