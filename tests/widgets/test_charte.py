"""Workshop 6 as a group of teens drives it: tick and reword commitments, write their own, change an app's
points and see its label follow, make the poster (escaped, in the right paper size) and switch to English
without losing anything."""

from __future__ import annotations

import base64
import re

import pytest

from kit.workshops.charte import Charte


@pytest.fixture
def page(workshop_page) -> Charte:
    return workshop_page("06_charte")


def _downloaded(workshop: Charte) -> str:
    href = re.search(r"href='data:text/html;charset=utf-8;base64,([^']+)'", workshop.poster.download.value).group(1)
    return base64.b64decode(href).decode("utf-8")


def test_no_double_is_asked_and_every_step_shows_at_once(page, shown_text) -> None:
    assert page.picker is None
    principles = shown_text(page, "charte.step1")
    assert all(name in principles for name in ("Protection", "Confiance", "Sobriété"))
    assert "bouton « Refuser »" in principles  # an example from workshop 2
    assert "Appuie sur « Faire l'affiche »" in page.poster.preview.value


def test_the_poster_holds_the_group_s_chosen_and_own_commitments(page) -> None:
    protection, sobriety = page.commitments["protection"], page.commitments["sobriete"]
    protection.keep[0].value = True
    protection.wording[1].value = "On prête jamais son code."  # reworded but not ticked: left out
    sobriety.keep[1].value = True
    sobriety.wording[1].value = "On vide son téléphone une fois par mois."
    sobriety.own.value = "On éteint le wifi la nuit.\n\n  "
    assert sobriety.chosen == ["On vide son téléphone une fois par mois.", "On éteint le wifi la nuit."]

    page.poster.group.value = "Les 4e B"
    page.poster.make.click()
    poster = page.poster.preview.value
    assert "Charte écrite par : Les 4e B" in poster
    assert "On ne partage pas la photo" in poster and "On vide son téléphone" in poster
    assert "On éteint le wifi la nuit." in poster and "On prête jamais" not in poster
    assert poster.count("(aucun engagement choisi)") == 1  # trust: nothing ticked
    assert "<h3>Notre charte de la donnée</h3>" in poster  # under the step's <h2> in the page
    document = _downloaded(page)
    assert document == page.poster.document
    assert "@page{size:A4 portrait" in document and "<h1>Notre charte de la donnée</h1>" in document
    assert page.poster.download.value.count("download='notre_charte_A4.html'") == 1


def test_what_teens_type_never_becomes_html(page) -> None:
    page.commitments["confiance"].own.value = "<script>alert('x')</script>"
    page.poster.group.value = "<img src=x onerror=alert(1)>"
    page.poster.make.click()
    for made in (page.poster.preview.value, page.poster.document):
        assert "<script>" not in made and "<img" not in made
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in made
        assert "&lt;img src=x onerror=alert(1)&gt;" in made


def test_a3_is_another_page_size_and_a_bigger_font(page) -> None:
    page.poster.size.value = "A3"
    page.poster.make.click()
    assert "@page{size:A3 portrait" in page.poster.document and "font-size:16pt" in page.poster.document
    assert "download='notre_charte_A3.html'" in page.poster.download.value


def test_the_kit_s_labels_and_the_group_s_change(page) -> None:
    labels = dict(page.labels.labels)
    assert labels["SnapFlash"] == "E" and labels["Chatou"] == "B" and "Badge cantine" not in labels
    assert labels["École+ (espace numérique de travail)"] == "A"

    page.labels.app.value = "chatou"
    assert "Chatou : note B (8 points sur 10)" in page.labels.result.value
    assert "2 traqueurs, dont 1 envoient hors d'Europe." in page.labels.facts.value
    page.labels.criteria["europe"].value = 2  # the group thinks Ireland-and-US is fine: 9 points
    assert "Chatou : note A (9 points sur 10)" in page.labels.result.value
    assert "Chatou : A" in page.labels.summary.value

    page.labels.app.value = "snapflash"  # another app shows its own points; Chatou keeps the group's
    assert page.labels.criteria["europe"].value == 0
    assert dict(page.labels.labels)["Chatou"] == "A"
    page.poster.make.click()
    assert re.search(r">A</span> Chatou<", page.poster.document)


def test_english_relabels_and_keeps_the_group_s_words(page, shown_text) -> None:
    protection = page.commitments["protection"]
    protection.keep[0].value = True
    protection.wording[2].value = "Notre pseudo à nous."
    page.poster.group.value = "Les 4e B"
    page.labels.app.value = "chatou"
    page.labels.criteria["europe"].value = 2
    page.poster.make.click()

    page.language.value = "en"
    assert "Trust" in shown_text(page, "charte.step1")
    assert protection.wording[0].value == "We don't share someone's photo or location without asking them."
    assert protection.wording[2].value == "Notre pseudo à nous."  # reworded: stays as written
    assert protection.keep[0].description == "We keep no. 1"
    assert "Chatou: label A (9 points out of 10)" in page.labels.result.value
    assert "Charter written by: Les 4e B" in page.poster.preview.value
    assert "Our data charter" in page.poster.document and "download='our_charter_A4.html'" in page.poster.download.value
