"""How many teens the laptop holds: a new page opens only while memory remains for it.

A laptop that runs out of memory swaps, and then every teen's page freezes, the facilitator's too. So the
room's server looks at the memory the system says it can still give without swapping (psutil's
`available`, on Linux, Windows and macOS) before it starts a page: if one more page would eat into what the
system and the facilitator's browser need, the teen gets a page saying the room is full, in their
language, and the terminal says so once. `datatrail serve --max-teens N` replaces the estimate with the
facilitator's own number (a laptop they know, a smaller group on purpose).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

__all__ = ["FORKED_PAGE_MB", "SEPARATE_PAGE_MB", "RoomCapacity", "reserve_mb"]

_MB = 1024 * 1024
#: What one teen's workshop page may add to the laptop's memory, when kernels are forked from the room's
#: template (`kit.serve.forked_kernels`): the pages of its own a kernel holds once every interaction is done,
#: for the largest of the six workshops (workshop 4: 61 MB, `python benchmarks/room.py --alone`; 53 MB a
#: teen on average in a room of 30), and a third more for a teen who keeps playing.
FORKED_PAGE_MB = 80
#: The same where each kernel is a program of its own (Windows, macOS): workshop 4's kernel reached 141 MB
#: (RSS) in the same benchmark before kernels were forked, and 159 MB at its peak in earlier measures.
SEPARATE_PAGE_MB = 180


def reserve_mb(total_mb: float) -> float:
    """Memory left to the system, the server and the facilitator's browser: 5 % of it, at least 300 MB."""
    return max(300.0, 0.05 * total_mb)


@dataclass
class RoomCapacity:
    """Whether the room admits one more page, and the one terminal message when it stops doing so."""

    page_mb: float
    #: The facilitator's number of teens (`--max-teens`), in place of the estimate from memory.
    max_teens: int | None = None
    say: Callable[[str], None] = print
    _full: bool = field(default=False, init=False)

    def room_left(self) -> int:
        """How many more teens' pages fit in the memory the system can still give without swapping."""
        memory = psutil.virtual_memory()
        spare = memory.available / _MB - reserve_mb(memory.total / _MB)
        return max(0, int(spare // self.page_mb))

    def admits(self, pages_open: int) -> bool:
        """True if one more page may open, `pages_open` teens' pages being open already."""
        if self.max_teens is not None:
            room = pages_open < self.max_teens
        else:
            room = self.room_left() >= 1
        if not room and not self._full:
            limit = (f"--max-teens {self.max_teens}" if self.max_teens is not None
                     else "la mémoire de l'ordinateur / the laptop's memory")
            self.say(f"La salle est pleine (pages ouvertes : {pages_open} ; limite : {limit}) : les ados suivants "
                     f"voient une page « attends une minute ». Des pages fermées libèrent de la place.\n"
                     f"The room is full (pages open: {pages_open}; limit: {limit}): the next teens see a "
                     f"'wait a minute' page. Closed pages free room.")
        self._full = not room
        return room
