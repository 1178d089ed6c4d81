"""One principle's commitments: proposals the group ticks and may reword, and a box for their own. The last
proposal is one the group does together (`kit.analysis.charter.COLLECTIVE`), under a heading of its own so that
nobody takes it for one more private habit.

What the teens type lives in these widgets only, never on disk. The widgets are kept across language
switches (`relabel`), so a group's words survive a click on "English"; a proposal nobody reworded follows
the language, a reworded one stays as the group wrote it.

For the room's group screen, the page hears of each tick (`on_keep`) and of the own box once the teen leaves it
(`on_own`: the box sends its text then, not at each key, so no half-typed sentence travels).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from kit.analysis.charter import COLLECTIVE, proposals
from kit.i18n import text

__all__ = ["Commitments"]


class Commitments(widgets.VBox):
    """A principle's name, its proposals (tick box + editable wording) and a free text box. `on_keep()` is called
    when a tick changes, `on_own()` when the teen leaves their own box changed."""

    def __init__(self, principle: str, *, language: str, on_keep: Callable[[], None] | None = None,
                 on_own: Callable[[], None] | None = None) -> None:
        self.principle = principle
        self._ids = proposals(principle)
        self.heading = widgets.HTML()
        self.together = widgets.HTML()
        self.keep = [widgets.Checkbox(indent=False) for _ in self._ids]
        self.wording = [widgets.Text(layout=widgets.Layout(width="100%")) for _ in self._ids]
        self.own = widgets.Textarea(layout=widgets.Layout(width="100%"), rows=3, continuous_update=False)
        if on_keep is not None:
            for keep in self.keep:
                keep.observe(lambda _: on_keep(), names="value")
        if on_own is not None:
            self.own.observe(lambda _: on_own(), names="value")
        self._proposals: list[str] = []
        self.relabel(language)
        rows = [widgets.VBox([keep, wording]) for keep, wording in zip(self.keep, self.wording, strict=True)]
        super().__init__([self.heading, *rows[:COLLECTIVE - 1], self.together, *rows[COLLECTIVE - 1:], self.own])

    def relabel(self, language: str) -> None:
        """Labels in `language`; proposals the group has not reworded are translated too."""
        self.heading.value = f"<h3>{text(f'charte.principle.{self.principle}.name', language)}</h3>"
        self.together.value = f"<p><strong>{text('charte.together', language)}</strong></p>"
        words = [text(f"charte.proposal.{proposal}", language) for proposal in self._ids]
        for number, (keep, wording, proposal) in enumerate(zip(self.keep, self.wording, words, strict=True), 1):
            keep.description = text("charte.keep", language, number=number)
            wording.description = text("charte.wording", language, number=number)
            if not self._proposals or wording.value == self._proposals[number - 1]:
                wording.value = proposal
        self._proposals = words
        self.own.description = text("charte.own", language)
        self.own.placeholder = text("charte.own_placeholder", language)

    @property
    def chosen(self) -> list[str]:
        """The commitments the group keeps, as they wrote them: ticked proposals, then each line of their own."""
        ticked = [wording.value.strip() for keep, wording in zip(self.keep, self.wording, strict=True) if keep.value]
        return [commitment for commitment in ticked if commitment] + self.own_lines

    @property
    def kept(self) -> list[str]:
        """The ids of the proposals ticked (`kit.analysis.charter.proposals`), whatever their wording now."""
        return [proposal for proposal, keep in zip(self._ids, self.keep, strict=True) if keep.value]

    @property
    def own_lines(self) -> list[str]:
        """The group's own commitments: each non-empty line of their box."""
        return [line.strip() for line in self.own.value.splitlines() if line.strip()]
