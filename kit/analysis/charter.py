"""The data charter workshop 6 builds: the three principles of Nantes Métropole's data charter, in its order,
and how many commitments the kit proposes for each. Their words are in the catalogs
(`charte.principle.<principle>.*`, `charte.proposal.<principle>.<number>`); the screen and the paper cards
read the same principles and proposals here.
"""

from __future__ import annotations

__all__ = ["PRINCIPLES", "PROPOSALS", "proposals"]

#: The charter's three principles, in its order (catalog keys `charte.principle.<principle>.*`).
PRINCIPLES = ("protection", "confiance", "sobriete")
#: How many proposals each principle offers (catalog keys `charte.proposal.<principle>.1` …).
PROPOSALS = 3


def proposals(principle: str) -> tuple[str, ...]:
    """The ids of a principle's proposals, `<principle>.<number>` (catalog key `charte.proposal.<id>`): what a
    teen's page tells the group screen it keeps, and what the group's charter counts."""
    return tuple(f"{principle}.{number}" for number in range(1, PROPOSALS + 1))
