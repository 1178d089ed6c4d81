"""Workshop 4's page, driven as a teen would: a Guess-Who game on the crowd's nameless traces, the
unicity curve over the crowd next to the published study, and protecting the data until people hide in
groups, at a cost for a bus-line planner."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest

from kit.analysis.crowd import RESIDENTS, shared_crowd
from kit.analysis.unicity import PUBLISHED, matching_people
from kit.workshops import anonymat
from kit.workshops.anonymat import Anonymat

STEPS = ("anonymat.step1", "anonymat.step2", "anonymat.step3", "anonymat.step4")


@pytest.fixture(scope="module")
def page(workshop_page) -> Anonymat:
    """One page for the module: the crowd is built once, when the first test presses a button."""
    return workshop_page("04_anonymat")


def _part(page: Anonymat, step: str):
    return page.shown[step][0]


def test_the_page_draws_at_once_without_building_the_crowd(monkeypatch, workshop_page) -> None:
    asked = []
    monkeypatch.setattr(anonymat, "shared_crowd", asked.append)
    fresh = workshop_page("04_anonymat")
    assert fresh.picker is None and asked == []
    assert _part(fresh, "anonymat.step1").start.description == "Lancer le jeu"
    assert _part(fresh, "anonymat.step2").figure is None
    assert _part(fresh, "anonymat.step3").answers is None


def test_each_clue_shrinks_the_crowd_down_to_the_mystery_person(page: Anonymat) -> None:
    game = _part(page, "anonymat.step1")
    game.start.click()
    assert game.start.layout.display == "none" and len(game.clues.children) == len(game.points) >= 4
    labels = [box.description for box in game.clues.children]
    assert all("près de" in label for label in labels) and len(set(labels)) == len(labels)
    weekday = ("lundi", "mardi", "mercredi", "jeudi", "vendredi")[game.points["timestamp"].iloc[0].day_of_week]
    assert f"La journée de la personne mystère, un {weekday}." in game.result.value
    for box in game.clues.children:
        box.value = True
    assert game.left[0] == RESIDENTS
    assert all(later <= earlier for earlier, later in pairwise(game.left))
    crowd = page.crowd()
    for count, left in enumerate(game.left):
        suspects = matching_people(crowd, game.points.iloc[game.ticked[:count]])
        assert len(suspects) == left and game.target in suspects
    assert game.left[-1] == 1
    assert list(game.figure.data[0].y) == game.left
    assert "il reste 1 personne." in game.result.value and "Trouvé !" in game.result.value
    game.clues.children[-1].value = False
    assert len(game.left) == len(game.points)


def test_another_mystery_person_starts_a_new_game(page: Anonymat) -> None:
    game = _part(page, "anonymat.step1")
    if game.target is None:
        game.start.click()
    first = game.target
    game.another.click()
    assert game.target != first and game.ticked == [] and game.left == [RESIDENTS]
    assert not any(box.value for box in game.clues.children)


def test_the_curve_has_the_published_shape(page: Anonymat) -> None:
    """de Montjoye et al. 2013: unicity rises with points, 4 points at hour x antenna single out at least
    nine people in ten (95 %), 2 points far fewer (about half); coarser data, lower curve."""
    curve = _part(page, "anonymat.step2")
    curve.measure.click()
    finest = list(curve.figure.data[0].y)
    assert list(curve.figure.data[0].x) == [1, 2, 3, 4, 5]
    assert all(later >= earlier for earlier, later in pairwise(finest)) and finest[0] < finest[1] < finest[3]
    assert finest[3] >= 0.9
    assert finest[3] - finest[1] >= 0.15
    study = curve.figure.data[-1]
    assert dict(zip(study.x, study.y)) == PUBLISHED
    curve.hours.value, curve.cells.value = 4, 2
    coarse = list(curve.figure.data[1].y)
    assert len(curve.figure.data) == 3
    assert all(fine >= blurred for fine, blurred in zip(finest, coarse)) and coarse[3] <= finest[3] - 0.2
    # CLDR's French percentages hold a no-break space: "98" and "%" stay on one line of a phone.
    assert f"4 indices {round(100 * finest[3])}\u00a0%" in curve.words.value
    assert f"retrouvent encore {round(100 * coarse[3])}\u00a0%" in curve.words.value


def test_protecting_hides_people_in_groups_and_blurs_the_planners_answer(page: Anonymat) -> None:
    panel = _part(page, "anonymat.step3")
    panel.measure.click()
    raw_only_hidden, (raw, same) = panel.hidden, panel.answers
    assert raw_only_hidden < 0.1 and same == raw > 0
    panel.hours.value, panel.cells.value, panel.drop_rare.value = 24, 4, True
    hidden, (raw_again, protected) = panel.hidden, panel.answers
    assert hidden >= 0.9 and raw_again == raw
    assert protected > 2 * raw  # whole days and 4x4 antennas: the stop's rush hour drowns in the city's day
    assert list(panel.figure.data[0].y) == [raw, protected]
    words = panel.words.value
    # Who hides whom reads the right way: the people stay hidden, even from someone who knows 4 clues.
    assert f"{round(100 * hidden)}\u00a0% des personnes restent cachées" in words and "l'arrêt Commerce" in words
    assert "même pour quelqu'un qui connaît 4 indices sur elles" in words
    # The teen reads how many antennas make a group (16 for 4 per side), as the curve's line says « 16 antennes ».
    assert panel.cells.label == "16" and panel.cells.description == "Antennes par groupe"
    assert "la protection" in " ".join(part.value for part in page.shown["anonymat.step4"])


def test_english_redraws_and_keeps_the_teens_choices(page: Anonymat, shown_text) -> None:
    game, curve = _part(page, "anonymat.step1"), _part(page, "anonymat.step2")
    if game.target is None:
        game.start.click()
    if curve.figure is None:
        curve.measure.click()
    target = game.target
    page.language.value = "en"
    try:
        assert game.target == target and "people are left" in game.result.value
        assert game.start.description == "Start the game"
        assert "Data charter principle: protection" in shown_text(page, "anonymat.step4")
        assert curve.figure.layout.title.text == "Share of people found for sure"
    finally:
        page.language.value = "fr"


def test_every_page_plays_with_one_crowd_and_leaves_it_as_built(page: Anonymat) -> None:
    """Run last: after the games, curves and protections above, the crowd the pages share is unchanged."""
    other = Anonymat()
    assert other.crowd() is page.crowd() and other.antennas() is page.antennas()
    rebuilt = shared_crowd.__wrapped__(page.scenario)
    pd.testing.assert_frame_equal(page.crowd(), rebuilt.pings)
    pd.testing.assert_frame_equal(page.antennas(), rebuilt.antennas)
