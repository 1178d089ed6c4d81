"""The scenario studio: an educator adapts a scenario in forms, with no text editor and no code.

The main choices of a scenario — the city and the class, the places on the map, the apps and their
trackers, the consent banners — are forms over the scenario file itself, read with its comments
(ruamel's round-trip document). After every change the file is written out in memory, read back and
validated exactly as `datatrail check` does, so the problems shown carry the line they will have in the
saved file. Only a valid scenario can be saved, as a download made by the browser (a `data:` link): the
server writes nothing, so a studio opened from the room's address cannot put a file on the laptop.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from kit.errors import KitError
from kit.i18n import text
from kit.scenario import (
    SCENARIO_FILE,
    Scenario,
    default_scenario,
    resolve_scenario,
    scenario_from_document,
)
from kit.scenario.source import parse_yaml, read_yaml
from kit.widgets.citymap import city_map
from kit.widgets.language import page_language_switch
from kit.widgets.plain_figure import as_widget

__all__ = ["ScenarioStudio"]

#: First line of every file the studio saves, so that whoever opens it knows where it comes from.
_SIGNATURE = "# Enregistré par le studio de scénario / saved by the scenario studio\n"
_REJECT_CHOICES = ("first_layer", "settings", "none")
_WIDE = {"description_width": "12em"}


class ScenarioStudio(widgets.VBox):
    """Forms over one scenario; `problems` holds the live validation (empty: `valid` is the model)."""

    def __init__(self, scenario: str | Path | None = None) -> None:
        source = resolve_scenario(scenario or default_scenario())
        self.document: CommentedMap = read_yaml(source)
        self.path = Path(f"{self.document['meta']['id']}/{SCENARIO_FILE}")
        self.language = page_language_switch()
        self.valid: Scenario | None = None
        self.problems: list[str] = []
        self._written = ""  # the file as last checked: what the download link offers
        self.status = widgets.HTML()
        self.map = widgets.VBox()
        # The map is drawn on request, never while the page renders (see kit.widgets.plain_figure).
        self.show_map = widgets.Button(icon="map")
        self.show_map.on_click(lambda _: self._draw_map())
        self.download = widgets.HTML()
        # Buttons over a stack rather than a Tab: the Tab's inactive labels are too pale to read (axe: contrast).
        self._sections = widgets.Stack()
        self._section_buttons = widgets.ToggleButtons()
        self._section_buttons.observe(lambda change: setattr(self._sections, "selected_index", change["new"]),
                                      names="index")
        self._fields: list[tuple[widgets.Widget, str]] = []  # each input and its catalog key, for relabelling
        self.language.observe(lambda _: self._relabel(), names="value")
        super().__init__([self.language, widgets.HTML(), self._section_buttons, self._sections, self.status,
                          self.download, self.show_map, self.map])
        self._build()
        self.check()

    # ─── the forms ────────────────────────────────────────────────────────────────────────────────
    def _build(self) -> None:
        meta, teens = self.document["meta"], self.document["teens"]
        city = [self._text(meta["city"], "name", "studio.city.name"),
                self._text(meta["title"], "fr", "studio.city.title_fr"),
                self._text(meta["title"], "en", "studio.city.title_en"),
                self._number(teens, "count", "studio.class.count", minimum=2, maximum=200),
                self._ages(teens["ages"])]
        self._sections.children = [widgets.VBox(city), self._chooser(self.document["places"], self._place_form),
                                   self._chooser(self.document["apps"], self._app_form),
                                   self._chooser(self.document["consent"]["banners"], self._banner_form)]
        self._relabel()

    def _chooser(self, items: list, form: Callable[[CommentedMap], list[widgets.Widget]]) -> widgets.VBox:
        """A list to pick one item from, and that item's form."""
        def label(item: CommentedMap) -> str:
            name = item.get("name") or item.get("label", {}).get(self.language.value) or item["id"]
            return f"{name} ({item['id']})"

        picker = widgets.Dropdown(options=[(label(item), index) for index, item in enumerate(items)],
                                  style=_WIDE, layout={"width": "32em"})
        self._label(picker, "studio.pick")
        body = widgets.VBox(form(items[0]))
        picker.observe(lambda change: setattr(body, "children", form(items[change["new"]])), names="value")
        return widgets.VBox([picker, body])

    def _place_form(self, place: CommentedMap) -> list[widgets.Widget]:
        kinds = sorted({item["kind"] for item in self.document["places"]})
        return [self._text(place, "name", "studio.place.name"),
                self._choice(place, "kind", kinds, "studio.place.kind"),
                self._decimal(place, "lat", "studio.place.lat"), self._decimal(place, "lon", "studio.place.lon")]

    def _app_form(self, app: CommentedMap) -> list[widgets.Widget]:
        trackers = [(f"{tracker['company']} ({tracker['id']})", tracker["id"]) for tracker in self.document["trackers"]]
        chosen = widgets.SelectMultiple(options=trackers, value=tuple(app["trackers"]), rows=8, style=_WIDE,
                                        layout={"width": "32em"})
        chosen.observe(lambda change: self._set(app, "trackers", list(change["new"])), names="value")
        self._label(chosen, "studio.app.trackers")
        banners = [banner["id"] for banner in self.document["consent"]["banners"]]
        return [self._text(app, "name", "studio.app.name"), self._text(app, "company", "studio.app.company"),
                chosen, self._choice(app, "banner", banners, "studio.app.banner"),
                self._number(app, "min_age", "studio.app.min_age", minimum=0, maximum=21)]

    def _banner_form(self, banner: CommentedMap) -> list[widgets.Widget]:
        return [self._text(banner["label"], "fr", "studio.banner.label_fr"),
                self._text(banner["label"], "en", "studio.banner.label_en"),
                self._text(banner["text"], "fr", "studio.banner.text_fr", long=True),
                self._text(banner["text"], "en", "studio.banner.text_en", long=True),
                self._choice(banner, "reject", list(_REJECT_CHOICES), "studio.banner.reject"),
                self._tick(banner, "pre_ticked", "studio.banner.pre_ticked"),
                self._number(banner, "vendors", "studio.banner.vendors", minimum=0, maximum=5000)]

    def _field(self, widget: widgets.Widget, node: CommentedMap, key: str, label: str) -> widgets.Widget:
        widget.style = _WIDE
        widget.observe(lambda change: self._set(node, key, change["new"]), names="value")
        return self._label(widget, label)

    def _label(self, widget: widgets.Widget, key: str) -> widgets.Widget:
        """Label an input now, and again when the language changes."""
        widget.description = widget.tooltip = text(key, self.language.value)
        self._fields.append((widget, key))
        return widget

    def _text(self, node: CommentedMap, key: str, label: str, *, long: bool = False) -> widgets.Widget:
        kind = widgets.Textarea if long else widgets.Text
        return self._field(kind(value=str(node[key]), layout={"width": "40em", "height": "5em" if long else None}),
                           node, key, label)

    def _number(self, node: CommentedMap, key: str, label: str, *, minimum: int, maximum: int) -> widgets.Widget:
        return self._field(widgets.BoundedIntText(value=int(node[key]), min=minimum, max=maximum), node, key, label)

    def _decimal(self, node: CommentedMap, key: str, label: str) -> widgets.Widget:
        return self._field(widgets.FloatText(value=float(node[key]), step=0.001), node, key, label)

    def _choice(self, node: CommentedMap, key: str, options: list[str], label: str) -> widgets.Widget:
        return self._field(widgets.Dropdown(options=options, value=node[key]), node, key, label)

    def _tick(self, node: CommentedMap, key: str, label: str) -> widgets.Widget:
        return self._field(widgets.Checkbox(value=bool(node[key]), indent=False), node, key, label)

    def _ages(self, ages: CommentedMap) -> widgets.Widget:
        slider = widgets.IntRangeSlider(value=(int(ages["min"]), int(ages["max"])), min=8, max=20)
        slider.style = _WIDE
        slider.observe(lambda change: self._set_many(ages, {"min": change["new"][0], "max": change["new"][1]}),
                       names="value")
        return self._label(slider, "studio.class.ages")

    def _set(self, node: CommentedMap | list, key: str, value: object) -> None:
        self._set_many(node, {key: value})

    def _set_many(self, node: CommentedMap, values: dict[str, object]) -> None:
        for key, value in values.items():
            node[key] = value
        self.check()

    def _relabel(self) -> None:
        language = self.language.value
        self.children[1].value = (f"<h1>{html.escape(text('studio.title', language))}</h1>"
                                  f"<p>{html.escape(text('studio.intro', language))}</p>")
        for widget, key in self._fields:
            widget.description = widget.tooltip = text(key, language)
        chosen = self._section_buttons.index or 0
        self._section_buttons.options = [(text(key, language), index) for index, key in enumerate(
            ("studio.tab.city", "studio.tab.places", "studio.tab.apps", "studio.tab.banners"))]
        self._section_buttons.index = chosen
        self.show_map.description = text("studio.show_map", language)
        self._show()

    # ─── validation and saving ──────────────────────────────────────────────────────────────────────
    def yaml_text(self) -> str:
        """The scenario as it would be saved: the original file's comments, the forms' values."""
        buffer = io.StringIO()
        YAML(typ="rt").dump(self.document, buffer)
        return _SIGNATURE + buffer.getvalue()

    def check(self) -> None:
        """Validate the file as it would be saved; keep the problems (with their lines) or the valid model."""
        written = self._written = self.yaml_text()
        try:
            self.valid = scenario_from_document(parse_yaml(written.encode("utf-8"), self.path), self.path)
            self.problems = []
        except KitError as error:
            self.valid = None
            self.problems = [problem.format() for problem in error.problems]
        self._show()

    def _show(self) -> None:
        language = self.language.value
        if self.valid is None and not self.problems:
            return  # not checked yet: the forms are still being built
        if self.problems:
            items = "".join(f"<li><pre>{html.escape(problem)}</pre></li>" for problem in self.problems)
            heading = html.escape(text("studio.invalid", language, count=len(self.problems)))
            self.status.value = f"<div role='alert'><p><strong>{heading}</strong></p><ul>{items}</ul></div>"
            self.download.value = ""
        else:
            self.status.value = f"<p role='status'>✓ {html.escape(text('studio.valid', language))}</p>"
            encoded = base64.b64encode(self._written.encode("utf-8")).decode("ascii")  # as checked, not dumped again
            self.download.value = (f"<a download='{self.path.parent.name}.yaml' "
                                   f"href='data:text/yaml;charset=utf-8;base64,{encoded}'>"
                                   f"{html.escape(text('studio.download', language))}</a>")
            if self.map.children:
                self._draw_map()

    def _draw_map(self) -> None:
        """The valid scenario's places on the map (the last valid one while the forms hold a mistake)."""
        if self.valid is not None:
            self.map.children = [as_widget(city_map(self.valid, language=self.language.value))]
