"""Workshop 6, "Notre charte de la donnée": the group reads the three principles of Nantes Métropole's data
charter in plain words, keeps, rewords or writes its own commitments for each, rates the scenario's apps
with an ethical label, and makes a printable poster of its charter (see `kit.workshops.page` for what every
workshop page shares).

The workshop is about the group, not a teen's trail: no double is asked for, and every step draws at once.
The group's words and points live in the widgets, made once and kept on the page object, so a language
switch relabels them without losing anything; nothing is written to disk, the poster leaves the page only
as a `data:` download.

In a room, the page tells the group screen the proposals the teen keeps ("commitments", their ids: a reworded
proposal counts as the one it rewords) and their own words ("own_commitment", one short text, which the screen
shows only once the facilitator approves it); `kit.group.charte` draws the votes and assembles the group's
charter.
"""

from __future__ import annotations

import textwrap

import ipywidgets as widgets

from kit.analysis.charter import PRINCIPLES
from kit.i18n import text
from kit.widgets.app_label import AppLabels
from kit.widgets.commitments import Commitments
from kit.widgets.poster import Charter, Poster
from kit.workshops.page import Trail, Workshop

__all__ = ["Charte"]

#: The longest own commitment told to the group screen: one line on it, read aloud in one breath.
_OWN_COMMITMENT_CHARS = 140


class Charte(Workshop):
    """One object per page: `start()` then `step_principles()`, `step_commitments()`, `step_labels()`,
    `step_poster()`."""

    stem = "06_charte"
    asks_for_double = False

    def __init__(self, scenario: str | None = None) -> None:
        super().__init__(scenario)
        language = self.language.value
        self.commitments = {principle: self.part(f"commitments.{principle}", lambda principle=principle: Commitments(
            principle, language=language, on_keep=self._kept, on_own=self._wrote)) for principle in PRINCIPLES}
        self.labels = self.part("labels", lambda: AppLabels(self.scenario, language=language))
        self.poster = self.part("poster", lambda: Poster(self.charter, language=language))

    def charter(self) -> Charter:
        """The group's charter as the page holds it now: commitments per principle, and the apps' labels."""
        language = self.language.value
        principles = [(text(f"charte.principle.{principle}.name", language), self.commitments[principle].chosen)
                      for principle in PRINCIPLES]
        return principles, self.labels.labels

    def _kept(self) -> None:
        self.tell("commitments",
                  [proposal for commitments in self.commitments.values() for proposal in commitments.kept])

    def _wrote(self) -> None:
        """The group's own commitments, every box's lines in one short text (an erased box withdraws its words)."""
        lines = [line for commitments in self.commitments.values() for line in commitments.own_lines]
        self.tell("own_commitment", textwrap.shorten(" / ".join(lines), _OWN_COMMITMENT_CHARS, placeholder=" …"))

    def step_principles(self) -> widgets.VBox:
        def draw(trail: Trail | None, language: str) -> list:
            return [widgets.HTML("".join(
                f"<h3>{text(f'charte.principle.{principle}.name', language)}</h3>"
                f"<p>{text(f'charte.principle.{principle}.text', language)}</p>"
                f"<p><em>{text(f'charte.principle.{principle}.example', language)}</em></p>"
                for principle in PRINCIPLES))]

        return self.step("charte.step1", draw)

    def step_commitments(self) -> widgets.VBox:
        return self.step("charte.step2", lambda trail, language: [*self.group_notice(language),
                                                                  *self.commitments.values()])

    def step_labels(self) -> widgets.VBox:
        return self.step("charte.step3", lambda trail, language: [
            self.labels, widgets.HTML(f"<p>{text('charte.rules', language)}</p>")])

    def step_poster(self) -> widgets.VBox:
        return self.step("charte.step4", lambda trail, language: [
            self.poster, widgets.HTML(f"<p><strong>{text('charte.principle', language)}</strong></p>")])
