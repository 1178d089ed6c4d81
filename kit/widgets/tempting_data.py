"""Step 4 of workshop 5: cards of data a city could be tempted to collect to forecast canteen meals (names,
health, family income, …). The teen sorts each into "needed" or "not needed", then checks: counts per school
and day are enough, which is the charter's sobriety, and keeping children's data out protects them.

Sorting before reading the answer makes teens argue for data minimisation themselves. Nothing is stored.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.canteen_forecast import TEMPTING_DATA
from kit.i18n import text

__all__ = ["TemptingDataSort"]


class TemptingDataSort(widgets.VBox):
    """One needed / not-needed toggle per card, and a button that checks the sort and says why."""

    def __init__(self, *, language: str) -> None:
        self._language = language
        self.cards = {card: widgets.ToggleButtons(options=[True, False], value=None) for card, _ in TEMPTING_DATA}
        self.names = {card: widgets.HTML() for card, _ in TEMPTING_DATA}
        self.check = widgets.Button(button_style="primary")
        self.answer = widgets.HTML()
        self.check.on_click(lambda _: self.verdict())
        rows = [widgets.VBox([self.names[card], self.cards[card]]) for card, _ in TEMPTING_DATA]
        super().__init__([*rows, self.check, self.answer])
        self.relabel(language)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: the teen's sort, and a checked verdict, stay."""
        self._language = language
        labels = [(text("cantine.sort.needed", language), True), (text("cantine.sort.not_needed", language), False)]
        for card, toggle in self.cards.items():
            value = toggle.value
            toggle.options, toggle.value = labels, value
            self.names[card].value = f"<strong>{text(f'cantine.card.{card}', language)}</strong>"
        self.check.description = text("cantine.sort.check", language)
        if self.answer.value:
            self.verdict()

    def verdict(self) -> None:
        """Right or wrong for each sorted card, why, and how many were right."""
        language = self._language
        lines, right = [], 0
        for card, needed in TEMPTING_DATA:
            chosen = self.cards[card].value
            right += chosen == needed
            mark = text("cantine.sort.unsorted" if chosen is None else
                        "cantine.sort.right" if chosen == needed else "cantine.sort.wrong", language)
            line = text("cantine.sort.line", language, mark=mark, card=text(f"cantine.card.{card}", language),
                        why=text(f"cantine.card.{card}.why", language))
            lines.append(f"<li>{line}</li>")
        self.answer.value = (f"<p>{text('cantine.sort.score', language, right=right, total=len(TEMPTING_DATA))}</p>"
                             f"<ul>{''.join(lines)}</ul>")
