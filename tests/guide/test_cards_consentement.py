"""Workshop 2 on paper ("Cookies : oui, non, peut-être ?"): one fold card per banner design, drawn with the
screen's buttons, whose back agrees with the class's tracker requests, and an answer key with the screen's
step 3 figure."""

from __future__ import annotations

import re

import pytest
from sheet_text import blocks, words

from kit.engine.consent import acceptance_probability
from kit.guide.cards import CardData, Sheets
from kit.guide.cards.consentement import sheets
from kit.i18n import LANGUAGES, text


@pytest.fixture(scope="module", params=LANGUAGES)
def printed(request: pytest.FixtureRequest, card_data: CardData) -> tuple[str, Sheets]:
    return request.param, sheets(card_data, request.param)


def _app_of(card_data: CardData, banner_id: str):
    return next(app for app in card_data.scenario.apps if app.banner == banner_id)


def test_one_fold_card_per_banner_design_with_its_app_text_and_partners(printed, card_data: CardData) -> None:
    language, printed_sheets = printed
    banners = card_data.scenario.consent.banners
    fronts, backs = blocks(printed_sheets.cards, "front"), blocks(printed_sheets.cards, "back")
    assert len(banners) == 5 and len(fronts) == len(backs) == 5
    for banner, front, back in zip(banners, fronts, backs):
        app = _app_of(card_data, banner.id)
        assert " ".join(banner.text[language].split()) in front
        assert text("consentement.banner.heading", language, app=app.name) in front
        assert text("consentement.banner.vendors", language, vendors=banner.vendors) in front
        assert banner.label[language] in back and f" {banner.vendors}" in back


def test_the_buttons_are_the_dark_patterns(printed, card_data: CardData) -> None:
    language, printed_sheets = printed
    buttons = re.findall(r'<span class="button (primary|plain)">([^<]*)</span>', printed_sheets.cards)
    fronts = re.findall(r'<div class="front">(.*?)<div class="back">', printed_sheets.cards, flags=re.DOTALL)
    reject, accept = text("consentement.banner.reject", language), text("consentement.banner.accept", language)
    customise = text("consentement.banner.customise", language)
    assert buttons
    for banner, front in zip(card_data.scenario.consent.banners, fronts):
        drawn = re.findall(r'<span class="button (primary|plain)">([^<]*)</span>', front)
        first_layer = drawn[:len(drawn) - 2] if banner.reject == "settings" else drawn
        # "Accept all" is always there, big; "Reject all" is big on the first screen or absent from it.
        assert ("primary", accept) in first_layer
        assert (("primary", reject) in first_layer) == (banner.reject == "first_layer")
        assert (("plain", customise) in first_layer) == (banner.reject == "settings")
        assert front.count("✓") == (3 if banner.pre_ticked else 0)
    no_reject = fronts[[banner.reject for banner in card_data.scenario.consent.banners].index("none")]
    assert reject not in words(no_reject)


def test_the_back_says_what_a_yes_sent_in_the_class_month(printed, card_data: CardData) -> None:
    language, printed_sheets = printed
    requests, scenario = card_data.tables["tracker_requests"], card_data.scenario
    trackers = {tracker.id: tracker for tracker in scenario.trackers}
    for banner, back in zip(scenario.consent.banners, blocks(printed_sheets.cards, "back")):
        sent = requests[(requests["app"] == _app_of(card_data, banner.id).id) & (requests["consent"] == "accepted")]
        asked = sent[sent["tracker"].map(lambda tracker_id: trackers[tracker_id].category != "crash")]
        assert asked["tracker"].nunique() > 0
        fields = {field for row in asked["data_sent"] for field in row.split("|")}
        assert text("cards.consentement.yes", language, count=asked["tracker"].nunique(),
                    data=", ".join(sorted(scenario.data_fields[field][language] for field in fields))) in back


def test_the_answer_key_gives_each_trick_and_the_class_acceptance(printed, card_data: CardData) -> None:
    language, printed_sheets = printed
    events, scenario = card_data.tables["consent_events"], card_data.scenario
    rows = re.findall(r"<tr>(.*?)</tr>", printed_sheets.answers, flags=re.DOTALL)[1:]
    assert len(rows) == len(scenario.consent.banners)
    for banner, row in zip(scenario.consent.banners, rows):
        answered = events[events["banner"] == banner.id]
        class_pct = round(100 * (answered["choice"] == "accept_all").mean())
        model_pct = round(100 * acceptance_probability(scenario.consent.acceptance, banner))
        cells = words(row)
        assert text("cards.consentement.class_cell", language, pct=class_pct, answers=len(answered)) in cells
        assert f"{model_pct}" in cells and banner.label[language] in cells
        if banner.reject != "first_layer":
            assert text(f"consentement.designer.reject_{banner.reject}", language) in cells
        assert (text("consentement.designer.pre_ticked", language) in cells) == banner.pre_ticked
    # Hiding the reject button: the class's gap, as the screen says it, next to the study's +22.
    assert "+22" in words(printed_sheets.answers)


def test_the_tally_sheet_has_a_row_per_card_to_fill(printed, card_data: CardData) -> None:
    language, printed_sheets = printed
    tally = printed_sheets.cards.split('class="tally"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", tally, flags=re.DOTALL)[1:]
    assert len(rows) == 5 and all(row.count("<td></td>") == 3 for row in rows)
    assert "22" in words(printed_sheets.cards.split("</table>")[1].split("page-break")[0])
