"""Who's following me: the apps → companies sankey, its tables and its text alternative."""

from __future__ import annotations

import pandas as pd
import pytest

import kit
from kit.analysis.trackers import exodus_class, fields_sent, requests_per_day
from kit.engine.apps import tracker_requests
from kit.engine.random import Stream, domain_rng
from kit.scenario.model import Scenario
from kit.widgets.trackers import describe_trackers, tracker_sankey

#: Okabe–Ito vermillion: the colour of Exodus Privacy's red class.
VERMILLION = "#D55E00"


@pytest.fixture(scope="module")
def trail() -> dict:
    return kit.trail("lune42", habits=["music", "gamer"], age=14)


def _companies(trail: dict, scenario: Scenario) -> set[str]:
    company = {tracker.id: tracker.company for tracker in scenario.trackers}
    return set(trail["tracker_requests"]["tracker"].map(company))


def _answering_every_banner(trail: dict, scenario: Scenario, choice: str) -> dict:
    """The same teen, same app sessions, had they given `choice` to every consent banner."""
    consent = trail["consent_events"].assign(choice=choice)
    requests = tracker_requests(scenario, trail["app_sessions"], consent, domain_rng(0, Stream.TRACKERS))
    return {**trail, "consent_events": consent, "tracker_requests": requests}


def _received_by(figure, companies: set[str]) -> int:
    sankey = figure.data[0]
    targets = {position for position, label in enumerate(sankey.node.label) if label.split(" (")[0] in companies}
    return sum(value for target, value in zip(sankey.link.target, sankey.link.value) if target in targets)


@pytest.mark.parametrize(("trackers", "expected"), [(0, "green"), (1, "yellow"), (4, "yellow"), (5, "red")])
def test_exodus_classes_change_at_one_and_at_five_trackers(trackers: int, expected: str) -> None:
    assert exodus_class(trackers) == expected


def test_the_flows_add_up_to_every_request_of_the_trail(trail: dict, nantes: Scenario) -> None:
    figure = tracker_sankey(trail, nantes)
    total = len(trail["tracker_requests"])
    assert total > 0
    assert sum(figure.data[0].link.value) == total
    assert figure.layout.title.text.startswith(f"{total} envois de données à {len(_companies(trail, nantes))} ")


def test_every_company_that_received_data_is_one_node(trail: dict, nantes: Scenario) -> None:
    labels = list(tracker_sankey(trail, nantes).data[0].node.label)
    companies = _companies(trail, nantes)
    country = {tracker.company: tracker.country for tracker in nantes.trackers}
    for company in companies:
        assert labels.count(f"{company} ({country[company]})") == 1
    apps = trail["tracker_requests"]["app"].nunique()
    assert len(labels) == apps + len(companies)


def test_apps_with_five_trackers_or_more_are_red_with_a_square(trail: dict, nantes: Scenario) -> None:
    node = tracker_sankey(trail, nantes).data[0].node
    names = {app.name: len(app.trackers) for app in nantes.apps}
    apps = [(label[2:], colour, label[0]) for label, colour in zip(node.label, node.color) if label[2:] in names]
    assert any(names[name] >= 5 for name, _, _ in apps), "the trail should include a red app"
    for name, colour, marker in apps:
        assert (colour == VERMILLION) == (names[name] >= 5), name
        assert (marker == "■") == (names[name] >= 5), name


def test_english_title_legend_and_field_labels(trail: dict, nantes: Scenario) -> None:
    figure = tracker_sankey(trail, nantes, language="en")
    assert f"{len(trail['tracker_requests'])} data requests to" in figure.layout.title.text
    scale = figure.layout.annotations[0].text.split("<br>")
    assert "Exodus Privacy's scale" in " ".join(scale)  # broken on words for a phone's width
    assert scale[-3:] == ["● none (green)", "▲ 1 to 4 (orange)", "■ 5 or more (red)"]  # one class a line
    labels = set(fields_sent(trail, nantes, language="en")["label"])
    assert labels == {label["en"] for label in nantes.data_fields.values()}
    assert "your advertising ID" in labels


def test_fields_sent_counts_each_request_that_carried_the_field(trail: dict, nantes: Scenario) -> None:
    table = fields_sent(trail, nantes).set_index("field")
    assert set(table.index) == set(nantes.data_fields)
    requests = trail["tracker_requests"]
    carried = requests[requests["data_sent"].str.split("|").apply(lambda fields: "advertising_id" in fields)]
    assert table.loc["advertising_id", "requests"] == len(carried) > 0
    assert table.loc["advertising_id", "label"] == "ton identifiant publicitaire"
    company = {tracker.id: tracker.company for tracker in nantes.trackers}
    assert table.loc["advertising_id", "companies"] == ", ".join(sorted(set(carried["tracker"].map(company))))


def test_requests_per_day_averages_over_every_day_of_the_trail(trail: dict, nantes: Scenario) -> None:
    per_day = requests_per_day(trail)
    assert list(per_day.columns) == ["app", "requests_per_day"]
    assert per_day["requests_per_day"].is_monotonic_decreasing
    counts = trail["tracker_requests"]["app"].value_counts()
    expected = (counts / nantes.meta.period.days).rename("requests_per_day")
    pd.testing.assert_series_equal(per_day.set_index("app")["requests_per_day"], expected, check_names=False,
                                   check_index_type=False)


def test_the_text_alternative_names_companies_app_and_field(trail: dict, nantes: Scenario) -> None:
    companies = len(_companies(trail, nantes))
    top = requests_per_day(trail).iloc[0]
    name = next(app.name for app in nantes.apps if app.id == top["app"])
    summary = describe_trackers(trail, nantes)
    assert f"{companies} entreprises" in summary
    assert f"{name} : ses données quittent ton téléphone environ {round(top['requests_per_day'])} fois" in summary
    assert fields_sent(trail, nantes).iloc[0]["label"] in summary
    assert f"to {companies} companies" in describe_trackers(trail, nantes, language="en")


def test_refusing_every_banner_sends_fewer_ad_requests(trail: dict, nantes: Scenario) -> None:
    accepting = tracker_sankey(_answering_every_banner(trail, nantes, "accept_all"), nantes)
    refusing = tracker_sankey(_answering_every_banner(trail, nantes, "reject_all"), nantes)
    ads = {tracker.company for tracker in nantes.trackers if tracker.category == "ads"}
    crash = {tracker.company for tracker in nantes.trackers if tracker.category == "crash"}
    assert _received_by(refusing, ads) < _received_by(accepting, ads) / 2
    # A refusal does not stop crash reports: those companies still receive data.
    assert _received_by(refusing, crash) > 0


def test_a_trail_without_requests_is_said_plainly(trail: dict, nantes: Scenario) -> None:
    silent = {**trail, "tracker_requests": trail["tracker_requests"].iloc[0:0]}
    assert describe_trackers(silent, nantes) == "Aucune de tes applis n'a envoyé de données à un traqueur."
    figure = tracker_sankey(silent, nantes)
    assert figure.layout.title.text == describe_trackers(silent, nantes)
    assert not figure.data[0].link.value
    fields = fields_sent(silent, nantes)
    assert len(fields) == len(nantes.data_fields)
    assert (fields["requests"] == 0).all() and (fields["companies"] == "").all()
    assert requests_per_day(silent).empty
