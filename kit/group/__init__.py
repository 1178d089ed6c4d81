"""The group screen's content, for the debrief: what the room answered, workshop by workshop, as figures.

The facilitator's screen (`kit.serve.group_screen`) shows, for each workshop, the figures its module here
lists (`kit.group.<name>.FIGURES`, one module per workshop, named as its page), drawn from the answers the
teens' pages told (`kit.page_env.group`) and the board kept in the server's memory (`kit.group.board`).
Nothing here imports a page, a widget or the server: the figures read answers, the scenario and the analysis.
"""

from __future__ import annotations

from importlib import import_module

from kit.group.figure import Figure
from kit.workshops import WORKSHOPS

__all__ = ["figures_of"]


def figures_of(stem: str) -> tuple[Figure, ...]:
    """The figures of the workshop `stem` (`01_ma_journee`), in the order of its steps."""
    entry = next(entry for entry in WORKSHOPS if entry.stem == stem)
    return tuple(import_module(f"kit.group.{entry.name}").FIGURES)
