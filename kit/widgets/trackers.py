"""Who's following me: which companies received data from which app, how often, and what data.

Apps are classed on Exodus Privacy's scale (0 trackers, 1 to 4, 5 or more; `kit.analysis.trackers`). Each
class has an Okabe–Ito colour *and* a shape marker written in the node's label, so the scale survives
colour blindness and black-and-white printing; `describe_trackers` says the figure in words for screen
readers.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kit.analysis.trackers import (
    exodus_class,
    fields_sent,
    requests_per_day,
    trail_days,
)
from kit.i18n import text
from kit.scenario.model import Scenario
from kit.widgets.plain_figure import wrapped

__all__ = ["describe_trackers", "tracker_sankey"]

#: Exodus Privacy's class → (Okabe–Ito colour, marker written before the app's name).
_EXODUS_STYLE = {
    "green": ("#009E73", "●"),
    "yellow": ("#E69F00", "▲"),
    "red": ("#D55E00", "■"),
}
_COMPANY_COLOUR = "#0072B2"
#: Links take their app's colour, faded so that crossing flows stay readable.
_LINK_OPACITY = 0.35


def tracker_sankey(trail: dict[str, pd.DataFrame], scenario: Scenario, *, language: str = "fr") -> go.Figure:
    """Apps on the left, companies on the right; a flow's width is how many requests went that way."""
    flows = _flows(trail, scenario)
    apps = flows.groupby("app", sort=False)["requests"].sum().sort_values(ascending=False, kind="stable")
    companies = flows.groupby("company", sort=False)["requests"].sum().sort_values(ascending=False, kind="stable")
    app_by_id = {app.id: app for app in scenario.apps}
    country = {tracker.company: tracker.country for tracker in scenario.trackers}
    classes = [exodus_class(len(app_by_id[app_id].trackers)) for app_id in apps.index]
    # Keyed by side as well as name, so an app id equal to a company name stays two nodes.
    index = {key: position for position, key in enumerate([*(("app", app_id) for app_id in apps.index),
                                                           *(("company", name) for name in companies.index)])}
    link_colours = {app_id: _faded(_EXODUS_STYLE[cls][0]) for app_id, cls in zip(apps.index, classes)}
    figure = go.Figure(go.Sankey(
        arrangement="fixed",  # a node dragged by a finger would hold the page's scroll
        node={
            "label": [f"{_EXODUS_STYLE[cls][1]} {app_by_id[app_id].name}" for app_id, cls in zip(apps.index, classes)]
                     + [text("trackers.company_node", language, company=company, country=country[company])
                        for company in companies.index],
            "color": [_EXODUS_STYLE[cls][0] for cls in classes] + [_COMPANY_COLOUR] * len(companies),
            "pad": 12, "thickness": 18,
            "hovertemplate": text("trackers.node_hover", language, node="%{label}", count="%{value}")
                             + "<extra></extra>",
        },
        link={
            "source": [index["app", app_id] for app_id in flows["app"]],
            "target": [index["company", company] for company in flows["company"]],
            "value": flows["requests"].tolist(),
            "color": [link_colours[app_id] for app_id in flows["app"]],
            "hovertemplate": text("trackers.link_hover", language, app="%{source.label}",
                                  company="%{target.label}", count="%{value}") + "<extra></extra>",
        },
    ))
    title = (text("trackers.title", language, requests=int(flows["requests"].sum()), companies=len(companies))
             if len(flows) else text("trackers.empty", language))
    # One class a line: a phone's narrow line would break the scale inside a class.
    legend = "<br>".join([wrapped(text("trackers.legend", language)),
                          *(text(f"trackers.class_{cls}", language, marker=marker)
                            for cls, (_, marker) in _EXODUS_STYLE.items())])
    figure.update_layout(
        title=title, height=480, margin={"b": 20 + 18 * (legend.count("<br>") + 1)},
        # Under the template's dragmode (false), a sankey's background box-selects and keeps a finger's swipe
        # from scrolling the page, and the lab renderer, which draws into a node not yet on the page, fails
        # to draw the sankey at all (plotly.js sankey/base_plot.js, updateFx). Pan skips both; with no axis,
        # it moves nothing.
        dragmode="pan",
        annotations=[{"text": legend, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": -0.04,
                      "xanchor": "left", "yanchor": "top", "align": "left"}],
    )
    return figure


def describe_trackers(trail: dict[str, pd.DataFrame], scenario: Scenario, *, language: str = "fr") -> str:
    """The sankey in words: what a screen reader says, and what the printed fallback shows."""
    flows = _flows(trail, scenario)
    if flows.empty:
        return text("trackers.empty", language)
    chattiest = requests_per_day(trail).iloc[0]
    field = fields_sent(trail, scenario, language=language).iloc[0]
    names = {app.id: app.name for app in scenario.apps}
    return text("trackers.summary", language, days=trail_days(trail), requests=int(flows["requests"].sum()),
                companies=flows["company"].nunique(), app=names[chattiest["app"]],
                per_day=round(chattiest["requests_per_day"]), field=field["label"], field_count=field["requests"])


def _flows(trail: dict[str, pd.DataFrame], scenario: Scenario) -> pd.DataFrame:
    """Requests per (app, company), biggest first; trackers of one company are merged."""
    company = {tracker.id: tracker.company for tracker in scenario.trackers}
    requests = trail["tracker_requests"]
    flows = (pd.DataFrame({"app": requests["app"].astype(str), "company": requests["tracker"].map(company)})
             .value_counts().rename("requests").reset_index())
    return flows.sort_values(["requests", "app", "company"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


def _faded(colour: str) -> str:
    red, green, blue = (int(colour[position:position + 2], 16) for position in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {_LINK_OPACITY})"
