"""Paper cards for "Cookies : oui, non, peut-être ?": the scenario's cookie banners, one fold card each.

The front is drawn from the layout the phone draws its banner from (`kit.analysis.banners.banner_layout`):
the same text, the same buttons, and the same weight given to each, because on paper as on screen the
trick is in the layout (a big "accept" next to a small "customise", no "reject" at all, boxes already
ticked). The back, read at step 2, says what a "yes" to that app sent in the class's month, from
`tracker_requests`: the companies, the data, and what still left after a "no". The answer key gives the
screen's step 3 figure (`kit.analysis.acceptance.class_acceptance` on the class's `consent_events`), so
the group's tally on the board can be set against the synthetic class and the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import ascii_uppercase

import pandas as pd

from kit.analysis.acceptance import class_acceptance, describe_acceptance
from kit.analysis.banners import PURPOSES, banner_layout, fair_banner
from kit.guide.cards import CardData, Sheets
from kit.guide.pages import render
from kit.scenario.model import Banner, Scenario

__all__ = ["sheets"]


@dataclass(frozen=True)
class _Sent:
    """What one app's trackers sent in the class's month, under one kind of answer."""

    companies: list[str]
    data: list[str]


@dataclass(frozen=True)
class _BannerCard:
    """One banner as printed: the design, the app that shows it, and its back."""

    letter: str
    banner: Banner
    app: str
    buttons: list[tuple[str, bool]]
    second_screen: list[tuple[str, bool]]
    boxes: list[tuple[str, bool]]
    after_yes: _Sent
    crash_reports: _Sent
    despite_refusal: _Sent


def sheets(data: CardData, language: str) -> Sheets:
    """Five fold cards (one per banner design, in the scenario's order), a blank banner to draw, the
    group's tally sheet; and the answer key: each card's design trick and the class's acceptance rates."""
    scenario = data.scenario
    cards = [_card(letter, banner, scenario, data.tables, language)
             for letter, banner in zip(ascii_uppercase, scenario.consent.banners)]
    rates = class_acceptance(data.tables["consent_events"], scenario, language=language)
    body = render("cards/consentement.cards.html.j2", language=language, cards=cards)
    answers = render("cards/consentement.answers.html.j2", language=language, cards=cards,
                     rates=rates.set_index("banner").to_dict("index"), fair=fair_banner(scenario).id,
                     summary=describe_acceptance(rates, scenario, language=language))
    return Sheets(cards=body, answers=answers)


def _card(letter: str, banner: Banner, scenario: Scenario, tables: dict[str, pd.DataFrame],
          language: str) -> _BannerCard:
    """The banner shown by the first app of the scenario that uses it (the order the screen lists apps)."""
    app = next(app for app in scenario.apps if app.banner == banner.id)
    # The phone's own layout: its buttons in order, which are big, its boxes and whether they come ticked,
    # and what the second screen that "customise" opens adds.
    layout = banner_layout(banner)
    buttons = list(layout.buttons)
    boxes = [(purpose, layout.ticked) for purpose in PURPOSES] if layout.boxes_first else []
    second_screen = [button for button in layout.settings if button not in buttons]
    requests = tables["tracker_requests"]
    requests = requests[requests["app"] == app.id]
    asked = requests["tracker"].map({tracker.id: tracker.category in PURPOSES for tracker in scenario.trackers})
    refused = requests["consent"] == "refused"
    return _BannerCard(letter=letter, banner=banner, app=app.name,
                       buttons=buttons, second_screen=second_screen, boxes=boxes,
                       after_yes=_sent(requests[~refused & asked], scenario, language),
                       crash_reports=_sent(requests[refused & ~asked], scenario, language),
                       despite_refusal=_sent(requests[refused & asked], scenario, language))


def _sent(requests: pd.DataFrame, scenario: Scenario, language: str) -> _Sent:
    """Companies and data (in words), each sorted, of `requests`."""
    trackers = {tracker.id: tracker for tracker in scenario.trackers}
    receivers = sorted(requests["tracker"].unique())
    fields = {field for sent in requests.drop_duplicates("data_sent")["data_sent"] for field in sent.split("|")}
    return _Sent(companies=sorted(trackers[tracker_id].company for tracker_id in receivers),
                 data=sorted(scenario.data_fields[field].get(language, field) for field in fields))

