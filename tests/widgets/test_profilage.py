"""Workshop 3's page, driven as a teen would: a profile with its evidence, auctions replayed, the class's
results in aggregate, and habits changed to blur the profile."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.analysis.profile_replay import Behaviour, personal_stays, replayed
from kit.analysis.profiler_accuracy import confusion_counts
from kit.engine.clock import NIGHT_HOURS, at_night
from kit.scenario.model import Scenario
from kit.workshops import profilage
from kit.workshops.profilage import Profilage

STEPS = ("profilage.step1", "profilage.step2", "profilage.step3", "profilage.step4")


@pytest.fixture
def page(workshop_page) -> Profilage:
    """A page with its four steps and a double, lune42, who likes music."""
    return workshop_page("03_profilage", double="lune42", habits=("music",))


def test_steps_wait_for_a_double_then_show_its_segments_with_evidence(nantes: Scenario, shown_text,
                                                                      workshop_page) -> None:
    page = workshop_page("03_profilage")
    assert all("Crée d'abord ton double" in shown_text(page, step) for step in STEPS)
    page.picker.pseudonym.value = "lune42"
    page.picker.habits.value = ("music",)
    page.picker.go.click()
    assert not any("Crée d'abord ton double" in shown_text(page, step) for step in STEPS)
    chart = page.shown["profilage.step1"][0]
    assert type(chart).__name__ == "Figure"  # a plain figure, not a FigureWidget
    assert list(chart.data[0].y) == [segment.label["fr"] for segment in nantes.profiling.segments]
    assert chart.layout.shapes[0].x0 == nantes.profiling.threshold
    evidence = shown_text(page, "profilage.step1")
    profiles = page.trail["profiles"]
    assert evidence.count("<li>") == len(nantes.profiling.segments)
    for row in profiles.itertuples():
        assert f"{round(100 * row.confidence)}\u00a0%" in evidence  # CLDR: a no-break space before %
    minutes = page.trail["app_sessions"].groupby("app")["duration_min"].sum() / nantes.meta.period.days
    assert f"Sonic, {round(minutes['sonic'])} minutes par jour" in evidence
    assert "Principe de la charte de la donnée : la confiance" in shown_text(page, "profilage.step4")


def test_picking_another_ad_replays_another_auction(page, nantes: Scenario) -> None:
    replay = page.shown["profilage.step2"][0]
    first_words, first_figure = replay.words.value, replay.figure
    sold = replay.ads.loc[replay.ad.value]
    assert len(first_figure.data[0].y) == len(nantes.auctions.bidders)
    assert first_figure.layout.shapes[0].x0 == pytest.approx(sold["price_paid_eur"] * 1000)
    assert f"En {sold['latency_ms']} millisecondes" in first_words
    # First price: the winner pays what it offered, and the words say so (no "deuxième prix").
    bid = f"{sold['winning_bid_eur'] * 1000:.2f}\u00a0€".replace(".", ",")
    assert f"a gagné avec {bid} pour 1000 pubs, et paie ce qu'elle a offert" in first_words
    assert "deuxième" not in first_words
    replay.session.value = replay.session.options[5][1]
    assert replay.words.value != first_words and replay.figure is not first_figure
    replay.ad.value = replay.ad.options[-1][1]
    last = replay.ads.loc[replay.ad.value]
    assert f"En {last['latency_ms']} millisecondes" in replay.words.value
    total = replay.ads["price_paid_eur"].sum()
    assert f"{len(replay.ads)} pubs ont été vendues" in replay.month.value
    assert f"{total:.2f}\u00a0€".replace(".", ",") in replay.month.value


def test_the_class_accuracy_table_adds_up_and_is_asked_for_only_with_a_double(monkeypatch) -> None:
    calls = []
    real = profilage.class_profiles
    monkeypatch.setattr(profilage, "class_profiles", lambda scenario: calls.append(1) or real(scenario))
    page = Profilage()
    page.step_accuracy()
    assert calls == []
    page.picker.pseudonym.value = "lune42"
    page.picker.go.click()
    page.language.value = "en"
    assert calls
    class_profiles = real(page.scenario)
    assert real(Profilage().scenario) is class_profiles  # computed once, for every page
    counts = confusion_counts(class_profiles)
    teens = class_profiles["person_id"].nunique()
    assert (counts[["yes_true", "yes_false", "no_true", "no_false"]].sum(axis=1) == teens).all()
    right = class_profiles.dropna(subset=["truth"]).groupby("segment", sort=False)["correct"].mean()
    pd.testing.assert_series_equal(counts["accuracy"], right.astype(float), check_names=False)
    table = page.shown["profilage.step3"][0].value
    assert table.count("<tr>") == len(counts) + 1
    assert "It said yes, and it is right" in table and "moi" not in table


def test_an_unchanged_replay_gives_the_trail_back(page, nantes: Scenario) -> None:
    trail = page.trail
    again = replayed(trail, nantes, Behaviour(), personal_stays(trail, nantes))
    pd.testing.assert_frame_equal(again["profiles"], trail["profiles"])
    pd.testing.assert_frame_equal(again["ad_auctions"], trail["ad_auctions"])


def test_refusing_consent_everywhere_lowers_prices_and_hides_the_segments(page) -> None:
    panel = page.shown["profilage.step4"][0]
    before = page.trail["ad_auctions"]
    assert (before["segments"] != "").any()
    panel.refuse_all.value = True
    after = panel.replay["ad_auctions"]
    assert (after["segments"] == "").all()
    assert after["price_paid_eur"].sum() < before["price_paid_eur"].sum()
    assert "voient ton profil sur 0 % des pubs" in panel.result.value


def test_cutting_an_apps_minutes_lowers_its_segments_confidence(page) -> None:
    panel = page.shown["profilage.step4"][0]
    confidence = page.trail["profiles"].set_index("segment")["confidence"]
    panel.time["sonic"].value = 0.0
    lowered = panel.replay["profiles"].set_index("segment")["confidence"]
    assert lowered["melomane"] < confidence["melomane"] - 0.2
    assert lowered["fan_de_sport"] == confidence["fan_de_sport"]  # Sonic is no clue for sport
    panel.no_night.value = True
    assert panel.replay["profiles"].set_index("segment").loc["couche_tard", "confidence"] == 0
    assert len(panel.figure.data) == 2  # before and now


def test_switching_to_english_redraws_and_keeps_the_teens_choices(page, shown_text) -> None:
    panel = page.shown["profilage.step4"][0]
    panel.refuse_all.value = True
    page.language.value = "en"
    assert "1. Your advertising profile" in page.step_profile().children[0].heading.value
    assert "minutes a day" in shown_text(page, "profilage.step1")
    assert page.shown["profilage.step1"][0].layout.title.text.startswith("The profiler puts you in")
    assert page.shown["profilage.step4"][0] is panel and panel.refuse_all.value
    assert "Companies see your profile on 0% of the ads" in panel.result.value
    replay = page.shown["profilage.step2"][0]
    assert "milliseconds" in replay.words.value and replay.ad.options[0][0].startswith("Ad no. 1 at")


def test_the_auctions_step_says_the_law_on_ads_from_a_minors_profile(page, shown_text) -> None:
    words = shown_text(page, "profilage.step2")
    assert "depuis le 17 février 2024" in words and "moins de 18 ans" in words and "article 28" in words
    page.language.value = "en"
    assert "since 17 February 2024" in shown_text(page, "profilage.step2")


def test_the_night_on_screen_is_the_profilers_night(page, shown_text) -> None:
    # One night for the kit (workshop 1 guesses a home from it too): the screen writes the hours the profiler uses.
    start, end = NIGHT_HOURS
    panel = page.shown["profilage.step4"][0]
    assert f"Pas de téléphone la nuit ({start} h – {end} h)" in panel.no_night.description
    assert at_night(page.trail["app_sessions"]["timestamp"]).any()  # lune42 uses the phone at night: a clue
    assert f"téléphone la nuit ({start} h – {end} h)" in shown_text(page, "profilage.step1")
