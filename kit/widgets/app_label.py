"""The apps' ethical labels, A to E (rubric in `kit.analysis.app_label`): pick an app, see the points the kit
suggests for each criterion, change the ones the group disagrees with, and watch its label and every app's
label follow. The group's points live in this widget only; it is kept across language switches.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from kit.analysis.app_label import (
    CRITERIA,
    MAX_POINTS,
    app_points,
    label,
    rated_apps,
    sent_outside,
)
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["LETTER_COLOURS", "AppLabels", "letter_badge"]

#: Okabe–Ito colours from best to worst; the letter is always written too, so colour is never the only cue.
LETTER_COLOURS = {"A": "#009E73", "B": "#56B4E9", "C": "#F0E442", "D": "#E69F00", "E": "#D55E00"}


def letter_badge(letter: str) -> str:
    """The label as a coloured square with its letter, black on the colour (readable on all five)."""
    return (f"<span style='display:inline-block;min-width:1.6em;text-align:center;font-weight:bold;color:#000;"
            f"background:{LETTER_COLOURS[letter]};border-radius:4px'>{letter}</span>")


class AppLabels(widgets.VBox):
    """A choice of app, one control per criterion, the app's label, and the list of every app's label."""

    def __init__(self, scenario: Scenario, *, language: str) -> None:
        self._scenario = scenario
        self._apps = {app.id: app for app in rated_apps(scenario)}
        #: The group's points per app and criterion: the kit's suggestion until they change one.
        self.points = {app.id: app_points(app, scenario) for app in self._apps.values()}
        self.app = widgets.Dropdown(options=[(app.name, app.id) for app in self._apps.values()],
                                    style={"description_width": "initial"})
        self.criteria = {criterion: widgets.Dropdown(style={"description_width": "initial"})
                         for criterion in CRITERIA}
        self.facts, self.result, self.summary = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self._language = language
        self._loading = False
        self.relabel(language)
        self.app.observe(lambda _: self._load(), names="value")
        for criterion, control in self.criteria.items():
            control.observe(lambda change, criterion=criterion: self._adjust(criterion, change["new"]), names="value")
        super().__init__([self.app, self.facts, *self.criteria.values(), self.result, self.summary])

    @property
    def labels(self) -> list[tuple[str, str]]:
        """(app name, letter) for every app, with the group's points."""
        return [(app.name, label(self.points[app.id])) for app in self._apps.values()]

    def relabel(self, language: str) -> None:
        self._language = language
        self.app.description = text("charte.choose_app", language)
        self._load()

    def _load(self) -> None:
        """The chosen app's points into the controls (without counting that as the group's change)."""
        language, points = self._language, self.points[self.app.value]
        self._loading = True
        for criterion, control in self.criteria.items():
            control.description = text(f"charte.criterion.{criterion}", language)
            control.options = [(f"{value} — {text(f'charte.criterion.{criterion}.{value}', language)}", value)
                               for value in (2, 1, 0)]
            control.value = points[criterion]
        self._loading = False
        app = self._apps[self.app.value]
        self.facts.value = "<p>" + text("charte.app_facts", language, trackers=len(app.trackers),
                                        outside=sent_outside(app, self._scenario)) + "</p>"
        self._show()

    def _adjust(self, criterion: str, value: int) -> None:
        if not self._loading:
            self.points[self.app.value][criterion] = value
            self._show()

    def _show(self) -> None:
        language, points = self._language, self.points[self.app.value]
        letter = label(points)
        self.result.value = "<p aria-live='polite'>" + letter_badge(letter) + " " + text(
            "charte.app_label", language, app=html.escape(self._apps[self.app.value].name), label=letter,
            points=sum(points.values()), max=MAX_POINTS) + "</p>"
        rows = "".join(f"<li>{letter_badge(letter)} {text('charte.label_row', language, app=html.escape(name), label=letter)}</li>"
                       for name, letter in self.labels)
        self.summary.value = f"<h3>{text('charte.labels_title', language)}</h3><ul style='list-style:none;padding:0'>{rows}</ul>"
