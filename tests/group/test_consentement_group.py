"""Workshop 2 on the group screen: what the page tells at each banner click, and the figures: each design's
choices beside the model, and the room's own measure of a hidden Reject button."""

from __future__ import annotations

import ipywidgets as widgets

from kit.group import figures_of
from kit.group.figure import Figure, Released
from kit.workshops.consentement import Consentement

STEM = "02_consentement"


def _figure(step: str) -> Figure:
    return next(figure for figure in figures_of(STEM) if figure.step == step)


def _answer(banner: str, choice: str) -> dict[str, str]:
    return {"banner": banner, "choice": choice}


def test_each_click_tells_the_choices_so_far_by_banner_design(told, page_with_double) -> None:
    page = page_with_double(Consentement)
    assert any(isinstance(part, widgets.HTML) and "datatrail-group-notice" in part.value
               for part in page.shown["consentement.step1"])
    banner_of_app = {app.id: app.banner for app in page.scenario.apps}
    apps = page.banners.apps
    assert (STEM, "banners") not in told
    page.banners.card.buttons["accept"].click()
    assert told[STEM, "banners"] == [_answer(banner_of_app[apps[0]], "accept")]
    card = page.banners.card
    if "reject" not in card.buttons:  # a refusal hidden in the settings: open them first, as a teen must
        card.buttons["customise"].click()
    card.buttons["reject"].click()
    assert told[STEM, "banners"] == [_answer(banner_of_app[apps[0]], "accept"),
                                     _answer(banner_of_app[apps[1]], "refuse")]


def test_saving_some_boxes_is_customising_and_all_of_them_accepting(told, page_with_double) -> None:
    page = page_with_double(Consentement)
    while page.banners.card is not None and "save" not in page.banners.card.buttons:
        page.banners.card.buttons["accept"].click()
    card = page.banners.card
    assert card is not None, "lune42's banners include one with boxes"
    first, *others = card.boxes.values()
    first.value = True
    for box in others:
        box.value = False
    card.buttons["save"].click()
    assert told[STEM, "banners"][-1]["choice"] == "customise"
    assert [answer["choice"] for answer in told[STEM, "banners"][:-1]] == ["accept"] * (len(told[STEM, "banners"]) - 1)


def test_the_choices_of_each_design_the_room_answered_beside_the_models_forecast() -> None:
    answers = [[_answer("fair", "refuse"), _answer("no_reject", "accept")],
               [_answer("fair", "accept"), _answer("granular", "customise")],
               [_answer("fair", "refuse")]]
    drawn = _figure("consentement.step1").draw(Released(answers, k=1), "fr")
    assert drawn.headline.startswith("5 réponses aux bandeaux dans le groupe")
    assert drawn.reference_label == "prévision du modèle pour « Tout accepter »"
    shown = [(bar.label, bar.text, bar.reference_text) for bar in drawn.bars]
    assert shown[:2] == [("Bandeau loyal : tout accepté", "1 sur 3", "50\u00a0%"),
                         ("Bandeau loyal : tout refusé", "2 sur 3", "")]
    # No Reject button, no refusal to count; a design nobody answered is left out.
    assert ("Pas de bouton Refuser : tout accepté", "1 sur 1", "85\u00a0%") in shown
    assert not any(label.startswith("Pas de bouton Refuser : tout refusé") for label, *_ in shown)
    assert not any(label.startswith("Cases pré-cochées") for label, *_ in shown)
    assert ("Choix détaillés dès le début : accepté en partie", "1 sur 1", "") in shown
    english = _figure("consentement.step1").draw(Released(answers, k=1), "en")
    assert english.headline.startswith("5 banner answers in the group")
    assert english.bars[0].label == "Fair banner: accepted all"


def test_the_rooms_hidden_reject_effect_in_points_beside_the_models() -> None:
    answers = [[_answer("reject_hidden", "accept"), _answer("fair", "refuse")],
               [_answer("no_reject", "accept"), _answer("fair", "accept")],
               [_answer("reject_hidden", "customise"), _answer("pre_ticked", "refuse")]]
    drawn = _figure("consentement.step3").draw(Released(answers, k=1), "fr")
    # Hidden: 2 of 3 accepted; shown: 1 of 3; the model: 78 % against 56 % for the same designs.
    assert drawn.headline == ("Sans bouton Refuser au premier écran, « Tout accepter » : 33 points de plus dans le "
                              "groupe ; le modèle prévoyait 23 points de plus.")
    assert [(bar.label, bar.text) for bar in drawn.bars] == [("Sans bouton Refuser au premier écran", "2 sur 3"),
                                                            ("Avec un bouton Refuser au premier écran", "1 sur 3")]
    english = _figure("consentement.step3").draw(Released(answers, k=1), "en")
    assert english.headline == ("Without a Reject button on the first screen, \"Accept all\": 33 points more in the "
                                "group; the model forecast 23 points more.")
    fewer = [[_answer("reject_hidden", "refuse")], [_answer("fair", "accept")], [_answer("fair", "accept")]]
    assert "100 points de moins" in _figure("consentement.step3").draw(Released(fewer, k=1), "fr").headline


def test_a_room_that_saw_one_kind_of_banner_is_told_there_is_nothing_to_compare() -> None:
    answers = [[_answer("fair", "accept")], [_answer("granular", "refuse")], []]
    drawn = _figure("consentement.step3").draw(Released(answers, k=1), "fr")
    assert drawn.headline == ("Pour l'instant, seuls les bandeaux avec un bouton Refuser au premier écran ont assez "
                              "de réponses : pas de comparaison possible.")
    assert [bar.text for bar in drawn.bars] == ["1 sur 2"]
    only_hidden = Released([[_answer("no_reject", "accept")]] * 3, k=3)
    assert "nothing to compare" in _figure("consentement.step3").draw(only_hidden, "en").headline


def test_a_room_whose_pages_all_started_again_has_nothing_to_compare_yet() -> None:
    drawn = _figure("consentement.step3").draw(Released([[], [], []], k=3), "fr")
    assert drawn.headline == "Pas encore de réponse aux bandeaux dans le groupe : rien à comparer."
    assert drawn.bars == ()
    english = _figure("consentement.step1").draw(Released([[], [], []], k=3), "en")
    assert english.headline.startswith("0 banner answers")


def test_a_design_fewer_than_k_pages_answered_is_left_out_of_both_figures() -> None:
    """« 1 sur 1 » would be one teen's answer: each bar counts at least k pages, as the whole figure does."""
    answers = Released([[_answer("fair", "accept"), _answer("reject_hidden", "accept")],
                        [_answer("fair", "refuse")], [_answer("fair", "accept")]], k=3)
    assert {bar.text for bar in _figure("consentement.step1").draw(answers, "fr").bars} == {"2 sur 3", "1 sur 3"}
    hidden_reject = _figure("consentement.step3").draw(answers, "fr")
    assert "pas de comparaison possible" in hidden_reject.headline
    assert [bar.text for bar in hidden_reject.bars] == ["2 sur 3"]
    too_few = Released([[_answer("fair", "accept")], [_answer("no_reject", "accept")], []], k=3)
    assert _figure("consentement.step1").draw(too_few, "fr").headline == (
        "Pas encore 3 réponses pour un même bandeau : un bandeau s'affiche dès qu'il en a 3.")
    assert _figure("consentement.step3").draw(too_few, "en").headline == (
        "Not yet 3 answers for any one kind of banner: nothing to compare for now.")
