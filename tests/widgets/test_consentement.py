"""Workshop 2's page, driven as a teen would: banners to click, what the clicks let through, the class and
the model, a banner to redesign, and a letter that asks for nothing personal."""

from __future__ import annotations

import base64
import re

import ipywidgets as widgets
import pytest

from kit.analysis import acceptance
from kit.analysis.acceptance import class_answers
from kit.scenario.model import Scenario
from kit.widgets.banner import ALL, NONE, BannerCard
from kit.widgets.banner_designer import BannerDesigner
from kit.widgets.rights_letter import RightsLetter
from kit.workshops.consentement import Consentement

STEPS = ("consentement.step1", "consentement.step2", "consentement.step3", "consentement.step4")


@pytest.fixture
def page(workshop_page) -> Consentement:
    """A page with its four steps and a double, lune42, whose apps show several banners."""
    return workshop_page("02_consentement", double="lune42", habits=("music",))


def _banner(nantes: Scenario, banner_id: str):
    return next(banner for banner in nantes.consent.banners if banner.id == banner_id)


def test_steps_wait_for_a_double_then_show_its_banners(shown_text, workshop_page) -> None:
    page = workshop_page("02_consentement")
    assert all("Crée d'abord ton double" in shown_text(page, step) for step in STEPS)
    assert page.banners is None  # nothing computed before the teen asks
    page.picker.pseudonym.value = "lune42"
    page.picker.go.click()
    assert not any("Crée d'abord ton double" in shown_text(page, step) for step in STEPS)
    apps = page.trail["consent_events"]["app"].tolist()
    assert page.banners.apps == apps and len(apps) >= 2
    names = {app.id: app.name for app in page.scenario.apps}
    assert f"{names[apps[0]]} respecte ta vie privée" in page.banners.card.children[0].value
    assert f"Bandeau 1 sur {len(apps)}" in page.banners.children[0].value


@pytest.mark.parametrize(("banner_id", "buttons"), [
    ("fair", ["reject", "accept"]),
    ("reject_hidden", ["customise", "accept"]),
    ("no_reject", ["accept"]),
    ("pre_ticked", ["reject", "save", "accept"]),
    ("granular", ["reject", "save", "accept"]),
])
def test_each_design_has_the_buttons_of_its_dark_pattern(nantes: Scenario, banner_id: str, buttons: list[str]) -> None:
    card = BannerCard(_banner(nantes, banner_id), app_name="SnapFlash", language="fr")
    row = card.children[-1]
    assert [button.description for button in row.children] == \
        [{"reject": "Tout refuser", "customise": "Personnaliser", "save": "Enregistrer mes choix",
          "accept": "Tout accepter"}[name] for name in buttons]
    shown_boxes = [child for child in card.children if isinstance(child, widgets.Checkbox)]
    assert len(shown_boxes) == (3 if banner_id in ("pre_ticked", "granular") else 0)
    assert all(box.value == (banner_id == "pre_ticked") for box in shown_boxes)


def test_the_hidden_refusal_waits_behind_customise(nantes: Scenario) -> None:
    answers = []
    card = BannerCard(_banner(nantes, "reject_hidden"), app_name="PicFeed", language="fr", on_answer=answers.append)
    assert "reject" not in card.buttons
    card.buttons["customise"].click()
    assert card.buttons["reject"].description == "Tout refuser"
    card.buttons["reject"].click()
    assert answers == [NONE]


def test_pre_ticked_boxes_say_yes_unless_unticked(nantes: Scenario) -> None:
    answers = []
    card = BannerCard(_banner(nantes, "pre_ticked"), app_name="Sonic", language="fr", on_answer=answers.append)
    card.buttons["save"].click()
    card.boxes["ads"].value = False
    card.buttons["save"].click()
    assert answers == [ALL, frozenset({"analytics", "social"})]


def test_clicking_a_banner_changes_what_step_2_shows(page: Consentement, shown_text) -> None:
    assert "Réponds d'abord à un bandeau" in shown_text(page, "consentement.step2")
    first = page.banners.apps[0]
    page.banners.card.buttons["accept"].click()
    accepted = shown_text(page, "consentement.step2")
    chart = page.shown["consentement.step2"][0]
    assert chart.data[0].name == "envoyé avec ton accord" and chart.data[0].x[0] > 0
    assert "tout accepté" in accepted
    assert "Bandeau 2 sur" in page.banners.children[0].value
    page.banners.answers.clear()
    page.banners.answers[first] = NONE
    page.redraw()
    refused = page.shown["consentement.step2"][0]
    assert refused.data[0].x[0] == 0  # nothing sent "with your consent" after a refusal
    assert sum(refused.data[2].x) == sum(chart.data[2].x) > 0  # crash reports need no consent
    assert "tout refusé" in shown_text(page, "consentement.step2")


def test_answering_every_banner_ends_the_series(page: Consentement) -> None:
    for _ in page.banners.apps:
        page.banners.card.buttons["accept"].click()
    assert page.banners.card is None
    assert f"Tu as répondu aux {len(page.banners.apps)} bandeaux" in page.banners.children[0].value
    details = page.shown["consentement.step2"][2].value
    assert details.count("<details>") == len(page.banners.apps)
    page.banners.again.click()
    assert page.banners.answers == {} and "Bandeau 1 sur" in page.banners.children[0].value


def test_the_class_is_computed_once_for_every_page(page: Consentement, nantes: Scenario, monkeypatch) -> None:
    events = class_answers(page.scenario)
    assert len(events) > 0
    monkeypatch.setattr(acceptance, "class_trails", lambda *args, **kwargs: pytest.fail("computed again"))
    page.language.value = "en"
    assert class_answers(Consentement().scenario) is events
    chart = page.shown["consentement.step3"][0]
    assert [label.replace("<br>", " ") for label in chart.data[1].y] == \
        [banner.label["en"] for banner in nantes.consent.banners]


def test_hiding_reject_raises_the_prediction_by_the_scenario_points(nantes: Scenario) -> None:
    designer = BannerDesigner(nantes, language="fr")
    fair = designer.predicted_pct
    assert fair == round(nantes.consent.acceptance.fair_accept_pct)
    designer.reject.value = "settings"
    assert designer.predicted_pct - fair == round(nantes.consent.acceptance.reject_in_settings_pp) == 22
    assert "+22 points" in designer.prediction.value
    assert "customise" in designer.preview.children[0].buttons  # the preview follows the switches
    designer.reject.value = "first_layer"
    designer.granular.value = True
    assert designer.predicted_pct - fair == round(nantes.consent.acceptance.granular_first_layer_pp)
    designer.pre_ticked.value = True
    assert "ne vaut pas un « oui »" in designer.prediction.value


def test_the_class_and_the_model_say_the_effect_in_words(page: Consentement, shown_text) -> None:
    summary = shown_text(page, "consentement.step3")
    assert "+22 points dans le modèle" in summary
    assert "Bandeau loyal :" in summary


def test_the_letter_names_the_app_and_asks_nothing_of_the_teen(page: Consentement, nantes: Scenario, shown_text) -> None:
    letter = next(part for part in page.shown["consentement.step4"] if isinstance(part, RightsLetter))
    app = next(app for app in nantes.apps if app.id == letter.app.value)
    assert app.name in letter.letter.value and app.company in letter.letter.value
    assert "[ton prénom et ton nom]" in letter.letter.value
    assert "lune42" not in letter.letter.value  # the nickname typed on the page stays out of the letter
    encoded = re.search(r"href='data:text/html;charset=utf-8;base64,([^']+)'", letter.download.value).group(1)
    document = base64.b64decode(encoded).decode("utf-8")
    assert app.company in document and "article 15 du RGPD" in document and "lune42" not in document
    other = letter.app.options[-1][1]
    letter.app.value = other
    assert next(app.name for app in nantes.apps if app.id == other) in letter.letter.value
    rights = shown_text(page, "consentement.step4")
    assert "Droit à l'effacement" in rights and "avant 15 ans" in rights
    assert "la confiance" in rights


def test_switching_to_english_redraws_every_step(page: Consentement, shown_text) -> None:
    page.banners.card.buttons["accept"].click()
    page.language.value = "en"
    assert "respects your privacy" in page.banners.card.children[0].value
    assert "accepted everything" in shown_text(page, "consentement.step2")
    assert "points in the model" in shown_text(page, "consentement.step3")
    letter = next(part for part in page.shown["consentement.step4"] if isinstance(part, RightsLetter))
    assert "[your first and last name]" in letter.letter.value and "Article 15 of the GDPR" in letter.letter.value
