"""Workshops 3 and 4 in a session for 11–13-year-olds (`datatrail serve --ages 11-13`): each step explains
itself in plain words, in French and in English, and switching language keeps what the teen did."""

from __future__ import annotations

import pytest

from kit.i18n import DEFAULT_AGES, age_catalog, use_ages
from kit.page_env import AGES_VARIABLE
from kit.widgets.steps import StepHeader


@pytest.fixture
def plain_session(monkeypatch):
    """The session's age band as `datatrail serve --ages 11-13` gives it to a page: in its environment."""
    monkeypatch.setenv(AGES_VARIABLE, "11-13")
    yield
    use_ages(DEFAULT_AGES)  # the next page (or test) without the variable installs the default band anyway


def _plain(key: str, language: str) -> str:
    return age_catalog("11-13", language)[key]


def _title(page) -> str:
    """The workshop's title and introduction, as its page starts."""
    return next(part for part in page.start().children if isinstance(part, StepHeader)).heading.value


def test_workshop_3_explains_itself_plainly_and_keeps_the_teens_choices_in_english(plain_session, workshop_page,
                                                                                  shown_text) -> None:
    page = workshop_page("03_profilage", double="lune42", habits=("music",))
    header = _title(page)
    assert _plain("workshop.03_profilage.text", "fr") in header
    assert _plain("profilage.step1.text", "fr") in page.step_profile().children[0].heading.value
    assert "Sa limite : il te met dans un groupe" in shown_text(page, "profilage.step1")
    chart = page.shown["profilage.step1"][0]
    assert chart.layout.annotations[0].text.startswith("limite : ")
    auction, blur = page.shown["profilage.step2"][0], page._parts["blur"]
    auction.session.value = auction.session.options[3][1]
    auction.ad.value = auction.ad.options[-1][1]
    blur.no_night.value = True
    chosen = (auction.session.value, auction.ad.value)

    page.language.value = "en"
    assert _plain("workshop.03_profilage.text", "en") in _title(page)
    assert "Its limit: it puts you in a group" in shown_text(page, "profilage.step1")
    assert "thousandths of a second" in auction.words.value
    assert (auction.session.value, auction.ad.value) == chosen and blur.no_night.value
    assert page.shown["profilage.step2"][0] is auction and page._parts["blur"] is blur


def test_workshop_4_explains_antennas_k_and_its_scale_and_keeps_the_teens_choices(plain_session,
                                                                                 workshop_page) -> None:
    page = workshop_page("04_anonymat")
    assert "r003c004" in page.step_guess().children[0].heading.value
    assert "k est un nombre que tu choisis" in page.step_protect().children[0].heading.value
    game, panel = page._parts["guess"], page._parts["protect"]
    game.start.click()
    game.clues.children[0].value = True
    panel.k.value, panel.hours.value = 10, 4
    assert panel.k.description == _plain("anonymat.protect.k", "fr")
    assert game.figure.layout.yaxis.title.text == _plain("anonymat.guess.axis", "fr")

    page.language.value = "en"
    assert game.ticked and game.clues.children[0].value
    assert (panel.k.value, panel.hours.value) == (10, 4)
    assert panel.k.description == _plain("anonymat.protect.k", "en")
    assert "1 to 10 takes as much room as 100 to 1000" in game.figure.layout.yaxis.title.text


def test_without_the_setting_a_page_keeps_the_texts_for_11_to_17(workshop_page) -> None:
    page = workshop_page("04_anonymat")
    assert "c'est le" in page.step_protect().children[0].heading.value.replace("« ", "")
    assert "k est un nombre" not in page.step_protect().children[0].heading.value
