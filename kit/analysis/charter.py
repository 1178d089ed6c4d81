"""The data charter workshop 6 builds: three ideas the kit draws from Nantes Métropole's data charter (2019),
whose own words are four commitments (keep control of the authority's data, protect it, be transparent, open new
uses) and 13 principles, among them collecting only the data that is needed; and the commitments the kit proposes
for each idea. Their words are in the catalogs
(`charte.principle.<principle>.*`, `charte.proposal.<principle>.<number>`); the screen and the paper cards
read the same principles and proposals here.
"""

from __future__ import annotations

__all__ = ["COLLECTIVE", "PRINCIPLES", "PROPOSALS", "proposals"]

#: The three ideas, protection, trust (the charter's transparency) and sobriety (only the data that is needed),
#: in the kit's order (catalog keys `charte.principle.<principle>.*`).
PRINCIPLES = ("protection", "confiance", "sobriete")
#: How many proposals each principle offers (catalog keys `charte.proposal.<principle>.1` …).
PROPOSALS = 4
#: The number of each principle's collective proposal, the last: something the group does together (vote a rule
#: for the group, write to the collège or the city, ask the youth centre), so that a charter is not only private
#: habits. The others are habits each teen keeps.
COLLECTIVE = PROPOSALS


def proposals(principle: str) -> tuple[str, ...]:
    """The ids of a principle's proposals, `<principle>.<number>` (catalog key `charte.proposal.<id>`): what a
    teen's page tells the group screen it keeps, and what the group's charter counts."""
    return tuple(f"{principle}.{number}" for number in range(1, PROPOSALS + 1))
