"""The data charter workshop 6 builds: the three principles of Nantes Métropole's data charter, in its order,
and how many commitments the kit proposes for each. Their words are in the catalogs
(`charte.principle.<principle>.*`, `charte.proposal.<principle>.<number>`); the screen and the paper cards
read the same principles and proposals here.
"""

from __future__ import annotations

__all__ = ["PRINCIPLES", "PROPOSALS"]

#: The charter's three principles, in its order (catalog keys `charte.principle.<principle>.*`).
PRINCIPLES = ("protection", "confiance", "sobriete")
#: How many proposals each principle offers (catalog keys `charte.proposal.<principle>.1` …).
PROPOSALS = 3
