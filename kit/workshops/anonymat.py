"""Workshop 4, "Anonyme, vraiment ?": the city's crowd as a phone operator records it, with no names.
A Guess-Who game shows that a few points of someone's day single them out; the unicity curve measures
that over the whole crowd, next to de Montjoye et al. (2013); then the teen protects the data
(k-anonymity) and sees what a bus-line planner loses (see `kit.workshops.page` for what every page
shares).

The workshop is about the city, not the teen's trail (`asks_for_double = False`): steps draw at once and
stay light. The crowd (`RESIDENTS` people, about 225,000 pings) comes from the scenario's seed, so every
phone sees the same city: it is built once per process (`shared_crowd`) the first time a teen presses a
button, or beforehand by the room's template process (`kit.workshops.page.prepare`), with only the
columns the measures need, and every page of the scenario plays with that one copy.

In a room, the page tells the group screen how many clues singled the mystery person out ("clues") and each
protection the teen published with the share it hid ("protection"); `kit.group.anonymat` draws them.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.analysis.crowd import shared_crowd
from kit.i18n import text
from kit.widgets.guess_who import GuessWho
from kit.widgets.protect_panel import ProtectPanel
from kit.widgets.unicity_curve import UnicityCurve
from kit.workshops.page import Trail, Workshop

__all__ = ["Anonymat"]


class Anonymat(Workshop):
    """One object per page: `start()` then `step_guess()`, `step_curve()`, `step_protect()`, `step_next()`."""

    stem = "04_anonymat"
    asks_for_double = False
    words = ("operator", "antenna", "antenna_code", "anonymous", "log_scale", "k_anonymity", "planner", "raw_data")

    def crowd(self) -> pd.DataFrame:
        """The crowd's pings (person_id, timestamp, cell_id), asked for when a teen first presses a button."""
        return shared_crowd(self.scenario).pings

    def antennas(self) -> pd.DataFrame:
        """The crowd's antennas: centre and nearest place (see `antenna_table`)."""
        return shared_crowd(self.scenario).antennas

    def step_guess(self) -> widgets.VBox:
        def draw(trail: Trail | None, language: str) -> list:
            game = self.part("guess", lambda: GuessWho(self.crowd, self.antennas, language=language,
                                                       seed=self.scenario.meta.seed,
                                                       on_answer=lambda clues: self.tell("clues", clues)))
            return [*self.group_notice(language), game]

        return self.step("anonymat.step1", draw)

    def step_curve(self) -> widgets.VBox:
        def draw(trail: Trail | None, language: str) -> list:
            curve = self.part("curve", lambda: UnicityCurve(self.crowd, language=language))
            return [curve, widgets.HTML(f"<p>{text('anonymat.curve.research', language)}</p>")]

        return self.step("anonymat.step2", draw)

    def step_protect(self) -> widgets.VBox:
        def draw(trail: Trail | None, language: str) -> list:
            panel = self.part("protect", lambda: ProtectPanel(
                self.crowd, self.antennas, self.scenario, language=language,
                on_answer=lambda protection: self.tell("protection", protection)))
            return [*self.group_notice(language), panel]

        return self.step("anonymat.step3", draw)

    def step_next(self) -> widgets.VBox:
        """What a teen can do tonight, and the charter's principle: the guide's step 4 (5 minutes)."""
        return self.step("anonymat.step4", lambda trail, language: [self.closing(language)])
