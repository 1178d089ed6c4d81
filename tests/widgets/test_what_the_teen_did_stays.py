"""What a teen did on one step is never lost by what happens on another: for every workshop, act on every
step (each box ticked, each list moved, each text typed), then switch language, then change each step's
input in turn; every other step keeps its widgets, its values and its drawing.

Generic on purpose: a step or a component added tomorrow is covered without a line here.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module

import ipywidgets as widgets
import pytest
from traitlets import EventHandler

from kit.workshops import WORKSHOPS
from kit.workshops.page import Workshop

INPUTS = (widgets.Checkbox, widgets.Dropdown, widgets.RadioButtons, widgets.ToggleButtons, widgets.Text,
          widgets.Textarea, widgets.BoundedIntText, widgets.SelectMultiple)


def _inputs(parts: list) -> Iterator[widgets.Widget]:
    for part in parts:
        if isinstance(part, INPUTS):
            yield part
        elif isinstance(part, widgets.Box):
            yield from _inputs(list(part.children))


def _change(control: widgets.Widget) -> bool:
    """Moves one input as a teen would; False when it has nothing else to offer."""
    if isinstance(control, widgets.Checkbox):
        control.value = not control.value
    elif isinstance(control, widgets.SelectMultiple):
        if not control.options:
            return False
        control.value = () if control.value else (_values(control)[0],)
    elif isinstance(control, (widgets.Dropdown, widgets.RadioButtons, widgets.ToggleButtons)):
        others = [value for value in _values(control) if value != control.value]
        if not others:
            return False
        control.value = others[-1]
    elif isinstance(control, widgets.BoundedIntText):
        control.value = control.value + 5 if control.value + 5 <= control.max else control.min
    else:
        control.value += " et nous"
    return True


def _values(control: widgets.Widget) -> list:
    return [option[1] if isinstance(option, tuple) else option for option in control.options]


def _state(page: Workshop) -> dict[str, list]:
    """Per step: its input widgets and what they hold, and the list of parts it shows."""
    return {prefix: [(id(control), control.value) for control in _inputs(parts)] for prefix, parts in page.shown.items()}


def _act_on_every_step(page: Workshop) -> None:
    for prefix in list(page.shown):
        for control in list(_inputs(page.shown[prefix])):
            if control in set(_inputs(page.shown[prefix])):  # an earlier change may have replaced it
                _change(control)


@pytest.fixture(scope="module", params=WORKSHOPS, ids=lambda entry: entry.name)
def acted(request, workshop_page) -> Workshop:
    entry = request.param
    asks = getattr(import_module(entry.page_module), entry.page_class).asks_for_double
    page = workshop_page(entry.stem, double="lune42" if asks else None, habits=("sporty",))
    _act_on_every_step(page)
    return page


def test_every_step_gives_the_teen_something_to_do_or_to_read(acted: Workshop) -> None:
    assert all(parts for parts in acted.shown.values())
    assert sum(len(list(_inputs(parts))) for parts in acted.shown.values()) >= 2


def test_a_language_switch_keeps_every_widget_and_value_and_relabels_them(acted: Workshop) -> None:
    before = _state(acted)
    acted.language.value = "en"
    try:
        assert _state(acted) == before
    finally:
        acted.language.value = "fr"
    assert _state(acted) == before


def test_changing_one_steps_input_leaves_every_other_step_as_it_was(acted: Workshop) -> None:
    changed = 0
    for prefix in list(acted.shown):
        for control in list(_inputs(acted.shown[prefix])):
            before_state, before_parts = _state(acted), {name: parts for name, parts in acted.shown.items()}
            if control not in set(_inputs(acted.shown[prefix])) or not _change(control):
                continue
            changed += 1
            for other in acted.shown:
                if other != prefix and not _follows(acted, prefix, other):
                    assert acted.shown[other] is before_parts[other], f"{other} redrawn for a change in {prefix}"
                    assert _state(acted)[other] == before_state[other], f"{other} lost what the teen did"
    assert changed >= 2


def test_nothing_but_the_page_listens_to_the_language_switch(acted: Workshop) -> None:
    """A component made again must not leave its old self listening (and redrawing) behind."""
    listeners = acted.language._trait_notifiers["value"]["change"]
    assert len([listener for listener in listeners if not isinstance(listener, EventHandler)]) == 1


def _follows(page: Workshop, changed: str, other: str) -> bool:
    """Steps that show what an earlier step's input decides (the receipt follows the banners' answers)."""
    return (changed, other) in {("consentement.step1", "consentement.step2"), ("cantine.step2", "cantine.step3")}
