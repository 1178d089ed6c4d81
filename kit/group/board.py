"""The room's answers, in the server's memory only, and the rule that decides what the group screen may show.

The group sees itself, never one of its members:
- a question's figure appears only once at least k pages answered it (k ≥ `MIN_K`, by default `DEFAULT_K`);
- after that, it changes only when at least k pages have answered anew or changed their answer since it last
  changed: the difference between two screens always mixes at least k answers, so a facilitator who saw one
  teen tap cannot read that teen's answer off the change (the difference attack). The answers that wait for
  the next batch are counted on the screen, not shown;
- a teen who leaves (a closed page, a culled kernel) takes nothing back: removing their answer would show it;
- the answers a figure gets carry no page and no order of arrival.
Nothing is written anywhere: the board lives and dies with the server's process.

Free text (workshop 6's own commitments) never reaches a figure: each text waits, under a random number, for
the facilitator to approve or set it aside, one by one.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field

from kit.group.figure import Released

__all__ = ["DEFAULT_K", "MIN_K", "Board", "Text"]

#: Answers a figure waits for, by default (`datatrail serve --k`).
DEFAULT_K = 5
#: Below this, a group is too small for an aggregate to hide anyone: `--k` refuses it.
MIN_K = 3


@dataclass
class _Question:
    answers: dict[str, object] = field(default_factory=dict)
    #: The answers as the screen may show them, from the last release (None before the first).
    released: list[object] | None = None
    #: Pages whose answer is new or changed since the last release.
    changed: set[str] = field(default_factory=set)


@dataclass
class Text:
    """A teen's free text, waiting for the facilitator (`approved` None), approved, or set aside (False)."""

    number: str
    text: str
    approved: bool | None = None


class Board:
    """Every page's latest answer to every question, by workshop; what may be shown of them (see the module)."""

    def __init__(self, k: int = DEFAULT_K) -> None:
        if k < MIN_K:
            raise ValueError(f"k must be at least {MIN_K}, got {k}")
        self.k = k
        self._questions: dict[tuple[str, str], _Question] = {}
        self._texts: dict[str, Text] = {}

    def record(self, page: str, workshop: str, question: str, answer: object) -> None:
        """`page`'s answer to `question`, replacing its earlier one; releases a batch once k pages changed."""
        asked = self._questions.setdefault((workshop, question), _Question())
        if page in asked.answers and asked.answers[page] == answer:
            return
        asked.answers[page] = answer
        asked.changed.add(page)
        if len(asked.changed) >= self.k:
            # Sorted by content: the figure cannot tell who answered first, or last.
            asked.released = sorted(asked.answers.values(), key=lambda kept: json.dumps(kept, sort_keys=True))
            asked.changed.clear()

    def released(self, workshop: str, question: str) -> Released | None:
        """The answers a figure may show (at least k, no page, no order), or None while fewer than k answered."""
        asked = self._questions.get((workshop, question))
        return None if asked is None or asked.released is None else Released(asked.released, self.k)

    def waiting(self, workshop: str, question: str) -> int:
        """Answers received and not shown yet: they wait to be k (before the first figure, or for the next)."""
        asked = self._questions.get((workshop, question))
        return 0 if asked is None else len(asked.changed)

    def pages(self, workshop: str, question: str) -> set[str]:
        """The pages that told `question` (the room's status: pages opened, doubles made, pages in trouble)."""
        asked = self._questions.get((workshop, question))
        return set() if asked is None else set(asked.answers)

    def add_text(self, text: str) -> None:
        """A free text, kept apart from its page and waiting for the facilitator."""
        number = secrets.token_hex(8)
        self._texts[number] = Text(number=number, text=text)

    def texts(self, approved: bool | None) -> list[Text]:
        """The texts waiting (None), approved (True) or set aside (False), in the order they came."""
        return [kept for kept in self._texts.values() if kept.approved is approved]

    def decide(self, number: str, approved: bool) -> bool:
        """The facilitator's decision on one text; False if there is no such text waiting."""
        kept = self._texts.get(number)
        if kept is None or kept.approved is not None:
            return False
        kept.approved = approved
        return True
