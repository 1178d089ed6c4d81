""""Protéger": the teen coarsens times and antennas, and removes the points that fewer than k people
share, until a trace hides in a group of at least k people (`kit.analysis.kanonymity`); and sees what
that costs a bus-line planner who asks the published data how many people are near a stop between 7
and 9 on a weekday.

Nothing is measured before the teen presses the button; afterwards each change measures again
(about a second, on the same sample size as the curve). Each measure is the teen's answer for the room's
group screen (through the page): the protection chosen and the share it hid.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.kanonymity import generalised, group_sizes, people_near, suppressed
from kit.analysis.unicity import SAMPLE
from kit.engine.places import distance_m
from kit.i18n import text
from kit.i18n.formats import decimal, percent
from kit.scenario.model import Scenario
from kit.widgets.plain_figure import as_widget
from kit.widgets.unicity_curve import antenna_groups

__all__ = ["ATTACKER_POINTS", "Protection", "ProtectPanel"]

#: Points of a trace the attacker knows (4: what singles out 95 % of people in the study).
ATTACKER_POINTS = 4
_HOURS = (1, 2, 4, 6, 12, 24)
_CELL_FACTORS = (1, 2, 3, 4)
_KS = (2, 5, 10)
#: The planner's question: people near the stop from 7 to 9 on weekdays.
_RUSH = (7, 9)
#: Okabe–Ito: raw data, protected data.
_RAW, _PROTECTED = "#009E73", "#CC79A7"
#: One measure: k, hours per slice, antennas merged per side, rare points removed, and the share hidden (0–1).
Protection = dict[str, int | bool | float]


class ProtectPanel(widgets.VBox):
    """k, hours per slice, antennas merged, removing rare points; the share hidden and the stop's count.
    `on_answer(protection)` is called after each measure (see `Protection`)."""

    def __init__(self, crowd: Callable[[], pd.DataFrame], antennas: Callable[[], pd.DataFrame],
                 scenario: Scenario, *, language: str, on_answer: Callable[[Protection], None] | None = None) -> None:
        self._crowd, self._antennas, self.language, self._on_answer = crowd, antennas, language, on_answer
        self._stop = next(place for place in scenario.places if place.kind == "transit_stop")
        self.k = widgets.Dropdown(options=_KS, value=5, style={"description_width": "initial"})
        self.hours = widgets.Dropdown(options=_HOURS, value=1, style={"description_width": "initial"})
        self.cells = widgets.Dropdown(options=antenna_groups(_CELL_FACTORS), value=1, style={"description_width": "initial"})
        self.drop_rare = widgets.Checkbox(value=False, indent=False)
        self.measure = widgets.Button(button_style="primary")
        self.measure.on_click(lambda _: self._update(measure=True))
        self.chart = widgets.VBox()
        self.words = widgets.HTML()
        #: Share of the sample hidden in a group of at least k, and the stop's count raw and protected.
        self.hidden: float | None = None
        self.answers: tuple[float, float] | None = None
        self.figure: go.Figure | None = None
        for control in (self.k, self.hours, self.cells, self.drop_rare):
            control.observe(lambda _: self._update(measure=self.hidden is not None), names="value")
        self._update()
        super().__init__([self.k, self.hours, self.cells, self.drop_rare, self.measure, self.chart, self.words])

    def stop_cell(self) -> str:
        """The antenna whose centre is nearest to the stop."""
        centres = self._antennas()
        far = distance_m(centres["lat"].to_numpy(), centres["lon"].to_numpy(), self._stop.lat, self._stop.lon)
        return str(centres.index[far.argmin()])

    def _measure(self) -> None:
        crowd = self._crowd()
        hours, cell_factor, k = self.hours.value, self.cells.value, self.k.value
        known = generalised(crowd, hours=hours, cell_factor=cell_factor)
        published = suppressed(known, k=k) if self.drop_rare.value else known
        sizes = group_sizes(known, published, points=ATTACKER_POINTS, rng=np.random.default_rng(0), sample=SAMPLE)
        self.hidden = float((sizes >= k).mean())
        cell = self.stop_cell()
        self.answers = (people_near(crowd, cell_id=cell, start_hour=_RUSH[0], end_hour=_RUSH[1]),
                        people_near(published, cell_id=cell, start_hour=_RUSH[0], end_hour=_RUSH[1],
                                    hours=hours, cell_factor=cell_factor))

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        self._update()

    def _update(self, measure: bool = False) -> None:
        language = self.language
        self.k.description = text("anonymat.protect.k", language)
        self.hours.description = text("anonymat.protect.hours", language)
        self.cells.description = text("anonymat.protect.cells", language)
        self.drop_rare.description = text("anonymat.protect.drop_rare", language, k=self.k.value)
        self.measure.description = text("anonymat.protect.measure", language)
        if measure:
            self._measure()
            if self._on_answer is not None:
                self._on_answer({"k": self.k.value, "hours": self.hours.value, "cells": self.cells.value,
                                 "drop_rare": self.drop_rare.value, "hidden": self.hidden})
        if self.answers is None:
            return
        raw, protected = self.answers
        self.figure = _answers(raw, protected, self._stop.name, language)
        self.chart.children = [as_widget(self.figure)]
        self.words.value = "<p role='status'>" + " ".join([
            text("anonymat.protect.hidden", language, share=percent(self.hidden, language), k=self.k.value,
                 points=ATTACKER_POINTS),
            text("anonymat.protect.answer", language, stop=self._stop.name, raw=decimal(raw, 0, language),
                 protected=decimal(protected, 0, language))]) + "</p>"


def _answers(raw: float, protected: float, stop: str, language: str) -> go.Figure:
    """The planner's answer on raw and on protected data, side by side."""
    values = [raw, protected]
    figure = go.Figure(go.Bar(x=[text("anonymat.protect.raw", language), text("anonymat.protect.protected", language)],
                              y=values, text=[decimal(value, 0, language) for value in values],
                              textposition="outside", cliponaxis=False, marker_color=[_RAW, _PROTECTED]))
    figure.update_layout(title=text("anonymat.protect.chart", language, stop=stop), height=340, showlegend=False,
                         yaxis={"title": text("anonymat.protect.axis", language)})
    return figure
