"""What a banner answer comes to, and what each design allows: the group screen counts choices by these."""

from __future__ import annotations

import pytest

from kit.analysis.banners import PURPOSES, choice_of, choices_on, hides_reject
from kit.scenario.model import Scenario


@pytest.mark.parametrize(("allowed", "choice"), [
    (frozenset(PURPOSES), "accept"), (frozenset(), "refuse"), (frozenset(PURPOSES[:1]), "customise")])
def test_an_answer_comes_to_accept_refuse_or_customise(allowed: frozenset[str], choice: str) -> None:
    assert choice_of(allowed) == choice


@pytest.mark.parametrize(("banner_id", "choices", "hidden"), [
    ("fair", ("accept", "refuse"), False),
    ("reject_hidden", ("accept", "refuse", "customise"), True),
    ("no_reject", ("accept",), True),
    ("pre_ticked", ("accept", "refuse", "customise"), False),
    ("granular", ("accept", "refuse", "customise"), False),
])
def test_each_design_allows_the_choices_its_buttons_give(nantes: Scenario, banner_id: str,
                                                         choices: tuple[str, ...], hidden: bool) -> None:
    banner = next(banner for banner in nantes.consent.banners if banner.id == banner_id)
    assert choices_on(banner) == choices
    assert hides_reject(banner) is hidden
