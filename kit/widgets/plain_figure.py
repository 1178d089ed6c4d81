"""Plotly figures in widget layouts, as plain JSON in the mime type plotly's JupyterLab extension renders.

Why not `display(figure)`: plotly then goes through `plotly.io`'s renderers, whose import pulls
nbformat, jsonschema and its URL grammars — about 4 s added to every teen's cold page on a 2-core
laptop (measured: 3.8 s for the renderers, 0.16 s for a figure's JSON). The bundle is small enough to
write here, and the renderer it needs (plotly.js inside the plotly wheel's lab extension) is served
by the laptop or the static site, so nothing is fetched from outside.

Why each figure gets a fresh `Output` at draw time instead of steps writing into long-lived ones:
while Voilà renders a page, its executor (nbclient) copies every write into an Output widget back to
the kernel on the shell channel, racing the cell's own reply on that socket; on a busy laptop the reply
is missed and the page hangs until the cell timeout (measured before the change: 2 to 4 of 15 teens
joining within 30 s waited 40–120 s). Pages hold only plain widgets while they render, and figures
appear from callbacks, once the page is live.
"""

from __future__ import annotations

import json

import ipywidgets as widgets
import plotly.graph_objects as go
from IPython.display import display

__all__ = ["MIME_TYPE", "as_widget", "bundle"]

MIME_TYPE = "application/vnd.plotly.v1+json"


def bundle(figure: go.Figure) -> dict:
    """The figure as a mime bundle: plotly's JSON (numpy arrays and dates made plain) and a text line
    for the notebook's plain-text view (the kit writes each chart's full text alternative beside it)."""
    title = figure.layout.title.text or "plotly figure"
    return {MIME_TYPE: json.loads(figure.to_json()), "text/plain": title}


def as_widget(part: widgets.Widget | go.Figure) -> widgets.Widget:
    """A step's part as a widget: widgets as they are, a figure in a new Output showing its bundle."""
    if isinstance(part, widgets.Widget):
        return part
    output = widgets.Output()
    with output:
        display(bundle(part), raw=True)
    return output
