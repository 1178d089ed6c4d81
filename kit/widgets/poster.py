"""The group's charter as a poster: its name, its commitments under each principle, its labels for the apps.

Shown in the page and offered as a `data:` link to a standalone HTML page whose `@page` rule sets the paper
(A4 or A3), so the teens print it, or save it as a PDF, from the browser's print dialog: nothing is written
to the laptop's disk. Everything the teens typed is escaped before it becomes HTML.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import ipywidgets as widgets

from kit.i18n import text
from kit.widgets.app_label import letter_badge
from kit.widgets.persona_picker import _escape

__all__ = ["SIZES", "Charter", "Poster", "poster_document", "poster_html"]

#: Paper sizes and the poster's base font size on each, so the same poster fills the sheet.
SIZES = {"A4": "11pt", "A3": "16pt"}
#: (principle's name, the group's commitments), then (app name, letter) for each app.
Charter = tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]


def poster_html(group: str, charter: Charter, *, language: str, top: int = 1) -> str:
    """The poster as an HTML fragment: the body of the printable document (title `<h1>`), or in the page,
    under a step's `<h2>` (`top=3`), so screen readers still find headings in order."""
    principles, labels = charter
    name = _escape(group.strip()) or text("charte.poster_no_group", language)
    sections = []
    for principle, commitments in principles:
        items = "".join(f"<li>{_escape(commitment)}</li>" for commitment in commitments) or \
            f"<li>{text('charte.poster_nothing', language)}</li>"
        sections.append(f"<section><h{top + 1}>{principle}</h{top + 1}><ul>{items}</ul></section>")
    rows = "".join(f"<li>{letter_badge(letter)} {_escape(app)}</li>" for app, letter in labels)
    return (f"<div class='charter' style='border:3px solid #000;padding:1em;background:#fff;color:#000'>"
            f"<h{top}>{text('charte.poster_title', language)}</h{top}>"
            f"<p>{text('charte.poster_group', language, group=name)}</p>{''.join(sections)}"
            f"<section><h{top + 1}>{text('charte.poster_labels', language)}</h{top + 1}>"
            f"<ul style='list-style:none;padding:0;columns:2'>{rows}</ul></section>"
            f"<p><small>{text('charte.poster_footer', language)}</small></p></div>")


def poster_document(group: str, charter: Charter, *, size: str, language: str) -> str:
    """The poster as a whole HTML page laid out for one sheet of `size` ("A4" or "A3")."""
    title = text("charte.poster_title", language)
    return (f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'><title>{title}</title>"
            f"<style>@page{{size:{size} portrait;margin:12mm}}"
            f"body{{font-family:Arial,Helvetica,sans-serif;font-size:{SIZES[size]};line-height:1.35;margin:0}}"
            "h1{font-size:2.2em;margin:0 0 .3em}h2{font-size:1.4em;margin:.6em 0 .2em}ul{margin:0}"
            "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}</style></head>"
            f"<body>{poster_html(group, charter, language=language)}</body></html>")


class Poster(widgets.VBox):
    """A group name, a paper size, a button; then the poster and its download link.

    `gather()` returns the charter as it is now in the page (see `Charter`), read when the button is pressed.
    """

    def __init__(self, gather: Callable[[], Charter], *, language: str) -> None:
        self._gather, self._language = gather, language
        self.group = widgets.Text(style={"description_width": "initial"})
        self.size = widgets.ToggleButtons(options=list(SIZES), style={"button_width": "4em"})
        self.make = widgets.Button(button_style="primary")
        self.preview, self.download = widgets.HTML(), widgets.HTML()
        #: The printable page last made (empty until the button is pressed).
        self.document = ""
        self.make.on_click(lambda _: self.build())
        self.relabel(language)
        super().__init__([self.group, self.size, self.make, self.preview, self.download])

    def relabel(self, language: str) -> None:
        self._language = language
        self.group.description = text("charte.group", language)
        self.group.placeholder = text("charte.group_placeholder", language)
        self.size.description = text("charte.size", language)
        self.make.description = text("charte.make", language)
        if self.document:
            self.build()
        else:
            self.preview.value = f"<p>{text('charte.poster_waiting', language)}</p>"

    def build(self) -> None:
        """What the button does: the poster from the page's current charter, and its download link."""
        language, charter = self._language, self._gather()
        self.document = poster_document(self.group.value, charter, size=self.size.value, language=language)
        self.preview.value = poster_html(self.group.value, charter, language=language, top=3)
        encoded = base64.b64encode(self.document.encode("utf-8")).decode("ascii")
        name = text("charte.file", language, size=self.size.value)
        self.download.value = (f"<p><a href='data:text/html;charset=utf-8;base64,{encoded}' download='{name}'>"
                               f"{text('charte.download', language)}</a></p>")
