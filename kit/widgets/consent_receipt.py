"""What each click allowed: for every banner the teen answered, which trackers then sent data, what data,
to how many companies, set against the banner's promise (its vendor count) and the double's own trail.

The month is replayed from the trail's own app sessions with the engine's tracker model, twice: once as
if every banner had been accepted, once as if every one had been refused. A tracker the teen allowed
sends as in the first; one they refused sends as in the second, that is only if it ignores refusals
(the scenario's `leak_after_refusal`). That is how a partial answer ("ads no, audience yes") becomes
requests without a model of its own. Crash reporters send either way: banners do not ask about them, as the
law allows only for what is strictly necessary, which the kit assumes they are (the screen says so).

Bars carry Okabe–Ito colours *and* patterns, and `describe_receipt` says the chart in words.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from kit.analysis.banners import PURPOSES
from kit.engine.apps import tracker_requests
from kit.engine.random import Stream, domain_rng
from kit.i18n import text
from kit.scenario.model import Scenario
from kit.widgets.banner import ALL, NONE, Answer, answer_label

__all__ = ["KINDS", "Replays", "describe_receipt", "receipt_chart", "receipt_details", "requests_with_answers"]

Trail = dict[str, pd.DataFrame]
#: The engine's answers as the widget's: everything or nothing.
_ALL_OR_NONE = {"accept_all": ALL, "reject_all": NONE}
#: Why a request left the phone → (Okabe–Ito colour, bar pattern).
KINDS = {
    "allowed": ("#0072B2", ""),
    "despite_refusal": ("#D55E00", "x"),
    "no_consent_needed": ("#999999", "."),
}


class Replays:
    """The trail's month replayed with every banner accepted, and with every banner refused (computed
    once per trail: a few milliseconds each)."""

    def __init__(self, trail: Trail, scenario: Scenario) -> None:
        consent = trail["consent_events"]
        self.accepted, self.refused = (
            tracker_requests(scenario, trail["app_sessions"], consent.assign(choice=choice),
                             domain_rng(scenario.meta.seed, Stream.CONSENT_REPLAY))
            for choice in ("accept_all", "reject_all"))


def requests_with_answers(replays: Replays, scenario: Scenario, answers: dict[str, Answer]) -> pd.DataFrame:
    """Every request of the answered apps under the teen's answers, with `company`, `category` and `kind`
    (a key of `KINDS`)."""
    trackers = {tracker.id: tracker for tracker in scenario.trackers}
    parts = []
    for source, as_accepted in ((replays.accepted, True), (replays.refused, False)):
        requests = source[source["app"].isin(list(answers))]
        category = requests["tracker"].map(lambda tracker_id: trackers[tracker_id].category)
        asked = category.isin(PURPOSES)
        said_yes = pd.Series([category_ in answers[app_id] for app_id, category_ in zip(requests["app"], category)],
                             index=requests.index, dtype=bool)
        # A tracker the teen allowed, or one nobody asks about, sends as if accepted; a refused one as if refused.
        kept = (said_yes == as_accepted).where(asked, as_accepted)
        parts.append(requests.assign(
            company=requests["tracker"].map(lambda tracker_id: trackers[tracker_id].company),
            category=category,
            kind=pd.Series("allowed" if as_accepted else "despite_refusal", index=requests.index).where(asked, "no_consent_needed"),
        )[kept])
    return pd.concat(parts, ignore_index=True).sort_values(["app", "timestamp", "tracker"], kind="stable",
                                                             ignore_index=True)


def receipt_chart(requests: pd.DataFrame, scenario: Scenario, apps: list[str], *, language: str = "fr") -> go.Figure:
    """One bar per answered app (in the order answered), split by why its requests left the phone."""
    names = {app.id: app.name for app in scenario.apps}
    counts = requests.groupby(["app", "kind"]).size()
    figure = go.Figure()
    for kind, (colour, pattern) in KINDS.items():
        figure.add_trace(go.Bar(
            y=[names[app_id] for app_id in apps], x=[int(counts.get((app_id, kind), 0)) for app_id in apps],
            orientation="h", name=text(f"consentement.kind.{kind}", language),
            marker={"color": colour, "pattern": {"shape": pattern}},
            hovertemplate="%{y} : %{x}<extra>" + text(f"consentement.kind.{kind}", language) + "</extra>",
        ))
    figure.update_layout(
        barmode="stack", title=text("consentement.receipt.title", language, requests=len(requests)),
        yaxis={"autorange": "reversed"}, legend={"traceorder": "normal"}, height=230 + 45 * len(apps),
    )
    return figure


def describe_receipt(requests: pd.DataFrame, *, language: str = "fr") -> str:
    """The chart in words: what a screen reader says, and what the printed fallback shows."""
    counts = requests["kind"].value_counts()
    return text("consentement.receipt.summary", language, requests=len(requests),
                companies=requests["company"].nunique(), allowed=int(counts.get("allowed", 0)),
                despite=int(counts.get("despite_refusal", 0)), crash=int(counts.get("no_consent_needed", 0)))


def receipt_details(trail: Trail, scenario: Scenario, answers: dict[str, Answer], requests: pd.DataFrame, *,
                    language: str = "fr") -> str:
    """One expandable paragraph per answered app: the banner revealed, the promise, what was sent, and
    the double's own answer in the trail, for comparison."""
    apps = {app.id: app for app in scenario.apps}
    banners = {banner.id: banner for banner in scenario.consent.banners}
    fields = scenario.data_fields
    double = trail["consent_events"].set_index("app")
    trail_requests = trail["tracker_requests"]["app"].value_counts()
    parts = []
    for app_id, answer in answers.items():
        app, sent = apps[app_id], requests[requests["app"] == app_id]
        banner = banners[app.banner]
        receivers = sent.drop_duplicates("tracker")
        data = sorted({fields[field].get(language, field) for fields_ in receivers["data_sent"]
                       for field in fields_.split("|")})
        companies = ", ".join(html.escape(name) for name in sorted(receivers["company"]))
        double_answer = answer_label(_ALL_OR_NONE[double.loc[app_id, "choice"]], language)
        lines = [
            text("consentement.receipt.banner", language, banner=html.escape(banner.label.get(language, banner.id)),
                 answer=answer_label(answer, language)),
            text("consentement.receipt.vendors", language, vendors=banner.vendors,
                 duration=_reading_time(banner.vendors), companies=len(receivers)),
            text("consentement.receipt.sent", language, requests=len(sent), companies=companies or "—",
                 data=html.escape(", ".join(data)) or "—"),
            text("consentement.receipt.double", language, answer=double_answer,
                 requests=int(trail_requests.get(app_id, 0))),
        ]
        summary = text("consentement.receipt.app", language, app=html.escape(app.name),
                       answer=answer_label(answer, language))
        parts.append(f"<details><summary>{summary}</summary>"
                     + "".join(f"<p>{line}</p>" for line in lines) + "</details>")
    return "".join(parts)


def _reading_time(minutes: int) -> str:
    """"14 h" or "9 min": the time to read a minute about each partner."""
    return f"{round(minutes / 60)} h" if minutes >= 60 else f"{minutes} min"
