"""Workshop 1, "Ma journée en données": the page's parts, wired to one language switch and one trail.

The notebook stays thin — one call per step — and every step redraws itself when the teen creates
their double or switches language. Until then each step says what to do first.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from kit.i18n import text
from kit.scenario import load_scenario
from kit.widgets.guess import GuessCard
from kit.widgets.language import page_language_switch
from kit.widgets.persona_picker import PersonaPicker
from kit.widgets.plain_figure import as_widget
from kit.widgets.sobriety import SobrietyPanel
from kit.widgets.steps import step_header
from kit.widgets.timeline import day_timeline, describe_day
from kit.widgets.trackers import describe_trackers, tracker_sankey

__all__ = ["DayInData"]

Trail = dict[str, pd.DataFrame]
Draw = Callable[[Trail, str], list]


class DayInData:
    """One object per page: `start()` then `step_day()`, `step_trackers()`, `step_guess()`, `step_sobriety()`."""

    def __init__(self, scenario: str = "nantes") -> None:
        self.scenario = load_scenario(scenario)
        self.language = page_language_switch()
        self.trail: Trail | None = None
        self._steps: list[tuple[str, widgets.VBox, Draw]] = []
        #: What each step shows now (by catalog prefix): lets tests and notebooks inspect the page.
        self.shown: dict[str, list] = {}
        self.picker = PersonaPicker(self.scenario, language=self.language, on_trail=self._receive,
                                    scenario_name=scenario)
        self.language.observe(lambda _: self._redraw(), names="value")

    def start(self) -> widgets.VBox:
        return widgets.VBox([self.language, step_header("workshop.01_ma_journee", self.language), self.picker])

    def step_day(self) -> widgets.VBox:
        days = widgets.Dropdown(options=list(self.scenario.meta.period.dates))

        def draw(trail: Trail, language: str) -> list:
            days.description = text("ma_journee.step1.day", language)
            return [days, day_timeline(trail, self.scenario, days.value, language=language),
                    widgets.HTML(f"<p>{describe_day(trail, self.scenario, days.value, language=language)}</p>")]

        step = self._step("ma_journee.step1", draw)
        days.observe(lambda _: self._redraw(), names="value")
        return step

    def step_trackers(self) -> widgets.VBox:
        return self._step("ma_journee.step2", lambda trail, language: [
            tracker_sankey(trail, self.scenario, language=language),
            widgets.HTML(f"<p>{describe_trackers(trail, self.scenario, language=language)}</p>")])

    def step_guess(self) -> widgets.VBox:
        return self._step("ma_journee.step3", lambda trail, language: [
            GuessCard(trail, self.scenario, language=self.language)])

    def step_sobriety(self) -> widgets.VBox:
        return self._step("ma_journee.step4", lambda trail, language: [
            SobrietyPanel(trail, self.scenario, language=self.language),
            widgets.HTML(f"<p>{text('ma_journee.actions', language)}</p>"
                         f"<p><strong>{text('ma_journee.principle', language)}</strong></p>")])

    def _step(self, prefix: str, draw: Draw) -> widgets.VBox:
        body = widgets.VBox()
        self._steps.append((prefix, body, draw))
        self._draw(prefix, body, draw)
        return widgets.VBox([step_header(prefix, self.language), body])

    def _receive(self, trail: Trail) -> None:
        self.trail = trail
        self._redraw()

    def _redraw(self) -> None:
        for prefix, body, draw in self._steps:
            self._draw(prefix, body, draw)

    def _draw(self, prefix: str, body: widgets.VBox, draw: Draw) -> None:
        if self.trail is None:
            parts = [widgets.HTML(f"<p>{text('ma_journee.waiting', self.language.value)}</p>")]
        else:
            parts = draw(self.trail, self.language.value)
        self.shown[prefix] = parts
        body.children = [as_widget(part) for part in parts]

