"""What the group screen shows, as data for its page: the room's status and each workshop's figures.

Built from the board (`kit.group.board`) and the pages the server still has (`live`, kernel ids), so that it
can be tested without a server; the page (`kit/serve/share/.../group.html`) only lays it out.
"""

from __future__ import annotations

import dataclasses
import logging

from kit.group import figures_of
from kit.group.board import Board
from kit.group.figure import Figure
from kit.i18n import text
from kit.workshops import WORKSHOPS

__all__ = ["STATUS_QUESTIONS", "screen"]

#: What every page tells for the room's status (`kit.workshops.page`), never drawn as a figure.
STATUS_QUESTIONS = ("opened", "double", "error")

_log = logging.getLogger(__name__)


def screen(board: Board, live: set[str], language: str, *, full: bool, left: int) -> dict:
    """The screen's content in `language`: `live` are the pages open now (a page that left still counts in the
    answers, not in the status); `full` and `left` say whether the room admits another teen and how many more."""
    status = []
    for entry in WORKSHOPS:
        told = {question: board.pages(entry.stem, question) for question in STATUS_QUESTIONS}
        opened, doubles, errors = (len(told[question] & live) for question in STATUS_QUESTIONS)
        # Workshops 4 to 6 make no double: their line does not count one.
        made_doubles = bool(told["double"])
        status.append({"stem": entry.stem, "number": entry.number, "open": opened,
                       "title": text(f"workshop.{entry.stem}.title", language),
                       "status": text("group.workshop_status" if made_doubles else "group.workshop_open", language,
                                      count=opened, doubles=doubles),
                       "errors": text("group.errors", language, count=errors) if errors else ""})
    return {
        "language": language,
        "room": {"teens": text("group.teens", language, count=len(live)), "full": full,
                 "capacity": text("group.full", language) if full else text("group.left", language, count=left),
                 "workshops": status},
        "workshops": {entry.stem: [_figure(board, entry.stem, figure, language) for figure in figures_of(entry.stem)]
                      for entry in WORKSHOPS},
        "texts": {kind: [{"number": kept.number, "text": kept.text} for kept in board.texts(approved)]
                  for kind, approved in (("waiting", None), ("approved", True))},
    }


def _figure(board: Board, stem: str, figure: Figure, language: str) -> dict:
    """One figure, or what it waits for: « en attente de 5 réponses »."""
    answers = board.released(stem, figure.question)
    waiting = board.waiting(stem, figure.question)
    #: Answers received, counted or waiting for their batch (a page that changed its answer may be in both).
    received = waiting + len(answers or ())
    shown: dict = {"title": text(f"{figure.step}.title", language), "question": figure.question,
                   "answers": received}
    if answers is None:
        return {**shown, "waiting": text("group.waiting", language, count=board.k),
                "received": text("group.received", language, count=waiting)}
    try:
        drawn = figure.draw(answers, language)
    except Exception:  # one figure's fault must not blank the screen in the middle of a debrief
        _log.exception("the group screen could not draw %s of %s", figure.question, stem)
        return {**shown, "waiting": text("group.unavailable", language), "received": ""}
    return {**shown, **dataclasses.asdict(drawn), "alt": drawn.described(), "counted": len(answers),
            "next": text("group.next_batch", language, count=waiting, k=board.k) if waiting else ""}
