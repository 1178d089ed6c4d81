"""Workshop 6, "Notre charte de la donnée": the group reads the three principles of Nantes Métropole's data
charter in plain words, keeps, rewords or writes its own commitments for each, rates the scenario's apps
with an ethical label, and makes a printable poster of its charter (see `kit.workshops.page` for what every
workshop page shares).

The workshop is about the group, not a teen's trail: no double is asked for, and every step draws at once.
The group's words and points live in the widgets, made once and kept on the page object, so a language
switch relabels them without losing anything; nothing is written to disk, the poster leaves the page only
as a `data:` download.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.charter import PRINCIPLES
from kit.i18n import text
from kit.widgets.app_label import AppLabels
from kit.widgets.commitments import Commitments
from kit.widgets.poster import Charter, Poster
from kit.workshops.page import Trail, Workshop

__all__ = ["Charte"]


class Charte(Workshop):
    """One object per page: `start()` then `step_principles()`, `step_commitments()`, `step_labels()`,
    `step_poster()`."""

    stem = "06_charte"
    asks_for_double = False

    def __init__(self, scenario: str | None = None) -> None:
        super().__init__(scenario)
        language = self.language.value
        self.commitments = {principle: self.part(f"commitments.{principle}",
                                                 lambda principle=principle: Commitments(principle, language=language))
                            for principle in PRINCIPLES}
        self.labels = self.part("labels", lambda: AppLabels(self.scenario, language=language))
        self.poster = self.part("poster", lambda: Poster(self.charter, language=language))

    def charter(self) -> Charter:
        """The group's charter as the page holds it now: commitments per principle, and the apps' labels."""
        language = self.language.value
        principles = [(text(f"charte.principle.{principle}.name", language), self.commitments[principle].chosen)
                      for principle in PRINCIPLES]
        return principles, self.labels.labels

    def step_principles(self) -> widgets.VBox:
        def draw(trail: Trail | None, language: str) -> list:
            return [widgets.HTML("".join(
                f"<h3>{text(f'charte.principle.{principle}.name', language)}</h3>"
                f"<p>{text(f'charte.principle.{principle}.text', language)}</p>"
                f"<p><em>{text(f'charte.principle.{principle}.example', language)}</em></p>"
                for principle in PRINCIPLES))]

        return self.step("charte.step1", draw)

    def step_commitments(self) -> widgets.VBox:
        return self.step("charte.step2", lambda trail, language: list(self.commitments.values()))

    def step_labels(self) -> widgets.VBox:
        return self.step("charte.step3", lambda trail, language: [self.labels])

    def step_poster(self) -> widgets.VBox:
        return self.step("charte.step4", lambda trail, language: [
            self.poster, widgets.HTML(f"<p><strong>{text('charte.principle', language)}</strong></p>")])
