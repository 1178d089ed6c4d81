"""What every workshop page shares: one language switch, one persona picker, one trail, and steps that
redraw themselves when the teen creates their double or switches language; and, between the pages of
one process, the data they all read and none changes (`shared_by_pages`, filled in advance by `prepare`).

A workshop subclasses `Workshop` with one method per step, each returning `self.step(prefix, draw)`;
the notebook stays thin (one call per step). Until the teen has a trail, each step says what to do first.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import ipywidgets as widgets
import pandas as pd

from kit.i18n import text, use_scenario_texts
from kit.i18n.formats import use_scenario_locale
from kit.scenario import Scenario, default_scenario, load_scenario
from kit.widgets.language import page_language_switch
from kit.widgets.persona_picker import PersonaPicker
from kit.widgets.plain_figure import as_widget, warm_up
from kit.widgets.steps import step_header

__all__ = ["Draw", "Trail", "Workshop", "prepare", "shared_by_pages"]

Trail = dict[str, pd.DataFrame]
#: A step's content for a trail and a language: widgets, or plain plotly figures (drawn by `as_widget`).
Draw = Callable[[Trail | None, str], list]
Shared = TypeVar("Shared")

#: Scenarios whose shared data a process keeps: the session's, and the few an educator may try beside it.
_SCENARIOS_KEPT = 4
#: id(scenario) → the scenario (held, so that its id is not reused) and its data by computing function.
_shared: OrderedDict[int, tuple[Scenario, dict[Callable, object]]] = OrderedDict()


def shared_by_pages(compute: Callable[[Scenario], Shared]) -> Callable[[Scenario], Shared]:
    """`compute`, run once per process and scenario: for data that every page of a scenario reads and none
    changes (the class's trails, workshop 4's crowd), so that the second page of a kernel, and every kernel
    forked after `prepare`, finds it ready instead of making its own copy. What it returns is shared: a page
    that needs to change some of it works on a copy of that part.

    Scenarios are told apart by object: `load_scenario` gives the pages of one file's content the same
    object, and a new one once the file is edited, whose data is then computed anew.
    """

    @functools.wraps(compute)
    def computed_once(scenario: Scenario) -> Shared:
        kept = _shared.pop(id(scenario), None) or (scenario, {})
        _shared[id(scenario)] = kept  # the most recently used scenario last
        while len(_shared) > _SCENARIOS_KEPT:
            _shared.popitem(last=False)
        data = kept[1]
        if compute not in data:
            data[compute] = compute(scenario)
        return data[compute]

    return computed_once


def prepare(scenario: str | Path | None = None) -> None:
    """Computes, for `scenario` (by default the session's, `default_scenario`), what the workshop pages of it
    read and none changes: the scenario itself, the class's trails (workshops 2 and 3), workshop 4's crowd,
    and plotly's figure machinery.

    Why: the room's kernels are forked from one template process (`kit.serve`), which calls this before it
    forks any. What it computed is then shared copy-on-write by every teen's kernel: one copy in memory
    instead of one per kernel (measured: a workshop 4 kernel holds 42 MB of its own once its buttons are
    pressed, instead of 65), and no teen's first click waits for it (0.03 s instead of 0.2).
    """
    # Imported here: these workshops build on this module.
    from kit.workshops.anonymat import shared_crowd
    from kit.workshops.consentement import class_answers
    from kit.workshops.profilage import class_profiles

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
        use_scenario_locale(self.scenario.meta.locale, currency=self.scenario.meta.currency)  # "0,38 $" in Québec
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
