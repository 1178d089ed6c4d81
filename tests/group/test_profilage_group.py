"""Workshop 3 on the group screen: what the page tells of the double's profile and of « Brouille les pistes »,
and the figures: the segments the room was given most, the changes it tried, what they did to the price."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.analysis.segments import segments_given
from kit.group import figures_of
from kit.group.figure import Figure
from kit.widgets.blur_panel import BlurPanel
from kit.workshops.profilage import Profilage

STEM = "03_profilage"


def _figure(index: int) -> Figure:
    return figures_of(STEM)[index]


def _notice_shown(page: Profilage, prefix: str) -> bool:
    return any(isinstance(part, widgets.HTML) and "datatrail-group-notice" in part.value for part in page.shown[prefix])


def _blur(less_time: bool = False, no_night: bool = False, refuse_all: bool = False, *, paid_before: float = 0.5,
          paid_now: float = 0.5) -> dict[str, object]:
    return {"less_time": less_time, "no_night": no_night, "refuse_all": refuse_all, "paid_before": paid_before,
            "paid_now": paid_now}


def test_the_profile_tells_its_segments_only(told, page_with_double) -> None:
    page = page_with_double(Profilage)
    segments = told[STEM, "segments"]
    assert segments == segments_given(page.trail["profiles"]) and segments
    assert set(segments) <= {segment.id for segment in page.scenario.profiling.segments}
    assert _notice_shown(page, "profilage.step1") and _notice_shown(page, "profilage.step4")


def test_each_change_in_blur_tells_the_kinds_of_change_and_the_prices(told, page_with_double) -> None:
    page = page_with_double(Profilage)
    panel = next(part for part in page.shown["profilage.step4"] if isinstance(part, BlurPanel))
    assert (STEM, "blur") not in told  # a panel nobody touched answers nothing
    panel.refuse_all.value = True
    blur = told[STEM, "blur"]
    assert blur["refuse_all"] is True and blur["less_time"] is False and blur["no_night"] is False
    assert blur["paid_now"] < blur["paid_before"]
    assert (blur["paid_before"], blur["paid_now"]) == pytest.approx(panel.paid, abs=0.005)
    next(iter(panel.time.values())).value = 0.5
    assert told[STEM, "blur"]["less_time"] is True
    page.language.value = "en"  # relabelling is not a change of the teen's
    assert told[STEM, "blur"]["less_time"] is True and told[STEM, "blur"]["refuse_all"] is True


def test_the_segments_given_most_often_with_how_many_doubles() -> None:
    answers = [["fan_de_sport", "ado_13_15"], ["fan_de_sport", "couche_tard"], ["fan_de_sport", "ado_13_15"], []]
    drawn = _figure(0).draw(answers, "fr")
    assert drawn.headline == "Les segments que le profileur a le plus souvent donnés aux doubles du groupe"
    assert [(bar.label, bar.value, bar.text) for bar in drawn.bars] == [
        ("Fan de sport", 0.75, "3 sur 4"), ("13–15 ans", 0.5, "2 sur 4"), ("Couche-tard", 0.25, "1 sur 4")]
    english = _figure(0).draw(answers, "en")
    assert [(bar.label, bar.text) for bar in english.bars][0] == ("Sports fan", "3 of 4")


def test_at_most_five_segments_are_named() -> None:
    every = ["fan_de_sport", "gamer_assidu", "melomane", "fashionista", "createur", "couche_tard", "petit_budget"]
    assert len(_figure(0).draw([every, every, every[:2]], "fr").bars) == 5


def test_the_changes_the_room_tried_as_shares() -> None:
    answers = [_blur(refuse_all=True), _blur(less_time=True, refuse_all=True), _blur(no_night=True)]
    drawn = _figure(1).draw(answers, "fr")
    assert drawn.headline == "Ce que le groupe a essayé pour brouiller les pistes"
    assert [(bar.label, bar.text) for bar in drawn.bars] == [("Moins de temps sur une appli", "1 sur 3"),
                                                            ("Pas de téléphone la nuit", "1 sur 3"),
                                                            ("Refuser les cookies partout", "2 sur 3")]
    assert [bar.label for bar in _figure(1).draw(answers, "en").bars] == ["Less time in an app", "No phone at night",
                                                                          "Reject cookies everywhere"]


def test_the_median_change_in_what_advertisers_pay() -> None:
    answers = [_blur(paid_before=1.0, paid_now=0.4), _blur(paid_before=0.5, paid_now=0.25),
               _blur(paid_before=0.2, paid_now=0.3), _blur(paid_before=0.0, paid_now=0.0)]
    # -60 %, -50 %, +50 %; the double whose ads were worth nothing has no change to count.
    assert _figure(2).draw(answers, "fr").headline == \
        "En médiane, les annonceurs paient 50\u00a0% de moins pour l'attention d'un double du groupe."
    assert _figure(2).draw(answers, "en").headline == \
        "Typically (the median), advertisers pay 50% less for the attention of one of the group's doubles."
    more = [_blur(paid_before=1.0, paid_now=1.2)] * 3
    assert "20\u00a0% de plus" in _figure(2).draw(more, "fr").headline
    same = [_blur(paid_before=1.0, paid_now=1.001)] * 3
    assert "autant qu'avant" in _figure(2).draw(same, "fr").headline
    assert "worth nothing" in _figure(2).draw([_blur(paid_before=0.0, paid_now=0.0)] * 3, "en").headline
