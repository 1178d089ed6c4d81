"""The group screen's rule (`kit.group.board`): nothing before k answers, changes only by batches of k, nothing
taken back when a teen leaves, no page and no arrival order in what a figure gets, free text only once approved."""

from __future__ import annotations

import pytest

from kit.group.board import DEFAULT_K, MIN_K, Board

W = "02_consentement"


def answered(board: Board, answers: dict[str, object], question: str = "banner") -> None:
    for page, answer in answers.items():
        board.record(page, W, question, answer)


def test_nothing_is_released_before_k_pages_answered() -> None:
    board = Board(k=5)
    answered(board, {f"p{n}": "accept" for n in range(4)})
    assert board.released(W, "banner") is None
    assert board.waiting(W, "banner") == 4
    board.record("p4", W, "banner", "refuse")
    assert sorted(board.released(W, "banner")) == ["accept"] * 4 + ["refuse"]
    assert board.waiting(W, "banner") == 0


def test_one_page_answering_again_and_again_is_not_k_answers() -> None:
    board = Board(k=3)
    for answer in ("accept", "refuse", "customise", "accept", "refuse"):
        board.record("alone", W, "banner", answer)
    assert board.released(W, "banner") is None


def test_a_teen_joining_after_the_release_does_not_change_the_screen_alone() -> None:
    """The difference attack, joining: the screen before and after one more answer is the same figure; it changes
    only once k pages have answered anew, so a change mixes k answers."""
    board = Board(k=5)
    answered(board, {f"p{n}": "accept" for n in range(5)})
    before = board.released(W, "banner")
    board.record("newcomer", W, "banner", "refuse")
    assert board.released(W, "banner") == before
    answered(board, {f"q{n}": "accept" for n in range(3)})
    assert board.released(W, "banner") == before
    board.record("q3", W, "banner", "accept")
    after = board.released(W, "banner")
    assert len(after) == 10 and after.count("refuse") == 1


def test_a_teen_changing_their_answer_waits_for_the_batch_too() -> None:
    board = Board(k=3)
    answered(board, {"a": "accept", "b": "accept", "c": "accept"})
    board.record("a", W, "banner", "refuse")
    assert board.released(W, "banner") == ["accept"] * 3


def test_a_teen_leaving_takes_nothing_back() -> None:
    """The difference attack, leaving: an answer stays for the session once given (the status counts live pages
    apart, tests/group/test_screen.py), so no figure loses exactly one answer."""
    board = Board(k=3)
    answered(board, {"a": "accept", "b": "refuse", "c": "accept"})
    board.record("a", W, "opened", True)
    assert sorted(board.released(W, "banner")) == ["accept", "accept", "refuse"]


@pytest.mark.parametrize("order", [("a", "b", "c", "d"), ("d", "c", "b", "a"), ("b", "d", "a", "c")])
def test_what_a_figure_gets_does_not_depend_on_who_answered_first(order: tuple[str, ...]) -> None:
    answers = {"a": {"x": 1}, "b": {"x": 2}, "c": "refuse", "d": 3}
    board = Board(k=4)
    for page in order:
        board.record(page, W, "banner", answers[page])
    assert board.released(W, "banner") == ["refuse", 3, {"x": 1}, {"x": 2}]  # sorted by their JSON


def test_questions_and_workshops_are_counted_apart() -> None:
    board = Board(k=3)
    answered(board, {"a": 1, "b": 2}, question="one")
    answered(board, {"c": 1}, question="two")
    board.record("d", "01_ma_journee", "one", 1)
    assert board.released(W, "one") is None and board.released("01_ma_journee", "one") is None


def test_k_is_never_below_the_minimum() -> None:
    assert DEFAULT_K == 5 and MIN_K == 3
    with pytest.raises(ValueError):
        Board(k=MIN_K - 1)


def test_free_text_waits_for_the_facilitator_one_by_one() -> None:
    board = Board()
    board.add_text("On écrit au maire")
    board.add_text("texte à écarter")
    waiting = board.texts(None)
    assert [kept.text for kept in waiting] == ["On écrit au maire", "texte à écarter"]
    assert board.texts(True) == []
    assert board.decide(waiting[0].number, True)
    assert board.decide(waiting[1].number, False)
    assert not board.decide(waiting[1].number, True), "a text set aside stays aside"
    assert not board.decide("made-up", True)
    assert [kept.text for kept in board.texts(True)] == ["On écrit au maire"]
    assert board.texts(None) == []
