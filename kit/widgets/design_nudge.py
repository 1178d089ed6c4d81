"""The design pushes you: how often the (synthetic) class clicked "accept all" on each banner design,
next to what the scenario's acceptance model predicts (`kit.engine.consent.acceptance_probability`).

Only group rates are shown, never one teen's answers. With a class of about thirty the rates wobble by
chance; the model's column shows the effect the scenario was calibrated on (Nouwens et al. 2020: a
reject button moved off the first screen adds about 22 points), so teens see both the noisy class and
the published effect. Two colours from Okabe–Ito *and* a pattern tell the bars apart; `describe_acceptance`
says the chart in words.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from kit.engine.consent import acceptance_probability
from kit.i18n import text
from kit.scenario.model import Banner, Scenario

__all__ = ["acceptance_chart", "class_acceptance", "describe_acceptance", "fair_banner"]

#: (column, catalog key of the trace's name, colour, bar pattern)
_SERIES = (("class_pct", "consentement.nudge.class", "#0072B2", ""),
           ("model_pct", "consentement.nudge.model", "#E69F00", "/"))
#: Banner names are wrapped on the axis at this many characters, so bars keep room on a 390 px phone.
_LABEL_WIDTH = 16


def fair_banner(scenario: Scenario) -> Banner:
    """The scenario's first banner with no dark pattern: the reference every effect is measured from."""
    return next(banner for banner in scenario.consent.banners
                if banner.reject == "first_layer" and not banner.pre_ticked and not banner.granular_first_layer)


def class_acceptance(events: pd.DataFrame, scenario: Scenario, *, language: str = "fr") -> pd.DataFrame:
    """One row per banner design of the scenario: `banner`, `label`, `answers`, `class_pct` (share of the
    class's answers that were "accept all") and `model_pct`, both in % and rounded."""
    accepted = (events["choice"] == "accept_all").groupby(events["banner"])
    model = scenario.consent.acceptance
    banners = scenario.consent.banners
    return pd.DataFrame({
        "banner": [banner.id for banner in banners],
        "label": [banner.label.get(language, banner.id) for banner in banners],
        "answers": [int(accepted.size().get(banner.id, 0)) for banner in banners],
        "class_pct": [round(100 * float(accepted.mean().get(banner.id, 0.0))) for banner in banners],
        "model_pct": [round(100 * acceptance_probability(model, banner)) for banner in banners],
    })


def acceptance_chart(table: pd.DataFrame, *, language: str = "fr") -> go.Figure:
    """Horizontal bars, one pair per design: the class and the model, in % who accept everything."""
    labels = ["<br>".join(textwrap.wrap(label, _LABEL_WIDTH)) for label in table["label"]]
    figure = go.Figure([go.Bar(y=labels, x=table[column], orientation="h", name=text(name, language),
                               marker={"color": colour, "pattern": {"shape": pattern}},
                               text=[f"{value} %" for value in table[column]], textposition="auto",
                               hovertemplate="%{y} : %{x} %<extra>" + text(name, language) + "</extra>")
                        for column, name, colour, pattern in _SERIES])
    figure.update_layout(
        barmode="group", title={"text": text("consentement.nudge.title", language), "font": {"size": 16}, "x": 0.02},
        xaxis={"title": text("consentement.nudge.axis", language), "range": [0, 100]},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "y": -0.2, "traceorder": "normal"}, font={"size": 14}, height=560,
        margin={"l": 10, "r": 10, "t": 50},
    )
    return figure


def describe_acceptance(table: pd.DataFrame, scenario: Scenario, *, language: str = "fr") -> str:
    """The chart in words, then the effect of hiding the reject button: in the class and in the model."""
    rates = "; ".join(text("consentement.nudge.rate", language, banner=row.label, class_pct=row.class_pct,
                           model_pct=row.model_pct) for row in table.itertuples())
    by_id = table.set_index("banner")
    fair = fair_banner(scenario).id
    hidden = next((banner.id for banner in scenario.consent.banners if banner.reject == "settings"
                   and not banner.pre_ticked and not banner.granular_first_layer), None)
    lines = [text("consentement.nudge.rates", language, rates=rates)]
    if hidden is not None:
        lines.append(text("consentement.nudge.effect", language,
                          class_pp=_signed(by_id.loc[hidden, "class_pct"] - by_id.loc[fair, "class_pct"]),
                          model_pp=_signed(by_id.loc[hidden, "model_pct"] - by_id.loc[fair, "model_pct"])))
    return " ".join(lines)


def _signed(points: int) -> str:
    return f"{int(points):+d}"
