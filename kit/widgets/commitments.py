"""One principle's commitments: proposals the group ticks and may reword, and a box for their own.

What the teens type lives in these widgets only, never on disk. The widgets are kept across language
switches (`relabel`), so a group's words survive a click on "English"; a proposal nobody reworded follows
the language, a reworded one stays as the group wrote it.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.charter import PROPOSALS
from kit.i18n import text

__all__ = ["Commitments"]


class Commitments(widgets.VBox):
    """A principle's name, its proposals (tick box + editable wording) and a free text box."""

    def __init__(self, principle: str, *, language: str) -> None:
        self.principle = principle
        self.heading = widgets.HTML()
        self.keep = [widgets.Checkbox(indent=False) for _ in range(PROPOSALS)]
        self.wording = [widgets.Text(layout=widgets.Layout(width="100%")) for _ in range(PROPOSALS)]
        self.own = widgets.Textarea(layout=widgets.Layout(width="100%"), rows=3)
        self._proposals: list[str] = []
        self.relabel(language)
        rows = [widgets.VBox([keep, wording]) for keep, wording in zip(self.keep, self.wording, strict=True)]
        super().__init__([self.heading, *rows, self.own])

    def relabel(self, language: str) -> None:
        """Labels in `language`; proposals the group has not reworded are translated too."""
        self.heading.value = f"<h3>{text(f'charte.principle.{self.principle}.name', language)}</h3>"
        proposals = [text(f"charte.proposal.{self.principle}.{number}", language) for number in range(1, PROPOSALS + 1)]
        for number, (keep, wording, proposal) in enumerate(zip(self.keep, self.wording, proposals, strict=True), 1):
            keep.description = text("charte.keep", language, number=number)
            wording.description = text("charte.wording", language, number=number)
            if not self._proposals or wording.value == self._proposals[number - 1]:
                wording.value = proposal
        self._proposals = proposals
        self.own.description = text("charte.own", language)
        self.own.placeholder = text("charte.own_placeholder", language)

    @property
    def chosen(self) -> list[str]:
        """The commitments the group keeps, as they wrote them: ticked proposals, then each line of their own."""
        ticked = [wording.value.strip() for keep, wording in zip(self.keep, self.wording, strict=True) if keep.value]
        own = [line.strip() for line in self.own.value.splitlines()]
        return [commitment for commitment in ticked + own if commitment]
