"""The design pushes you: how often the (synthetic) class clicked "accept all" on each banner design,
next to what the scenario's acceptance model predicts (the rates: `kit.analysis.acceptance`).

Two colours from Okabe–Ito *and* a pattern tell the bars apart; `kit.analysis.acceptance.describe_acceptance`
says the chart in words.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from kit.i18n import text

__all__ = ["acceptance_chart"]

#: (column, catalog key of the trace's name, colour, bar pattern)
_SERIES = (("class_pct", "consentement.nudge.class", "#0072B2", ""),
           ("model_pct", "consentement.nudge.model", "#E69F00", "/"))
#: Banner names are wrapped on the axis at this many characters, so bars keep room on a 390 px phone.
_LABEL_WIDTH = 16


def acceptance_chart(table: pd.DataFrame, *, language: str = "fr") -> go.Figure:
    """Horizontal bars, one pair per design: the class and the model, in % who accept everything."""
    labels = ["<br>".join(textwrap.wrap(label, _LABEL_WIDTH)) for label in table["label"]]
    figure = go.Figure([go.Bar(y=labels, x=table[column], orientation="h", name=text(name, language),
                               marker={"color": colour, "pattern": {"shape": pattern}},
                               text=[f"{value} %" for value in table[column]], textposition="auto",
                               hovertemplate="%{y} : %{x} %<extra>" + text(name, language) + "</extra>")
                        for column, name, colour, pattern in _SERIES])
    figure.update_layout(
        barmode="group", title=text("consentement.nudge.title", language),
        xaxis={"title": text("consentement.nudge.axis", language), "range": [0, 100]},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"traceorder": "normal"}, height=480,
    )
    return figure
