"""Plotly figures in widget layouts, as plain JSON in the mime type plotly's JupyterLab extension renders.

Why not `display(figure)`: plotly then goes through `plotly.io`'s renderers, whose import pulls
nbformat, jsonschema and its URL grammars — about 4 s added to every teen's cold page on a 2-core
laptop (measured: 3.8 s for the renderers, 0.16 s for a figure's JSON). The bundle is small enough to
write here, and the renderer it needs (plotly.js inside the plotly wheel's lab extension) is served
by the laptop or the static site, so nothing is fetched from outside.

Why the kit's own template (`TEMPLATE`) replaces plotly's in every bundle: plotly's default carries the
styles of every kind of chart it can draw, 7 kB of JSON with each figure (most of a small figure's bytes,
on a phone's connection to the laptop); the kit's says only what its figures rely on, in a few hundred.

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
import plotly.io as pio
from IPython.display import display

__all__ = ["MIME_TYPE", "TEMPLATE", "as_widget", "bundle", "warm_up"]

MIME_TYPE = "application/vnd.plotly.v1+json"

_AXIS = {
    # Room for long tick labels (app names, banner designs) on a phone's narrow screen.
    "automargin": True, "title": {"standoff": 15},
    # Light enough to stay behind the data, dark enough to survive a washed-out projector.
    "gridcolor": "#DDDDDD", "zerolinecolor": "#AAAAAA",
}
#: The look of the kit's figures. plotly.js's own font list, which the figures' sizes and margins were
#: drawn for (the pages' system font is wider on Linux laptops and cut long titles), in a dark slate;
#: Okabe–Ito colours for traces that name none (told apart with any common colour-vision deficiency, as
#: the colours the figures name are); a white plot area; titles on the left, where a teen starts
#: reading; numbers given as text stay text. Patterned bars (what is not the teen's own) keep their
#: colour under a light hatching, so that the number written on them stays readable.
TEMPLATE = {
    "data": {"bar": [{"marker": {"pattern": {"fillmode": "overlay", "size": 10, "solidity": 0.2}}}]},
    "layout": {
        "font": {"color": "#2A3F5F"},
        "colorway": ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"],
        "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF",
        "title": {"x": 0.05},
        "hoverlabel": {"align": "left"},
        "autotypenumbers": "strict",
        "xaxis": _AXIS, "yaxis": _AXIS,
    },
}


def bundle(figure: go.Figure) -> dict:
    """The figure as a mime bundle: plotly's JSON (numpy arrays and dates made plain) with the kit's
    `TEMPLATE`, and a text line for the notebook's plain-text view (the kit writes each chart's full
    text alternative beside it). The figure itself is left as it was."""
    title = figure.layout.title.text or "plotly figure"
    plain = figure.to_plotly_json()  # a copy
    plain["layout"]["template"] = TEMPLATE
    return {MIME_TYPE: json.loads(pio.to_json(plain, validate=False)), "text/plain": title}


def as_widget(part: widgets.Widget | go.Figure) -> widgets.Widget:
    """A step's part as a widget: widgets as they are, a figure in a new Output showing its bundle."""
    if isinstance(part, widgets.Widget):
        return part
    output = widgets.Output()
    with output:
        display(bundle(part), raw=True)
    return output


def warm_up() -> None:
    """Loads what plotly loads for a process's first figure (its figure and trace classes, the kinds of
    traces the kit draws, and its JSON encoder: 0.1 s and 15 MB), so that a template process that forks
    the room's kernels (`kit.workshops.page.prepare`) has it loaded once for all of them."""
    bundle(go.Figure([go.Bar(), go.Scatter(), go.Sankey()]))
