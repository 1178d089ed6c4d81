"""A printable letter asking an app's company for a copy of one's data (the right of access, article 15
of the GDPR; its words: `kit.analysis.access_letter`), for one of the teen's apps.

The letter is shown in the page and offered as a `data:` link, so the download happens in the teen's
browser and nothing is written to the laptop's disk.
"""

from __future__ import annotations

import base64
import html

import ipywidgets as widgets

from kit.analysis.access_letter import letter_html
from kit.i18n import text
from kit.scenario.model import App

__all__ = ["RightsLetter", "letter_document"]


def letter_document(app: App, *, language: str = "fr") -> str:
    """The letter as a whole HTML page, laid out for printing on A4."""
    title = text("consentement.letter.title", language, app=html.escape(app.name))
    return (f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'><title>{title}</title>"
            "<style>body{font-family:Georgia,serif;font-size:12pt;line-height:1.5;max-width:40em;margin:2cm auto}"
            "@page{size:A4;margin:2cm}</style></head>"
            f"<body>{letter_html(app, language=language)}</body></html>")


class RightsLetter(widgets.VBox):
    """A list of the teen's apps, the letter for the one chosen, and a link to download it."""

    def __init__(self, apps: list[App], *, language: str) -> None:
        self._apps, self._language = {app.id: app for app in apps}, language
        self.app = widgets.Dropdown(options=[(app.name, app.id) for app in apps], style={"description_width": "initial"})
        self.letter = widgets.HTML()
        self.download = widgets.HTML()
        self.app.observe(lambda _: self._update(), names="value")
        self.relabel(language)
        super().__init__([self.app, self.letter, self.download])

    def relabel(self, language: str) -> None:
        """The letter in `language`, for the app the teen chose."""
        self._language = language
        self.app.description = text("consentement.letter.choose", language)
        self._update()

    def _update(self) -> None:
        app, language = self._apps[self.app.value], self._language
        self.letter.value = (f"<div style='border:1px solid #555;padding:12px;background:#fff;color:#000'>"
                             f"{letter_html(app, language=language)}</div>")
        encoded = base64.b64encode(letter_document(app, language=language).encode("utf-8")).decode("ascii")
        name = text("consentement.letter.file", language, app=app.id)
        self.download.value = (f"<p><a href='data:text/html;charset=utf-8;base64,{encoded}' download='{name}'>"
                               f"{text('consentement.letter.download', language)}</a></p>")
