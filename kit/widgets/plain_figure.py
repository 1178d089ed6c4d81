"""Plotly figures shown as plain JSON, in the mime type plotly's JupyterLab extension renders.

Why not `display(figure)`: plotly then goes through `plotly.io`'s renderers, whose import pulls
nbformat, jsonschema and its URL grammars — about 4 s added to every teen's cold page on a 2-core
laptop (measured: 3.8 s for the renderers, 0.16 s for a figure's JSON). The bundle is small enough to
write here, and the renderer it needs (plotly.js inside the plotly wheel's lab extension) is served
by the laptop or the static site, so nothing is fetched from outside.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
from IPython.display import display

__all__ = ["MIME_TYPE", "bundle", "show"]

MIME_TYPE = "application/vnd.plotly.v1+json"


def bundle(figure: go.Figure) -> dict:
    """The figure as a mime bundle: plotly's JSON (numpy arrays and dates made plain) and a text line
    for the notebook's plain-text view (the kit writes each chart's full text alternative beside it)."""
    title = figure.layout.title.text or "plotly figure"
    return {MIME_TYPE: json.loads(figure.to_json()), "text/plain": title}


def show(part: object) -> None:
    """Display a step's part: figures as their plain bundle, anything else (widgets, HTML) as usual."""
    if isinstance(part, go.Figure):
        display(bundle(part), raw=True)
    else:
        display(part)
