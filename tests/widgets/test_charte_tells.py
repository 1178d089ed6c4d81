"""Workshop 6's page tells the room's group screen the proposals the teen keeps (their ids, whatever their
wording) at each tick, and the group's own words, short, once the teen leaves the box."""

from __future__ import annotations


def test_only_the_commitments_step_says_that_answers_count(workshop_page, room_answers) -> None:
    page = workshop_page("06_charte")
    assert list(room_answers.notices(page)) == ["charte.step2"]


def test_each_tick_tells_every_proposal_kept_by_its_id(workshop_page, room_answers) -> None:
    page = workshop_page("06_charte")
    page.commitments["protection"].keep[0].value = True
    page.commitments["sobriete"].wording[2].value = "On remplit le moins possible"
    page.commitments["sobriete"].keep[2].value = True
    page.commitments["protection"].keep[0].value = False
    assert room_answers.to("06_charte", "commitments") == [["protection.1"], ["protection.1", "sobriete.3"], ["sobriete.3"]]


def test_own_words_are_told_trimmed_short_and_withdrawn_when_erased(workshop_page, room_answers) -> None:
    page = workshop_page("06_charte")
    assert not page.commitments["confiance"].own.continuous_update  # sent when the teen leaves the box
    page.commitments["confiance"].own.value = "  On se demande avant de poster\n\n"
    page.commitments["sobriete"].own.value = "On éteint la localisation " * 10
    told = room_answers.to("06_charte", "own_commitment")
    assert told[0] == "On se demande avant de poster"
    assert told[1].startswith("On se demande avant de poster / On éteint") and told[1].endswith(" …")
    assert len(told[1]) <= 140
    page.commitments["confiance"].own.value = page.commitments["sobriete"].own.value = ""
    assert room_answers.to("06_charte", "own_commitment")[-1] == ""
