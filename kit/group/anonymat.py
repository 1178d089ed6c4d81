"""Workshop 4's figures on the group screen (see `kit.group`): how many clues the room needed to single out a
mystery person, and the protections it published with the share of people they hid.

Answers, as the page tells them (`kit.workshops.anonymat`): "clues" is a number of clues; "protection" is
`kit.widgets.protect_panel.Protection` (k, hours, cells, drop_rare, hidden).
"""

from __future__ import annotations

import math

from kit.group.figure import Drawn, Figure, median, shares
from kit.group.several import shares_choosing
from kit.i18n import text
from kit.i18n.formats import percent

__all__ = ["FIGURES"]

#: From this many clues on, one bar: a weekday has 4 points or more, and most teens find before the 5th.
_MANY_CLUES = 5
#: What a published protection may have done, in the panel's order; "none" when it did nothing of it.
_PROTECTIONS = ("hours", "cells", "drop_rare", "none")


def _clues(answers: list[object], language: str) -> Drawn:
    clues = [int(answer) for answer in answers]  # type: ignore[call-overload]
    # The median rounded up: at least half the room needed that many clues or fewer, said in whole clues.
    middle = math.ceil(median(clues))
    binned = [str(min(count, _MANY_CLUES)) for count in clues]
    return Drawn(headline=text("anonymat.group.clues", language, clues=text("anonymat.clues", language, count=middle)),
                 bars=shares(binned, [str(count) for count in range(1, _MANY_CLUES + 1)], _clue_label, language))


def _clue_label(category: str, language: str) -> str:
    count = int(category)
    return text("anonymat.group.clues_or_more" if count == _MANY_CLUES else "anonymat.clues", language, count=count)


def _protections(answers: list[object], language: str) -> Drawn:
    protections = [dict(answer) for answer in answers]  # type: ignore[call-overload]
    used = [_used(protection) for protection in protections]
    hidden = percent(median(float(protection["hidden"]) for protection in protections), language)
    return Drawn(headline=text("anonymat.group.hidden", language, share=hidden),
                 bars=shares_choosing(used, _PROTECTIONS,
                                      lambda protection, language: text(f"anonymat.group.{protection}", language),
                                      language))


def _used(protection: dict) -> set[str]:
    """What a protection did to the data: coarser hours, merged antennas, rare points removed (or none)."""
    used = {name for name, did in (("hours", protection["hours"] > 1), ("cells", protection["cells"] > 1),
                                   ("drop_rare", bool(protection["drop_rare"]))) if did}
    return used or {"none"}


FIGURES: tuple[Figure, ...] = (Figure("anonymat.step1", "clues", _clues),
                               Figure("anonymat.step3", "protection", _protections))
