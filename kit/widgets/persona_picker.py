"""The persona picker: a teen types a made-up nickname, taps habits, picks an age, and gets *their*
synthetic trail. Nothing is stored: the nickname only seeds the generator (see `personal_trail`, what
`kit.trail` gives a notebook). The trail is drawn from the page's own scenario object, so a click does
not look the scenario up again."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["HabitChips", "PersonaPicker"]

Trail = dict[str, pd.DataFrame]


class PersonaPicker(widgets.VBox):
    """Form + message; calls `on_trail(trail)` when the teen presses the button with a nickname."""

    def __init__(self, scenario: Scenario, *, language: str,
                 on_trail: Callable[[Trail], None]) -> None:
        self._scenario, self._on_trail = scenario, on_trail
        self.language = language
        self.title = widgets.HTML()
        self.pseudonym = widgets.Text()
        self.habits = HabitChips(scenario, language=language)
        ages = range(int(scenario.teens.ages.min), int(scenario.teens.ages.max) + 1)
        self.age = widgets.Dropdown(options=list(ages), value=int(sum(ages) / len(ages)))
        self.go = widgets.Button(button_style="primary")
        self.message = widgets.HTML()
        self._said: tuple[str, str, dict[str, str]] | None = None
        self.go.on_click(lambda _: self.submit())
        self.relabel(self.language)
        super().__init__([self.title, self.pseudonym, self.habits, self.age, self.go, self.message])

    def submit(self) -> Trail | None:
        """What the button does; returns the trail (or None when the nickname is missing)."""
        pseudonym = self.pseudonym.value.strip()
        if not pseudonym:
            self._say("picker.missing_pseudonym", role="alert")
            return None
        # Imported on the first click: a page about the city, with no double to make, never loads the engine.
        from kit.engine.pipeline import personal_trail

        trail = personal_trail(self._scenario, pseudonym=pseudonym, habits=self.habits.value, age=self.age.value)
        self._say("picker.ready", pseudonym=_escape(pseudonym))
        self._on_trail(trail)
        return trail

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        # A section of the page like the steps after it, under the workshop's <h1> (`step_header`).
        self.title.value = f"<h2>{text('picker.title', language)}</h2>"
        self.pseudonym.description = text("picker.pseudonym", language)
        self.pseudonym.placeholder = text("picker.pseudonym_placeholder", language)
        self.habits.relabel(language)
        self.age.description = text("picker.age", language)
        self.go.description = text("picker.go", language)
        if self._said is not None:
            self._say(*self._said[:2], **self._said[2])

    def _say(self, key: str, role: str = "status", **values: str) -> None:
        """The message under the button, kept so that a language switch says it again in the new language."""
        self._said = (key, role, values)
        self.message.value = f"<p role='{role}'>{text(key, self.language, **values)}</p>"


class HabitChips(widgets.VBox):
    """The scenario's habits as chips a thumb taps (one toggle button each, wrapping on a narrow screen), under
    their label; `value` is the ids of those tapped, in the scenario's order.

    Why not a multi-select list: on a phone it opens a native picker, or needs a held key to choose two.
    ipywidgets gives a toggle button no `aria-pressed`: a tapped chip says so in its own words (« ✓ Sport »),
    which screen readers read and which does not rest on colour alone (WCAG 1.4.1).
    """

    def __init__(self, scenario: Scenario, *, language: str) -> None:
        self._labels = {habit.id: habit.label for habit in scenario.teens.habits}
        self.heading = widgets.HTML()
        self.chips = {habit: widgets.ToggleButton(value=False, layout=widgets.Layout(width="auto"))  # its words, whole
                      for habit in self._labels}
        for habit, chip in self.chips.items():
            chip.add_class("datatrail-chip")  # sized by the kit's stylesheet: a 44 px tap target at least
            chip.observe(lambda _, habit=habit: self._describe(habit), names="value")
        self.relabel(language)
        super().__init__([self.heading, widgets.Box(list(self.chips.values()),
                                                    layout=widgets.Layout(flex_flow="row wrap"))])

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(habit for habit, chip in self.chips.items() if chip.value)

    @value.setter
    def value(self, habits: tuple[str, ...]) -> None:
        for habit, chip in self.chips.items():
            chip.value = habit in habits

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: the chips tapped stay tapped."""
        self._language = language
        # The group's name, seen above the chips and read just before them: an ipywidgets box has no role=group.
        self.heading.value = f"<p>{text('picker.habits', language)}</p>"
        for habit in self.chips:
            self._describe(habit)

    def _describe(self, habit: str) -> None:
        label = self._labels[habit].get(self._language, habit)
        self.chips[habit].description = f"✓ {label}" if self.chips[habit].value else label


def _escape(value: str) -> str:
    """Teens type anything: never let it become HTML."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
