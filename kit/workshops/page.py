"""What every workshop page shares: one language switch, one persona picker, one trail, and steps that
redraw themselves when the teen creates their double or switches language; and, between the pages of
one process, the data they all read and none changes (`kit.analysis.shared`, filled in advance by `prepare`).

A workshop subclasses `Workshop` with one method per step, each returning `self.step(prefix, draw)`;
the notebook stays thin (one call per step). Until the teen has a trail, each step says what to do first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from kit.analysis.acceptance import class_answers
from kit.analysis.crowd import shared_crowd
from kit.analysis.profiler_accuracy import class_profiles
from kit.i18n import text, use_scenario_texts
from kit.scenario import default_scenario, load_scenario
from kit.widgets.language import page_language_switch
from kit.widgets.persona_picker import PersonaPicker
from kit.widgets.plain_figure import as_widget, warm_up
from kit.widgets.steps import step_header

__all__ = ["Draw", "Trail", "Workshop", "prepare"]

Trail = dict[str, pd.DataFrame]
#: A step's content for a trail and a language: widgets, or plain plotly figures (drawn by `as_widget`).
Draw = Callable[[Trail | None, str], list]


def prepare(scenario: str | Path | None = None) -> None:
    """Computes, for `scenario` (by default the session's, `default_scenario`), what the workshop pages of it
    read and none changes: the scenario itself, the class's trails (workshops 2 and 3), workshop 4's crowd,
    and plotly's figure machinery.

    Why: the room's kernels are forked from one template process (`kit.serve`), which calls this before it
    forks any. What it computed is then shared copy-on-write by every teen's kernel: one copy in memory
    instead of one per kernel (measured: a workshop 4 kernel holds 42 MB of its own once its buttons are
    pressed, instead of 65), and no teen's first click waits for it (0.03 s instead of 0.2).
    """
    loaded = load_scenario(scenario or default_scenario())
    for compute in (class_answers, class_profiles, shared_crowd):
        compute(loaded)
    warm_up()


class Workshop:
    """One object per page: `start()`, then the subclass's steps. `stem` names the workshop's catalog
    entries (`workshop.<stem>.title`). A workshop about the city rather than the teen's own trail sets
    `asks_for_double = False`: no persona picker, and its steps draw at once (with `trail` None), so
    they must stay light until the teen acts."""

    stem: str = ""
    asks_for_double: bool = True

    def __init__(self, scenario: str | None = None) -> None:
        """`scenario`: a bundled name or a path; by default the session's (`default_scenario`)."""
        scenario = scenario or default_scenario()
        self.scenario = load_scenario(scenario)
        use_scenario_texts(self.scenario.texts)  # the city's own words ("cafétéria"), on this page
        self.language = page_language_switch()
        self.trail: Trail | None = None
        self._steps: list[tuple[str, widgets.VBox, Draw]] = []
        #: What each step shows now (by catalog prefix): lets tests and notebooks inspect the page.
        self.shown: dict[str, list] = {}
        self.picker = PersonaPicker(self.scenario, language=self.language,
                                    on_trail=self._receive) if self.asks_for_double else None
        self.language.observe(lambda _: self.redraw(), names="value")

    def start(self) -> widgets.VBox:
        header = [self.language, step_header(f"workshop.{self.stem}", self.language)]
        return widgets.VBox(header + ([self.picker] if self.picker else []))

    def step(self, prefix: str, draw: Draw) -> widgets.VBox:
        """A step titled from `{prefix}.title`/`.text`, whose body `draw` fills once there is a trail."""
        body = widgets.VBox()
        self._steps.append((prefix, body, draw))
        self._draw(prefix, body, draw)
        return widgets.VBox([step_header(prefix, self.language), body])

    def redraw(self) -> None:
        """Every step again: after a new trail, a language switch, or a choice a step depends on."""
        for prefix, body, draw in self._steps:
            self._draw(prefix, body, draw)

    def _receive(self, trail: Trail) -> None:
        self.trail = trail
        self.redraw()

    def _draw(self, prefix: str, body: widgets.VBox, draw: Draw) -> None:
        if self.trail is None and self.asks_for_double:
            parts = [widgets.HTML(f"<p>{text('workshop.waiting', self.language.value)}</p>")]
        else:
            parts = draw(self.trail, self.language.value)
        self.shown[prefix] = parts
        body.children = [as_widget(part) for part in parts]
