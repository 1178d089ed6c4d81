"""Workshop 6's figure on the group screen (see `kit.group`), and the room's charter: the proposals a strict
majority of the pages kept, under their principles, then the group's own commitments the facilitator approved.

Answers, as the page tells them (`kit.workshops.charte`): "commitments" is the list of the proposals' ids a page
keeps (`kit.analysis.charter.proposals`); "own_commitment" is free text, which the server shows, and passes
to `group_charter`, only once the facilitator has approved it (`MODERATED`).
"""

from __future__ import annotations

from collections.abc import Collection

from kit.analysis.charter import PRINCIPLES, proposals
from kit.group.figure import Drawn, Figure
from kit.group.several import shares_choosing
from kit.i18n import text

__all__ = ["FIGURES", "MODERATED", "STEM", "VOTES", "group_charter"]

#: The workshop's stem, and the question whose answers are the room's votes: the group screen's poster reads them.
STEM = "06_charte"
VOTES = "commitments"

#: The questions whose answers are free text: the screen shows each only after the facilitator approves it.
MODERATED = ("own_commitment",)

#: The charter's proposals, in its order: what the room votes on.
_PROPOSALS = tuple(proposal for principle in PRINCIPLES for proposal in proposals(principle))


def _ballots(votes: list[object]) -> list[Collection[str]]:
    return [set(vote) for vote in votes]  # type: ignore[call-overload]


def _kept_by_majority(ballots: list[Collection[str]]) -> set[str]:
    """The proposals more than half the pages kept (a tie keeps nothing: half the room did not choose it)."""
    return {proposal for proposal in _PROPOSALS if 2 * sum(proposal in ballot for ballot in ballots) > len(ballots)}


def _proposal(proposal: str, language: str) -> str:
    return text(f"charte.proposal.{proposal}", language)


def _votes(answers: list[object], language: str) -> Drawn:
    ballots = _ballots(answers)
    return Drawn(headline=text("charte.group.votes", language, count=len(_kept_by_majority(ballots)),
                               total=len(_PROPOSALS)),
                 bars=shares_choosing(ballots, _PROPOSALS, _proposal, language))


def group_charter(votes: list[object], approved: list[str],
                  language: str) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]:
    """The room's charter, as `kit.widgets.poster.Charter` (for `poster_document`): each principle with the
    proposals a strict majority of `votes` kept, then the own commitments in `approved` (the facilitator's
    choice among the answers to "own_commitment") under a heading of their own; no app labels."""
    kept = _kept_by_majority(_ballots(votes))
    principles = [(text(f"charte.principle.{principle}.name", language),
                   [_proposal(proposal, language) for proposal in proposals(principle) if proposal in kept])
                  for principle in PRINCIPLES]
    own = [commitment.strip() for commitment in approved if commitment.strip()]
    return principles + ([(text("charte.group.own", language), own)] if own else []), []


FIGURES: tuple[Figure, ...] = (Figure("charte.step2", VOTES, _votes),)
