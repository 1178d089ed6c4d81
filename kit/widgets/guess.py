"""The "Devine où j'habite" card: the teen reads the map of their double's night-time and school-time locations,
guesses the neighbourhood, then the kit reveals its own guess from those pings alone (`kit.analysis.home`), how
sure it is, and where the double really lives.

The evidence is on the map before the guess, as on the paper city map: the teen reasons the way the kit does
(where does the phone sleep?), so the reveal is about how little data was enough, not about luck. Nothing the
teen picks is stored; the card only reads the trail it was given, and gives whether the guess was right to
`on_answer` (the page's, for the group screen) when the teen checks it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.home import (
    error_m,
    in_window,
    infer_places,
    nearest_place,
    pings_enough,
)
from kit.i18n import text
from kit.scenario.model import Scenario
from kit.widgets.citymap import city_map, describe_map
from kit.widgets.plain_figure import as_widget

__all__ = ["GuessCard"]

Trail = dict[str, pd.DataFrame]


class GuessCard(widgets.VBox):
    """Question, neighbourhood list and a "check" button that stays disabled until a guess is made."""

    def __init__(self, trail: Trail, scenario: Scenario, *, language: str,
                 on_answer: Callable[[bool], None] | None = None) -> None:
        self._trail, self._scenario, self.language, self._on_answer = trail, scenario, language, on_answer
        self._persona = trail["personas"].iloc[0]
        self.question = widgets.HTML()
        self.guess = widgets.Dropdown(options=[(place.name, place.id)
                                               for place in scenario.places_of_kind("neighbourhood")], value=None)
        self.check = widgets.Button(button_style="primary", disabled=True)
        self.answer = widgets.HTML()
        self.map = widgets.VBox()
        self.map_text = widgets.HTML()
        #: The map on screen, kept so that tests and notebooks can read it: the evidence before the reveal, the
        #: kit's guesses and the true home added after it.
        self.figure: go.Figure | None = None
        self._revealed = False
        self.guess.observe(lambda change: setattr(self.check, "disabled", change["new"] is None), names="value")
        self.check.on_click(lambda _: self._checked())
        self.relabel(self.language)
        super().__init__([self.question, self.map, self.map_text, self.guess, self.check, self.answer])

    def reveal(self) -> None:
        """The guess checked against the truth, then the kit's own guess and its map."""
        if self.guess.value is None:
            return
        language = self.language
        pings = self._trail["location_pings"]
        inferred = infer_places(pings).set_index("kind")
        truth = self._scenario.place(self._persona["home_place_id"])
        guessed = self._scenario.place(self.guess.value)
        lines = [text("ma_journee.guess.right", language, truth=_escape(truth.name)) if self._found() else
                 text("ma_journee.guess.wrong", language, truth=_escape(truth.name), guess=_escape(guessed.name))]
        lines += self._home_lines(inferred, pings, truth.id, language)
        lines += self._school_lines(inferred, language)
        self.answer.value = "".join(f"<p>{line}</p>" for line in lines)
        self._revealed = True
        self._draw_map(self._revealed_points(inferred, language))

    def _checked(self) -> None:
        """The button: the reveal, then whether the guess found the double's home, once per press (a relabel
        reveals again but answers nothing new)."""
        self.reveal()
        if self._on_answer is not None and self.guess.value is not None:
            self._on_answer(self._found())

    def _found(self) -> bool:
        return bool(self.guess.value == self._persona["home_place_id"])

    def _home_lines(self, inferred: pd.DataFrame, pings: pd.DataFrame, truth_id: str, language: str) -> list[str]:
        home = inferred.loc["home"]
        if home["pings"] == 0:
            return [text("ma_journee.guess.no_pings", language)]
        found = nearest_place(self._scenario, home["lat"], home["lon"])
        lines = [text("ma_journee.guess.how", language),
                 text("ma_journee.guess.inferred_home", language, neighbourhood=_escape(found.name),
                      share=_percent(home["share"]), pings=int(home["pings"])),
                 text("ma_journee.guess.enough", language, count=pings_enough(pings, "home"))]
        if found.id == truth_id:
            lines.append(text("ma_journee.guess.kit_right", language))
        else:
            distance = error_m(inferred.reset_index(), self._persona, self._scenario)["home"]
            lines.append(text("ma_journee.guess.kit_wrong", language, distance=round(float(distance))))
        return lines

    def _school_lines(self, inferred: pd.DataFrame, language: str) -> list[str]:
        school = inferred.loc["school"]
        if school["pings"] == 0:
            return [text("ma_journee.guess.no_school", language)]
        found = nearest_place(self._scenario, school["lat"], school["lon"], kinds=("school",))
        return [text("ma_journee.guess.school", language, school=_escape(found.name), share=_percent(school["share"]))]

    def _draw_map(self, points: pd.DataFrame) -> None:
        self.figure = city_map(self._scenario, language=self.language, points=points)
        self.map_text.value = f"<p>{_escape(describe_map(self._scenario, language=self.language, points=points))}</p>"
        self.map.children = [as_widget(self.figure)]

    def _evidence(self) -> list[pd.DataFrame]:
        """The pings the kit reasons from (night and school hours), for `city_map`: what the teen sees first."""
        pings = self._trail["location_pings"]
        frames = []
        for window, kind in (("home", "night_ping"), ("school", "school_ping")):
            evidence = in_window(pings, window)
            frames.append(evidence.assign(kind=kind, label=evidence["timestamp"].dt.strftime("%Y-%m-%d %H:%M")))
        return frames

    def _revealed_points(self, inferred: pd.DataFrame, language: str) -> pd.DataFrame:
        """The evidence, the kit's guesses and the true home, for `city_map`."""
        frames = self._evidence()
        found = inferred[inferred["pings"] > 0]
        frames.append(pd.DataFrame({"lat": found["lat"], "lon": found["lon"], "kind": found.index,
                                    "label": [text(f"citymap.point.{kind}", language) for kind in found.index]}))
        frames.append(pd.DataFrame({"lat": [self._persona["home_lat"]], "lon": [self._persona["home_lon"]],
                                    "kind": ["true_home"], "label": [text("citymap.point.true_home", language)]}))
        return _points(frames)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        self.question.value = (f"<h3>{text('ma_journee.guess.question', language)}</h3>"
                               f"<p>{text('ma_journee.guess.clue', language)}</p>")
        self.guess.description = text("ma_journee.guess.choose", language)
        self.check.description = text("ma_journee.guess.check", language)
        if self._revealed:
            self.reveal()
        else:
            self._draw_map(_points(self._evidence()))


def _points(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The frames as one table of `city_map` points (an empty one when there is no point at all)."""
    kept = [frame[["lat", "lon", "label", "kind"]] for frame in frames if not frame.empty]
    return pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=["lat", "lon", "label", "kind"])


def _percent(share: float) -> int:
    return round(100 * float(share))


def _escape(value: str) -> str:
    """Names and nicknames are text, never markup."""
    return html.escape(value)
