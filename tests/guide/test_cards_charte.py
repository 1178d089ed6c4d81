"""Workshop 6 on paper ("Notre charte de la donnée"): the principles and commitments are the screen's words, the
app grid holds the apps and trackers tables' facts, and the answer key gives the screen's grades."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sheet_text import words

from kit.analysis.app_label import CRITERIA, app_points, label, rated_apps
from kit.analysis.charter import PRINCIPLES, PROPOSALS
from kit.guide.cards import CardData
from kit.guide.cards.charte import sheets
from kit.i18n import LANGUAGES, text


def _rows(html: str, table_class: str) -> list[list[str]]:
    """The body rows of the table with `table_class`, each as the words of its cells."""
    table = re.search(rf'<table class="{table_class}">(.*?)</table>', html, flags=re.DOTALL).group(1)
    body = table.split("<tbody>", 1)[1]
    return [[" ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.DOTALL)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.DOTALL)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_card_per_principle_with_its_example_and_every_commitment(card_data: CardData, language: str) -> None:
    seen = words(sheets(card_data, language).cards)
    assert seen.count(text("charte.step1.title", language)) == 1 + len(PRINCIPLES)  # the heading, then a tag each
    for principle in PRINCIPLES:
        assert text(f"charte.principle.{principle}.example", language) in seen
        for number in range(1, PROPOSALS + 1):
            assert text(f"charte.proposal.{principle}.{number}", language) in seen


def test_the_grid_has_one_row_per_rated_app_with_the_tables_facts(card_data: CardData) -> None:
    rows = _rows(sheets(card_data, "fr").cards, "grid")
    apps = card_data.tables["apps"].set_index("app_id")
    trackers = card_data.tables["trackers"].set_index("tracker_id")
    rated = rated_apps(card_data.scenario)
    assert [row[0] for row in rows] == [apps.loc[app.id, "name"] for app in rated]
    assert len(rows) == 11  # the 11 phone apps; the transit card and the canteen badge are not rated
    for row, app in zip(rows, rated, strict=True):
        facts = apps.loc[app.id]
        used = [tracker for tracker in str(facts["trackers"]).split("|") if tracker]
        assert row[1].startswith(str(facts["tracker_count"]))
        assert all(trackers.loc[tracker, "company"] in row[1] for tracker in used)
        assert all(trackers.loc[tracker, "country"] in row[5] for tracker in used)
        assert (f"{facts['min_age']} ans" in row[4]) == bool(facts["min_age"])
        assert row[-1] == row[-2] == ""  # the group writes its total and letter


def test_the_answer_key_gives_each_apps_points_and_letter_as_the_screen_does(card_data: CardData) -> None:
    rows = _rows(sheets(card_data, "fr").answers, "keep")
    for row, app in zip(rows, rated_apps(card_data.scenario), strict=True):
        points = app_points(app, card_data.scenario)
        assert row == [app.name, *(str(points[criterion]) for criterion in CRITERIA), str(sum(points.values())),
                       label(points)]
    assert {row[-1] for row in rows} >= {"A", "E"}


def test_the_letter_scale_on_paper_is_the_screens(card_data: CardData) -> None:
    seen = words(sheets(card_data, "fr").cards)
    assert "A de 9 à 10 · B de 7 à 8 · C de 5 à 6 · D de 3 à 4 · E de 0 à 2" in seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_says_where_the_charter_comes_from(card_data: CardData, language: str) -> None:
    assert text("charte.poster_footer", language) in words(sheets(card_data, language).cards)
