""""La courbe": over the whole crowd, the share of people that 1 to 5 points single out, at the finest
resolution (the hour, the antenna) and at a coarser one the teen picks, next to what de Montjoye et al.
(2013) measured on 1.5 million people: 2 points about half, 4 points 95 %.

Each curve is measured on a sample of people (`SAMPLE`), once per resolution, when the teen asks for it.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.unicity import POINTS, PUBLISHED, SAMPLE, unicity
from kit.i18n import text
from kit.i18n.formats import percent
from kit.widgets.plain_figure import as_widget

__all__ = ["UnicityCurve", "antenna_groups"]

_HOURS = (1, 2, 4, 8, 12)
_CELL_FACTORS = (1, 2, 3, 4)
#: Okabe–Ito: finest resolution, coarser resolution, the published study.
_FINE, _COARSE, _STUDY = "#D55E00", "#0072B2", "#000000"

Resolution = tuple[int, int]


def antenna_groups(factors: tuple[int, ...]) -> list[tuple[str, int]]:
    """Dropdown options for merging antennas: the teen reads how many antennas make one group (1, 4, 9, 16),
    the measures take how many are merged per side of the square (1, 2, 3, 4)."""
    return [(str(factor ** 2), factor) for factor in factors]


class UnicityCurve(widgets.VBox):
    """Hours per slice and antennas merged, a button that measures, the curves and their description."""

    def __init__(self, crowd: Callable[[], pd.DataFrame], *, language: str) -> None:
        self._crowd, self.language = crowd, language
        self.hours = widgets.Dropdown(options=_HOURS, value=_HOURS[0], style={"description_width": "initial"})
        self.cells = widgets.Dropdown(options=antenna_groups(_CELL_FACTORS), value=_CELL_FACTORS[0],
                                      style={"description_width": "initial"})
        self.measure = widgets.Button(button_style="primary")
        self.measure.on_click(lambda _: self._update(measure=True))
        self.chart = widgets.VBox()
        self.words = widgets.HTML()
        #: Measured shares: (hours, antennas merged per side) → share singled out for each of POINTS.
        self.curves: dict[Resolution, list[float]] = {}
        self.figure: go.Figure | None = None
        for control in (self.hours, self.cells):
            control.observe(lambda _: self._update(measure=bool(self.curves)), names="value")
        self._update()
        super().__init__([self.hours, self.cells, self.measure, self.chart, self.words])

    def resolution(self) -> Resolution:
        return self.hours.value, self.cells.value

    def _curve(self, resolution: Resolution) -> list[float]:
        if resolution not in self.curves:
            hours, cell_factor = resolution
            self.curves[resolution] = [unicity(self._crowd(), points=points, rng=np.random.default_rng(points),
                                               hours=hours, cell_factor=cell_factor, sample=SAMPLE)
                                       for points in POINTS]
        return self.curves[resolution]

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        self._update()

    def _update(self, measure: bool = False) -> None:
        language = self.language
        self.hours.description = text("anonymat.curve.hours", language)
        self.cells.description = text("anonymat.curve.cells", language)
        self.measure.description = text("anonymat.curve.measure", language)
        if measure:
            self._curve((1, 1))
            self._curve(self.resolution())
        if not self.curves:
            return
        shown = list(dict.fromkeys([(1, 1), self.resolution()]))
        self.figure = _curves({resolution: self._curve(resolution) for resolution in shown}, language)
        self.chart.children = [as_widget(self.figure)]
        fine, chosen = self._curve((1, 1)), self._curve(self.resolution())
        self.words.value = "<p role='status'>" + text(
            "anonymat.curve.words", language, two=percent(fine[1], language), four=percent(fine[3], language),
            hours=self.hours.value, count=self.cells.value ** 2, chosen=percent(chosen[3], language)) + "</p>"


def _label(resolution: Resolution, language: str) -> str:
    hours, cell_factor = resolution
    return text("anonymat.curve.line", language, hours=hours, count=cell_factor ** 2)


def _curves(curves: dict[Resolution, list[float]], language: str) -> go.Figure:
    """Share singled out by number of points, one line per resolution, and the study's two points."""
    figure = go.Figure()
    for (resolution, shares), colour, dash in zip(curves.items(), (_FINE, _COARSE), ("solid", "dash")):
        figure.add_trace(go.Scatter(x=list(POINTS), y=shares, mode="lines+markers", name=_label(resolution, language),
                                    line={"color": colour, "dash": dash}, marker={"size": 9}))
    figure.add_trace(go.Scatter(x=list(PUBLISHED), y=list(PUBLISHED.values()), mode="markers",
                                name=text("anonymat.curve.study", language),
                                marker={"color": _STUDY, "symbol": "x", "size": 14}))
    figure.update_layout(
        title=text("anonymat.curve.title", language), height=340,
        xaxis={"title": text("anonymat.curve.x", language), "dtick": 1},
        yaxis={"title": text("anonymat.curve.y", language), "range": [0, 1.05], "tickformat": ".0%"})
    return figure
