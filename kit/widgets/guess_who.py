""""Qui est-ce ?": the crowd's traces carry no names, yet a few points of one person's day (a time and
the place nearby, what a neighbour or a post could reveal) strike out everyone else. The teen ticks
points of a mystery person's day and watches how many people are still in the game
(`kit.analysis.unicity.matching_people`). The tick that leaves only the mystery person is the teen's answer:
how many clues it took (for the room's group screen, through the page).

The crowd is built only when the teen starts the game (`crowd` is called then), so the page renders
at once.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.unicity import hourly_points, matching_people
from kit.i18n import text
from kit.i18n.formats import weekday_name
from kit.widgets.plain_figure import as_widget

__all__ = ["GuessWho"]

#: Okabe–Ito: bars of the people still in the game; the last bar when only the target is left.
_STILL_IN, _FOUND = "#0072B2", "#D55E00"


class GuessWho(widgets.VBox):
    """A start button, then a mystery person's day as points to tick, the people left, and another target.
    `on_answer(clues)` is called when a tick singles the mystery person out, with the number of clues ticked."""

    def __init__(self, crowd: Callable[[], pd.DataFrame], antennas: Callable[[], pd.DataFrame], *,
                 language: str, seed: int, on_answer: Callable[[int], None] | None = None) -> None:
        self._crowd, self._antennas, self.language, self._seed = crowd, antennas, language, seed
        self._on_answer = on_answer
        self.start = widgets.Button(button_style="primary")
        self.start.on_click(lambda _: self.next_target())
        self.clues = widgets.VBox()
        self.chart = widgets.VBox()
        self.result = widgets.HTML()
        self.another = widgets.Button(layout={"display": "none"})
        self.another.on_click(lambda _: self.next_target())
        #: The target (person_id), their day's points in time order, the ticked ones in the order ticked,
        #: and the people left after each (for tests and notebooks).
        self.target: str | None = None
        self.points = pd.DataFrame()
        self.ticked: list[int] = []
        self.left: list[int] = []
        self.figure: go.Figure | None = None
        self._targets = 0
        self._update()
        super().__init__([self.start, self.clues, self.chart, self.result, self.another])

    def next_target(self) -> None:
        """Someone else from the crowd, and one weekday of theirs with at least 4 points."""
        crowd = self._crowd()
        rng = np.random.default_rng([self._seed, self._targets])
        self._targets += 1
        self.target = str(rng.choice(crowd["person_id"].unique()))
        points = hourly_points(crowd[crowd["person_id"] == self.target])[["timestamp", "cell_id"]]
        day = points["timestamp"].dt.normalize()
        busy = day.value_counts()
        weekdays = busy[(busy.index.day_of_week < 5) & (busy >= 4)].index
        self.points = points[day == rng.choice(weekdays)].reset_index(drop=True)
        self.ticked = []
        self.clues.children = [widgets.Checkbox(value=False, indent=False) for _ in range(len(self.points))]
        for index, box in enumerate(self.clues.children):
            box.observe(lambda change, index=index: self._tick(index, change["new"]), names="value")
        self.start.layout.display = "none"
        self.another.layout.display = None
        self._update()

    def _tick(self, index: int, ticked: bool) -> None:
        self.ticked = [*self.ticked, index] if ticked else [i for i in self.ticked if i != index]
        self._update()
        # Found by this very tick (one person left, more before it): a tick once found adds no answer.
        if ticked and self.left[-1] == 1 < self.left[-2] and self._on_answer is not None:
            self._on_answer(len(self.ticked))

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        self._update()

    def _update(self) -> None:
        language = self.language
        self.start.description = text("anonymat.guess.start", language)
        self.another.description = text("anonymat.guess.another", language)
        if self.target is None:
            return
        crowd, names = self._crowd(), self._antennas()["place"]
        for box, point in zip(self.clues.children, self.points.itertuples()):
            # Two antennas can share their nearest place: the antenna's name tells such clues apart.
            box.description = text("anonymat.guess.point", language, hour=point.timestamp.hour,
                                   place=names[point.cell_id], antenna=point.cell_id)
        self.left = [len(matching_people(crowd, self.points.iloc[self.ticked[:count]]))
                     for count in range(len(self.ticked) + 1)]
        self.figure = _shrinking_crowd(self.left, language)
        self.chart.children = [as_widget(self.figure)]
        weekday = weekday_name(self.points["timestamp"].iloc[0].day_of_week, language)
        clues = text("anonymat.clues", language, count=len(self.ticked))
        words = [text("anonymat.guess.day", language, day=weekday, total=self.left[0]),
                 text("anonymat.guess.left", language, clues=clues, count=self.left[-1])]
        if self.left[-1] == 1:
            words.append(text("anonymat.guess.found", language, clues=clues,
                              pings=int((crowd["person_id"] == self.target).sum())))
        self.result.value = "<p role='status'>" + " ".join(words) + "</p>"


def _shrinking_crowd(left: list[int], language: str) -> go.Figure:
    """One bar per number of clues: how many people are still in the game (log scale: the whole crowd down to 1)."""
    figure = go.Figure(go.Bar(
        x=[text("anonymat.clues", language, count=count) for count in range(len(left))], y=left,
        text=left, textposition="outside", cliponaxis=False,
        marker_color=[_FOUND if count == 1 else _STILL_IN for count in left]))
    figure.update_layout(
        title=text("anonymat.guess.chart", language), yaxis={"type": "log", "title": text("anonymat.guess.axis", language)},
        height=340, showlegend=False)
    return figure
