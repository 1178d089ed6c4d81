"""Answers that are several choices each (the protections a teen used, the commitments a teen keeps): the share
of answers that chose each one, written as `kit.group.figure.shares` writes it, « 9 sur 14 »."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from kit.group.figure import Bar, shares

__all__ = ["shares_choosing"]


def shares_choosing(answers: Sequence[Collection[str]], categories: Iterable[str],
                    label: Callable[[str, str], str], language: str) -> tuple[Bar, ...]:
    """For each category, in the order given, the share of answers that include it among their choices."""
    # Each category is its own question "chose it or not", so that `shares` counts it out of every answer.
    return tuple(shares([category if category in answer else "" for answer in answers], [category], label,
                        language)[0] for category in categories)
