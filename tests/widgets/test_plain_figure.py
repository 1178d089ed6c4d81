"""Figures reach the page as plotly's plain JSON bundle, without plotly's renderer machinery (whose
import costs every teen's cold page seconds); and every chart of every workshop is made for a teen's thumb
on a 360 px phone: no mode bar, no zoom a swipe sets off, nothing wider than the phone, text that reads."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go
import pytest
from kit_figures import CHARTS, every_figure

from kit.widgets.plain_figure import CONFIG, LINE_CHARS, MIME_TYPE, TEMPLATE, as_widget, bundle, wrapped

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


def test_lines_break_on_words_and_keep_the_breaks_already_there() -> None:
    assert wrapped("Ta journée du 16 mars : 265 données produites") == \
        "Ta journée du 16 mars : 265<br>données produites"
    assert wrapped("Traqueurs<br>● aucun (vert)", width=12) == "Traqueurs<br>● aucun<br>(vert)"
    assert wrapped("anticonstitutionnellement court", width=10) == "anticonstitutionnellement<br>court"  # not cut
    assert wrapped("") == ""


def test_a_long_title_gets_the_room_its_lines_need_and_the_text_line_keeps_it_whole() -> None:
    title = "The profiler puts you in 2 segments out of 10"
    shown = bundle(go.Figure(go.Bar(x=[1], y=["a"]), layout={"title": {"text": title}, "margin": {"t": 80}}))
    layout = shown[MIME_TYPE]["layout"]
    assert layout["title"]["text"] == "The profiler puts you in 2<br>segments out of 10"
    assert layout["margin"]["t"] > 80  # the second line pushes the plot down instead of covering it
    assert shown["text/plain"] == title


@pytest.fixture(scope="module")
def kit_bundles(workshop_page) -> dict[tuple[str, str, str], dict]:
    """What the renderer gets for every chart of every workshop (`tests/kit_figures.py`), in fr and en."""
    return {key: bundle(figure)[MIME_TYPE] for key, figure in every_figure(workshop_page).items()}


def test_every_chart_of_every_workshop_is_checked_in_both_languages(kit_bundles) -> None:
    assert len(kit_bundles) == 2 * sum(len(charts) for charts in CHARTS.values())
    assert {language for *_, language in kit_bundles} == {"fr", "en"}


def test_no_chart_has_a_mode_bar_or_a_zoom_that_a_finger_sets_off(kit_bundles) -> None:
    for key, sent in kit_bundles.items():
        assert sent["config"] == CONFIG, key
        assert CONFIG["displayModeBar"] is False and CONFIG["scrollZoom"] is False and CONFIG["doubleClick"] is False
        layout = sent["layout"]
        if {trace["type"] for trace in sent["data"]} == {"sankey"}:
            # A sankey's background keeps a finger's swipe under any other dragmode (see kit.widgets.plain_figure).
            assert layout["dragmode"] in ("pan", "zoom"), key
            assert all(trace["arrangement"] == "fixed" for trace in sent["data"]), key
            continue
        assert _effective(layout, "dragmode") is False, key
        axes = {name for name in layout if re.fullmatch(r"[xy]axis\d*", name)} | {"xaxis", "yaxis"}
        assert all(layout.get(axis, {}).get("fixedrange", TEMPLATE["layout"][axis[0] + "axis"]["fixedrange"])
                   is True for axis in axes), key


def test_every_chart_takes_its_containers_width_and_a_phones_height(kit_bundles) -> None:
    # The map lists up to 10 kinds of place under it; « Brouille les pistes » writes on 20 bars (10 segments,
    # before and now): both still fit a laptop's screen, and scroll on a phone's.
    taller = {"map": 560, "blur": 720}
    for (stem, chart, language), sent in kit_bundles.items():
        layout = sent["layout"]
        assert layout.get("width", 0) <= 340 and layout.get("autosize") is not False, (stem, chart, language)
        assert sent["config"]["responsive"] is True
        assert layout["height"] <= taller.get(chart, 480), (stem, chart, language, layout["height"])


def test_every_text_of_every_chart_reads_without_pinching(kit_bundles) -> None:
    assert TEMPLATE["layout"]["uniformtext"]["minsize"] >= 14  # words on a bar are never shrunk below it
    for key, sent in kit_bundles.items():
        assert _effective(sent["layout"], "font")["size"] >= 14, key
        assert _effective(sent["layout"], "title")["font"]["size"] > _effective(sent["layout"], "font")["size"], key
        sizes = list(_font_sizes(sent))
        assert sizes and min(sizes) >= 14, (key, sizes)


def test_legends_sit_in_a_row_under_the_plot(kit_bundles) -> None:
    with_legend = 0
    for key, sent in kit_bundles.items():
        layout = sent["layout"]
        shown = [trace for trace in sent["data"] if trace.get("showlegend", True)]
        if not layout.get("showlegend", len(shown) > 1 and sent["data"][0]["type"] != "sankey"):
            continue
        with_legend += 1
        legend = {**TEMPLATE["layout"]["legend"], **layout.get("legend", {})}
        assert (legend["orientation"], legend["yref"], legend["y"]) == ("h", "container", 0), key
    assert with_legend >= 8  # most charts have one: the check above is not vacuous


def test_no_line_of_a_title_axis_title_or_legend_entry_is_wider_than_a_phone(kit_bundles) -> None:
    for key, sent in kit_bundles.items():
        layout = sent["layout"]
        texts = [layout["title"]["text"], *(trace["name"] for trace in sent["data"] if "name" in trace),
                 *(axis["title"]["text"] for name, axis in layout.items()
                   if re.fullmatch(r"[xy]axis\d*", name) and "text" in axis.get("title", {}))]
        for line in (line for text in texts for line in text.split("<br>")):
            assert len(line) <= LINE_CHARS or " " not in line, (key, line)


def _effective(layout: dict, name: str):
    """A layout attribute as plotly.js reads it: the figure's own, else the kit's template's."""
    template = TEMPLATE["layout"].get(name)
    own = layout.get(name, template)
    return {**template, **own} if isinstance(template, dict) and isinstance(own, dict) else own


def _font_sizes(part, key: str = ""):
    """Every font size set anywhere in a bundle (its template included)."""
    if isinstance(part, dict):
        if key.endswith("font") and "size" in part:
            yield part["size"]
        for name, value in part.items():
            yield from _font_sizes(value, name)
    elif isinstance(part, list):
        for value in part:
            yield from _font_sizes(value, key)
