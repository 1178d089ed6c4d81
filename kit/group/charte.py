"""Workshop figures on the group screen (see `kit.group`)."""

from __future__ import annotations

from kit.group.figure import Figure

FIGURES: tuple[Figure, ...] = ()

STEM = "06_charte"
VOTES = "commitments"
MODERATED = ("own_commitment",)
