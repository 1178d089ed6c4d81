"""Workshop 1 on the group screen: what the page tells when the teen makes a double and checks a guess, and
the figures the facilitator projects from the room's answers."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.analysis.day_events import points_per_day
from kit.group import figures_of
from kit.group.figure import Figure
from kit.widgets.guess import GuessCard
from kit.workshops.ma_journee import MaJournee

STEM = "01_ma_journee"


def _figure(question: str) -> Figure:
    return next(figure for figure in figures_of(STEM) if figure.question == question)


def _notice_shown(page: MaJournee, prefix: str) -> bool:
    return any(isinstance(part, widgets.HTML) and "datatrail-group-notice" in part.value for part in page.shown[prefix])


def test_the_double_tells_its_data_points_and_tracker_requests_a_day(told, page_with_double) -> None:
    page = page_with_double(MaJournee)
    per_day = told[STEM, "points_per_day"]
    assert per_day == points_per_day(page.trail)
    assert set(per_day) == {"app_sessions", "location_pings", "tracker_requests"}
    requests = told[STEM, "requests_per_app"]
    assert requests and set(requests) <= {app.id for app in page.scenario.apps}
    assert sum(requests.values()) == pytest.approx(per_day["tracker_requests"], abs=0.5)
    assert all(_notice_shown(page, prefix) for prefix in ("ma_journee.step1", "ma_journee.step2",
                                                          "ma_journee.step3"))
    assert not _notice_shown(page, "ma_journee.step4")  # cutting the tap tells nothing


@pytest.mark.parametrize("right", [True, False])
def test_checking_a_guess_tells_whether_it_found_the_home(told, page_with_double, right: bool) -> None:
    page = page_with_double(MaJournee)
    card = next(part for part in page.shown["ma_journee.step3"] if isinstance(part, GuessCard))
    home = page.trail["personas"].iloc[0]["home_place_id"]
    card.guess.value = next(place for _, place in card.guess.options if (place == home) is right)
    assert (STEM, "found") not in told  # choosing is not answering: the button is
    card.check.click()
    assert told[STEM, "found"] is right
    page.language.value = "en"  # the reveal is redrawn in English, the answer stays as told
    assert told[STEM, "found"] is right


def test_outside_a_room_the_page_says_nothing_about_a_group(page_with_double) -> None:
    page = page_with_double(MaJournee)
    assert not any(_notice_shown(page, prefix) for prefix in page.shown)


def test_the_guesses_show_how_many_found_in_each_language() -> None:
    guesses = _figure("found")
    assert guesses.step == "ma_journee.step3"
    drawn = guesses.draw([True, False, True, True], "fr")
    assert drawn.headline == "3 sur 4 ont trouvé le quartier de leur double"
    assert [(bar.label, bar.value, bar.text) for bar in drawn.bars] == [("Trouvé", 0.75, "3 sur 4"),
                                                                        ("Pas trouvé", 0.25, "1 sur 4")]
    assert guesses.draw([False, False, True], "fr").headline == "1 sur 3 a trouvé le quartier de son double"
    english = guesses.draw([True, False, True, True], "en")
    assert english.headline == "3 of 4 found their double's neighbourhood"
    assert [bar.label for bar in english.bars] == ["Found", "Not found"]


def test_the_data_points_a_day_are_the_groups_median() -> None:
    days = [{"app_sessions": 10.0, "location_pings": 100.0, "tracker_requests": 50.0},
            {"app_sessions": 20.0, "location_pings": 150.0, "tracker_requests": 110.0},
            {"app_sessions": 30.0, "location_pings": 1200.0, "tracker_requests": 150.0}]
    drawn = _figure("points_per_day").draw(days, "fr")
    assert drawn.headline == "En médiane, un double du groupe produit 280 données par jour."
    assert [(bar.value, bar.text) for bar in drawn.bars] == [(20.0, "20 par jour"), (150.0, "150 par jour"),
                                                             (110.0, "110 par jour")]
    assert drawn.bars[1].label == "ta position est enregistrée"
    english = _figure("points_per_day").draw(days, "en")
    assert english.headline == "The group's typical double (the median) produces 280 data points a day."
    assert english.bars[0].text == "20 a day"


def test_the_chattiest_apps_are_the_three_with_the_most_requests_across_the_room() -> None:
    answers = [{"snapflash": 62.6, "vidstream": 26.2, "sonic": 17.4}, {"picfeed": 40.0, "sonic": 30.0},
               {"snapflash": 10.0, "runtrack": 5.0}, {}]
    drawn = _figure("requests_per_app").draw(answers, "fr")
    assert drawn.headline.startswith("Les applis qui envoient le plus aux traqueurs")
    assert [(bar.label, bar.text) for bar in drawn.bars] == [("SnapFlash", "73 par jour"), ("Sonic", "47 par jour"),
                                                            ("PicFeed", "40 par jour")]
    assert _figure("requests_per_app").draw(answers, "en").bars[0].text == "73 a day"


def test_the_figures_follow_the_pages_steps() -> None:
    assert [figure.step for figure in figures_of(STEM)] == ["ma_journee.step1", "ma_journee.step2",
                                                            "ma_journee.step3"]
