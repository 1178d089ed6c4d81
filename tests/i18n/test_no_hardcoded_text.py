"""No workshop page and no notebook shows a word that is neither a catalog message nor the scenario's data.

Every catalog message is marked (its literal text wrapped in ⟦ ⟧; the values filling its placeholders stay
unmarked, so a word computed in Python and slipped into a message is still seen). Each workshop page is then
built, given a double, its buttons pressed once, and read as a teen sees it, in French and in English: the
widgets' texts, labels, options, placeholders and tooltips, and its figures' titles, axes, legends,
annotations and hover texts. Once the marked text is cut out, what is left may only hold numbers, symbols,
units and words of the data (places, apps, companies, segments, menus…: every string of the scenario file and
of its tables). A leftover word was written in Python: it belongs in `kit/i18n/`.
"""

from __future__ import annotations

import base64
import html
import re
import string
from collections.abc import Iterable, Iterator
from importlib import import_module
from itertools import chain
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pandas as pd
import plotly.graph_objects as go
import pytest
from babel.dates import get_day_names, get_month_names
from IPython.display import HTML as HTMLOutput
from ruamel.yaml import YAML

import kit
from kit import i18n
from kit.i18n import LANGUAGES, formats
from kit.page_env import ROOM_URL_VARIABLE
from kit.scenario import default_scenario, resolve_scenario
from kit.widgets.launcher import launcher
from kit.workshops import WORKSHOPS, WorkshopEntry, workshops_root
from kit.workshops.page import Workshop

OPEN, CLOSE = "⟦", "⟧"
#: The catalogs as they are, for what the notebooks store (the tests of pages mark them).
CATALOG = i18n.catalog
PSEUDONYM = "lune42"
#: Words no catalog needs to carry: units and symbols written the same in every language, language codes.
UNITS = {"km", "kg", "min", "ms", "mb", "ko", "mo", "go", "kb", "gb", *LANGUAGES}
#: Where a figure puts words (plotly's JSON keys); the rest are colours, positions and types.
FIGURE_WORDS = {"text", "name", "title", "hovertemplate", "texttemplate", "hovertext", "ticktext", "label",
                "labels", "customdata"}
#: Where a widget puts words, beyond the value of the text widgets and the labels of the choices.
WIDGET_WORDS = ("description", "placeholder", "tooltip", "tooltips", "titles")
TEXT_WIDGETS = (widgets.HTML, widgets.HTMLMath, widgets.Label, widgets.Text, widgets.Textarea)
WORD = re.compile(r"[^\W\d_]+")


def _marked(message: i18n.Message) -> i18n.Message:
    """The message with its literal text between markers and its placeholders left as they are (each form of a
    plural message)."""
    if isinstance(message, dict):
        return {form: _marked(text) for form, text in message.items()}
    parts = []
    for literal, field, spec, conversion in string.Formatter().parse(message):
        if literal:
            parts.append(OPEN + literal.replace("{", "{{").replace("}", "}}") + CLOSE)
        if field is not None:
            parts.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(parts)


@pytest.fixture(scope="module")
def marked_catalogs() -> Iterator[None]:
    """Every language's messages marked, for the module's tests (`text` reads them through `catalog`)."""
    marked = {language: {key: _marked(message) for key, message in i18n.catalog(language).items()}
              for language in LANGUAGES}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "catalog", lambda language: marked[language])
        yield


def _strings(value: object) -> Iterator[str]:
    """Every string in a nested structure (a scenario file), keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(key)
            yield from _strings(inner)
    elif isinstance(value, list | tuple | set):
        for inner in value:
            yield from _strings(inner)


def _table_strings(tables: dict[str, pd.DataFrame]) -> Iterator[str]:
    """The names and ids in the tables' text columns; not sentences (the engine's `evidence` is French prose
    that no page shows)."""
    for table in tables.values():
        for column in table.columns:
            values = table[column]
            if not pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_datetime64_any_dtype(values):
                for value in values.dropna().astype(str).unique():
                    yield from (name for name in value.split("|") if len(WORD.findall(name)) <= 4)


def _phrases(strings: Iterator[str]) -> str:
    """The strings as one text of their words, casefolded, so that `f" {run} " in` finds a run of words that
    one of them holds."""
    return " | " + " | ".join(" ".join(WORD.findall(value)).casefold() for value in strings) + " | "


@pytest.fixture(scope="module")
def data_text() -> str:
    """What the data brings: every string of the scenario file and of its tables' text columns, and the month,
    day and currency names that CLDR's data brings (`kit.i18n.formats`)."""
    scenario = resolve_scenario(default_scenario())
    return _phrases(chain(_strings(YAML(typ="safe").load(scenario.read_text(encoding="utf-8"))),
                          _table_strings(kit.load(default_scenario())), [PSEUDONYM], _cldr_names()))


def _cldr_names() -> Iterator[str]:
    for language in LANGUAGES:
        locale = formats.locale(language)
        for width in ("wide", "abbreviated"):
            yield from get_month_names(width, "format", locale).values()
        yield from get_day_names("wide", "format", locale).values()
        yield formats.currency_name(language)


def _visible(html_text: str) -> str:
    """What a browser shows of a piece of HTML: no <style>/<script> content, no tags nor attributes (a tag
    ends a run of words)."""
    html_text = re.sub(r"<(style|script)\b.*?</\1\s*>", "|", html_text, flags=re.DOTALL | re.IGNORECASE)
    html_text = re.sub(r"<!--.*?-->", "|", html_text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]*>", "|", html_text))


def _unmarked(shown: str) -> str:
    """What is left once every catalog message's own text is cut out."""
    return re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", "|", shown)


def _figure_texts(figure: go.Figure, path: str) -> Iterator[tuple[str, str]]:
    def walk(value: object, where: str, wordy: bool) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict) and "bdata" not in value:  # a numpy array, base64-encoded
            for key, inner in value.items():
                yield from walk(inner, f"{where}.{key}", wordy or key in FIGURE_WORDS)
        elif isinstance(value, list | tuple):
            for index, inner in enumerate(value):
                yield from walk(inner, f"{where}[{index}]", wordy)
        elif wordy and isinstance(value, str):
            yield where, re.sub(r"%\{[^}]*\}", " ", value)

    yield from walk(figure.to_plotly_json(), path, False)


def _texts(widget: object, path: str, seen: set[int]) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a teen can read in `widget` and what it holds."""
    if id(widget) in seen:
        return
    seen.add(id(widget))
    if isinstance(widget, go.Figure):
        yield from _figure_texts(widget, path)
        return
    if not isinstance(widget, widgets.Widget):
        return
    name = f"{path}/{type(widget).__name__}"
    for trait in WIDGET_WORDS:
        value = getattr(widget, trait, None)
        for one in [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []:
            yield f"{name}.{trait}", str(one)
    if isinstance(widget, TEXT_WIDGETS):
        yield f"{name}.value", widget.value
        # What a teen downloads and prints (a letter, a poster) travels inside the link, and so does its file name.
        for encoded in re.findall(r"data:text/html;charset=utf-8;base64,([A-Za-z0-9+/=]+)", widget.value):
            yield f"{name}.download", base64.b64decode(encoded).decode("utf-8")
        for file_name in re.findall(r"download='([^']*)'", widget.value):
            yield f"{name}.download_name", file_name
    for label in getattr(widget, "_options_labels", ()):
        yield f"{name}.options", label
    # Figures reach the page inside Output widgets that only a kernel fills: read them where components keep them.
    for attribute, value in vars(widget).items():
        if isinstance(value, go.Figure):
            yield from _texts(value, f"{name}.{attribute}", seen)
    for index, child in enumerate(getattr(widget, "children", ())):
        yield from _texts(child, f"{name}[{index}]", seen)


def _leftovers(texts: Iterable[tuple[str, str]], data: str) -> list[str]:
    """"where: words" for every run of words left outside the catalog messages that no data string holds;
    numbers, punctuation and symbols end a run."""
    found = []
    for where, shown in texts:
        for run in re.split(r"[^\w\s'’-]|[\d_]", _unmarked(_visible(shown))):
            words = [word.casefold() for word in WORD.findall(run)]
            if any(len(word) > 1 and word not in UNITS for word in words) and f" {' '.join(words)} " not in data:
                found.append(f"{where}: {run.strip()!r} in {shown[:200]!r}")
    return found


def _press_every_button(page: Workshop, parts: list[widgets.Widget]) -> None:
    """Every button of the page once (a game started, a model fitted, a banner answered), as a curious teen."""
    buttons = []
    for part in parts:
        stack = [part]
        while stack:
            widget = stack.pop()
            if isinstance(widget, widgets.Button) and widget is not getattr(page.picker, "go", None):
                buttons.append(widget)
            stack.extend(reversed(getattr(widget, "children", ())))
    for button in buttons:
        if not button.disabled:
            button.click()


@pytest.mark.parametrize("workshop", WORKSHOPS, ids=lambda workshop: workshop.stem)
def test_a_page_shows_only_catalog_messages_and_data(workshop: WorkshopEntry, marked_catalogs: None,
                                                     data_text: str) -> None:
    page = getattr(import_module(workshop.page_module), workshop.page_class)()
    cells = {"start": page.start(), **{step: getattr(page, step)() for step in workshop.steps}}
    if page.picker is not None:
        page.picker.pseudonym.value = PSEUDONYM
        page.picker.habits.value = (page.scenario.teens.habits[0].id,)
        page.picker.go.click()
    _press_every_button(page, list(cells.values()))
    data = data_text + _phrases(_table_strings(page.trail or {}))
    leftovers = []
    for language in LANGUAGES:
        page.language.value = language
        seen: set[int] = set()
        texts = [found for cell, part in cells.items() for found in _texts(part, f"{language}:{cell}", seen)]
        texts += [found for prefix, shown in page.shown.items() for index, part in enumerate(shown)
                  for found in _texts(part, f"{language}:{prefix}[{index}]", seen)]
        assert texts, "the page shows nothing to read"
        leftovers += _leftovers(texts, data)
    assert leftovers == [], f"{workshop.stem} writes words outside the catalogs:\n" + "\n".join(leftovers)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_launcher_shows_only_catalog_messages(language: str, marked_catalogs: None,
                                                  data_text: str, monkeypatch) -> None:
    monkeypatch.delenv(ROOM_URL_VARIABLE, raising=False)  # the room's address and QR code are not words
    page = launcher(language)
    assert isinstance(page, HTMLOutput)
    assert _leftovers([(f"launcher:{language}", page.data)], data_text) == []


NOTEBOOKS = sorted(workshops_root().glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_a_notebook_writes_no_text_of_its_own(path: Path) -> None:
    """App mode shows markdown cells and what code cells print: a notebook only calls the kit, which reads the
    catalogs, and its page title (the browser tab's) is the catalog's."""
    notebook = nbformat.read(path, as_version=4)
    assert [cell.source for cell in notebook.cells if cell.cell_type != "code"] == []
    for cell in notebook.cells:
        quoted = re.findall(r"([\"'])(.*?)\1", cell.source)
        assert not [words for _, words in quoted if " " in words.strip()], cell.source
        assert "print(" not in cell.source and "display(" not in cell.source, cell.source
    # A page's title is a catalog message, or one followed by the kit's name (Voilà puts it in the browser tab).
    site = CATALOG(LANGUAGES[0])["launcher.title"]
    own = notebook.metadata.get("title", "").removesuffix(f" · {site}")
    assert own in CATALOG(LANGUAGES[0]).values()
