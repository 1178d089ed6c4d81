"""Figures reach the page as plotly's plain JSON bundle, without plotly's renderer machinery (whose
import costs every teen's cold page seconds)."""

from __future__ import annotations

import json
import subprocess
import sys

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go

from kit.widgets.plain_figure import MIME_TYPE, TEMPLATE, as_widget, bundle

WALK_THROUGH_WORKSHOP_1 = """
import sys
from IPython.core.interactiveshell import InteractiveShell
InteractiveShell.instance()  # display() now formats objects as a kernel does
from kit.workshops.ma_journee import MaJournee
page = MaJournee()
page.start(), page.step_day(), page.step_trackers(), page.step_guess(), page.step_sobriety()
page.picker.pseudonym.value = "lune42"
page.picker.go.click()
card = page.shown["ma_journee.step3"][0]
card.guess.value = card.guess.options[0][1]
card.reveal()
assert card.figure is not None
print(sorted(name for name in ("plotly.io._renderers", "nbformat", "jsonschema") if name in sys.modules))
"""


def test_a_figure_becomes_plain_json_with_a_text_line() -> None:
    figure = go.Figure(go.Scatter(x=np.arange(3), y=np.array([1.5, 2.0, 0.5])), layout={"title": {"text": "Ma journée"}})
    shown = bundle(figure)
    assert shown["text/plain"] == "Ma journée"
    assert shown[MIME_TYPE]["data"][0]["type"] == "scatter"
    assert json.loads(json.dumps(shown)) == shown  # numpy made plain (plotly.js decodes its base64 arrays)


def test_a_figure_carries_the_kits_small_template_not_plotlys() -> None:
    figure = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": "Ma journée"}})
    sent = bundle(figure)[MIME_TYPE]
    assert sent["layout"]["template"] == TEMPLATE and sent["layout"]["title"] == {"text": "Ma journée"}
    assert len(json.dumps(sent)) < 1_500  # plotly's own template alone is 7 kB
    assert sent["layout"]["template"]["layout"]["xaxis"]["automargin"]  # long labels still fit on a phone
    assert figure.layout.template.layout.colorway != tuple(TEMPLATE["layout"]["colorway"])  # left as it was


def test_widgets_stay_as_they_are_and_figures_get_their_own_output() -> None:
    label = widgets.HTML("<p>texte</p>")
    assert as_widget(label) is label
    figure = go.Figure(go.Bar(x=["a"], y=[1]))
    first, second = as_widget(figure), as_widget(figure)
    assert isinstance(first, widgets.Output) and first is not second  # never a long-lived one rewritten


def test_workshop_pages_never_import_plotly_renderers() -> None:
    result = subprocess.run([sys.executable, "-c", WALK_THROUGH_WORKSHOP_1], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"  # outside a kernel, the map's output prints above
