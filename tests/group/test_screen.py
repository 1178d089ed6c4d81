"""What the group screen's page receives (`kit.group.screen`): « en attente de 5 réponses » before k answers, the
figure after, the room's status from the pages still open, and never a page's name."""

from __future__ import annotations

import json

import pytest

from kit.group import screen as screen_module
from kit.group.board import Board
from kit.group.figure import Drawn, Figure, shares
from kit.group.screen import screen

W = "02_consentement"


def _choices(answers: list[object], language: str) -> Drawn:
    return Drawn(headline=f"{len(answers)}", bars=shares(answers, ("accept", "refuse"), lambda key, _: key, language))


@pytest.fixture(autouse=True)
def one_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    figures = {W: (Figure("consentement.step1", "banner", _choices),)}
    monkeypatch.setattr(screen_module, "figures_of", lambda stem: figures.get(stem, ()))


def shown(board: Board, live: set[str], language: str = "fr") -> dict:
    return screen(board, live, language, full=False, left=10)


def test_a_figure_waits_for_k_answers_and_says_so() -> None:
    board = Board(k=5)
    for page in ("p1", "p2", "p3", "p4"):
        board.record(page, W, "banner", "accept")
    (figure,) = shown(board, set())["workshops"][W]
    assert figure["waiting"] == "En attente de 5 réponses"
    assert figure["received"] == "4 reçues pour l'instant"
    assert "bars" not in figure
    assert shown(board, set(), "en")["workshops"][W][0]["waiting"] == "Waiting for 5 answers"


def test_the_figure_counts_the_group_and_says_what_waits() -> None:
    board = Board(k=5)
    for number in range(6):
        board.record(f"p{number}", W, "banner", "refuse" if number == 2 else "accept")
    (figure,) = shown(board, set())["workshops"][W]
    assert figure["counted"] == 5
    assert [bar["text"] for bar in figure["bars"]] == ["4 sur 5", "1 sur 5"]
    assert figure["next"].startswith("1 nouvelle réponse attend d'être 5")
    assert "accept : 4 sur 5" in figure["alt"]


def test_no_page_name_reaches_the_screen() -> None:
    board = Board(k=3)
    pages = {f"kernel-{number:04d}-secret" for number in range(4)}
    for page in pages:
        board.record(page, W, "banner", "accept")
        board.record(page, W, "opened", True)
    sent = json.dumps(shown(board, pages))
    assert not any(page in sent for page in pages)


def test_the_status_counts_open_pages_and_the_figure_keeps_the_answers_of_those_who_left() -> None:
    board = Board(k=3)
    for page in ("a", "b", "c"):
        board.record(page, W, "opened", True)
        board.record(page, W, "banner", "accept")
    board.record("a", W, "double", True)
    board.record("b", W, "error", True)
    status = next(one for one in shown(board, {"a", "b", "c"})["room"]["workshops"] if one["stem"] == W)
    assert status["open"] == 3 and status["status"] == "sur la page : 3 ; doubles créés : 1"
    assert status["errors"] == "1 page en difficulté, à recharger"
    after = shown(board, {"b", "c"})
    assert next(one for one in after["room"]["workshops"] if one["stem"] == W)["open"] == 2
    assert after["room"]["teens"] == "2 ados connectés"
    assert after["workshops"][W][0]["counted"] == 3, "a teen who left takes nothing back"
    others = [one["status"] for one in after["room"]["workshops"] if one["stem"] != W]
    assert others and all(status == "sur la page : 0" for status in others), "a workshop without doubles counts some"


def test_a_figure_that_fails_does_not_blank_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(answers: list[object], language: str) -> Drawn:
        raise ZeroDivisionError

    monkeypatch.setattr(screen_module, "figures_of",
                        lambda stem: (Figure("consentement.step1", "banner", broken),) if stem == W else ())
    board = Board(k=3)
    for page in ("a", "b", "c"):
        board.record(page, W, "banner", "accept")
    assert shown(board, set())["workshops"][W][0]["waiting"] == "Cette figure n'a pas pu être dessinée."


def test_free_text_reaches_the_screen_only_once_approved() -> None:
    board = Board()
    board.add_text("Écrire au collège")
    texts = shown(board, set())["texts"]
    assert texts["approved"] == [] and [kept["text"] for kept in texts["waiting"]] == ["Écrire au collège"]
    board.decide(texts["waiting"][0]["number"], True)
    assert [kept["text"] for kept in shown(board, set())["texts"]["approved"]] == ["Écrire au collège"]
