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

Why every figure is made for a finger on a 360 px phone first (and still reads on a projector): the
renderer (`RenderedPlotly.createGraph` in the plotly wheel's `jupyterlab-plotly` lab extension, the same
in Voilà and JupyterLite) hands the bundle's `config` to `Plotly.react`, so `CONFIG` removes the mode bar
and the zooms a thumb sets off by accident, and makes the figure follow its container's width. What a
page's scroll needs is in the layout, since no config key does it: plotly.js keeps a touch for itself
(`preventDefault`, the page stops scrolling) unless `dragmode` is false, so the template sets it false and
fixes every axis's range; a tap still shows the value under it (hover labels). A sankey is the exception:
under every dragmode but pan or zoom its background box-selects (and keeps the touch), and the renderer
fails to draw it, so its figure asks for pan (no axis to pan) and fixed nodes (`kit.widgets.trackers`);
a tap on it shows no label (plotly.js hides a sankey's label on the click that follows a tap; the words
beside it give its main numbers). Sizes: 14 px text, 17 px titles, no fixed width, legends in a row
under the plot (they wrap instead of eating its width), and titles, axis titles and legend entries
broken on words at `LINE_CHARS` (plotly.js never wraps a line: a long one is cut at the figure's edge).
"""

from __future__ import annotations

import json
import re
import textwrap

import ipywidgets as widgets
import plotly.graph_objects as go
import plotly.io as pio
from IPython.display import display

__all__ = ["CONFIG", "LINE_CHARS", "MIME_TYPE", "TEMPLATE", "as_widget", "bundle", "warm_up", "wrapped"]

MIME_TYPE = "application/vnd.plotly.v1+json"

_AXIS = {
    # Room for long tick labels (app names, banner designs) on a phone's narrow screen.
    "automargin": True, "title": {"standoff": 15},
    # Light enough to stay behind the data, dark enough to survive a washed-out projector.
    "gridcolor": "#DDDDDD", "zerolinecolor": "#AAAAAA",
    # No zoom or pan: a finger that swipes over the chart scrolls the page (see the module's docstring).
    "fixedrange": True,
}
#: The look of the kit's figures. plotly.js's own font list, which the figures' sizes and margins were
#: drawn for (the pages' system font is wider on Linux laptops and cut long titles), in a dark slate;
#: Okabe–Ito colours for traces that name none (told apart with any common colour-vision deficiency, as
#: the colours the figures name are); a white plot area; titles on the left, where a teen starts
#: reading; numbers given as text stay text. Patterned bars (what is not the teen's own) keep their
#: colour under a light hatching, so that the number written on them stays readable. For a phone: text
#: no smaller than 14 px, titles at 17, narrow side margins, legends in a row at the bottom of the figure
#: (plotly.js keeps the room they take below the axis titles), and no drag (`dragmode`, see the module's
#: docstring).
TEMPLATE = {
    "data": {"bar": [{"marker": {"pattern": {"fillmode": "overlay", "size": 10, "solidity": 0.2}}}]},
    "layout": {
        "font": {"color": "#2A3F5F", "size": 14},
        "colorway": ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"],
        "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF",
        "title": {"x": 0.03, "font": {"size": 17}},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "yref": "container", "y": 0, "yanchor": "bottom"},
        "uniformtext": {"minsize": 14, "mode": "show"},  # words on a thin bar: never shrunk to fit it
        "hoverlabel": {"align": "left"},
        "autotypenumbers": "strict",
        "dragmode": False,
        "xaxis": _AXIS, "yaxis": _AXIS,
    },
}
#: What the renderer passes to plotly.js with each figure: no mode bar, no scroll- or double-tap zoom, and
#: a figure that follows its container's width (a phone turned sideways, a laptop window resized).
CONFIG = {"displayModeBar": False, "scrollZoom": False, "doubleClick": False, "responsive": True}
#: The longest line, in characters, of a title, an axis title or a legend entry: 17 px titles of this
#: length fit the 340 px a 360 px phone leaves a figure.
LINE_CHARS = 32
#: What each line of a title after its first adds to the figure's top margin (17 px type, plotly's 1.3
#: line height). plotly.js's own `title.automargin` draws a title of several lines above the figure.
_TITLE_LINE_PX = 22
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def wrapped(line: str, width: int = LINE_CHARS) -> str:
    """`line` broken into lines of at most `width` characters with `<br>` (the only break plotly.js knows),
    on spaces only, the breaks already in it kept; a single word longer than `width` stays whole."""
    return "<br>".join("<br>".join(textwrap.wrap(part, width, break_long_words=False, break_on_hyphens=False))
                       or part for part in _BREAK.split(line))


def bundle(figure: go.Figure) -> dict:
    """The figure as a mime bundle: plotly's JSON (numpy arrays and dates made plain) with the kit's
    `TEMPLATE` and `CONFIG`, its title, axis titles and legend entries `wrapped` (a title of several lines
    with the room it needs above the plot), and a text line for the notebook's plain-text view (the title
    as written; the kit writes each chart's full text alternative beside it). The figure itself is left
    as it was."""
    title = figure.layout.title.text or "plotly figure"
    plain = json.loads(pio.to_json(figure.to_plotly_json(), validate=False))  # a copy
    layout = plain["layout"]
    layout["template"] = TEMPLATE
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and "text" in axis.get("title", {}):
            axis["title"]["text"] = wrapped(axis["title"]["text"])
    for trace in plain["data"]:
        if "name" in trace:
            trace["name"] = wrapped(trace["name"])
    if "text" in layout.get("title", {}):
        layout["title"]["text"] = wrapped(layout["title"]["text"])
        if extra_lines := layout["title"]["text"].count("<br>"):
            margin = layout.setdefault("margin", {})
            margin["t"] = margin.get("t", TEMPLATE["layout"]["margin"]["t"]) + _TITLE_LINE_PX * extra_lines
    return {MIME_TYPE: {**plain, "config": CONFIG}, "text/plain": title}


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
