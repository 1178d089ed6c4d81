"""A workshop step's heading and instructions, from the catalogs, redrawn when the language changes."""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import text

__all__ = ["step_header"]


def step_header(prefix: str, language: widgets.ToggleButtons) -> widgets.HTML:
    """A heading from `{prefix}.title` and a paragraph from `{prefix}.text`.

    A workshop's own title (`workshop.*`) is the page's `<h1>`, its steps are `<h2>`: screen readers
    list and jump through a page by these levels, and a page without a first level has no title in it.
    """
    level = 1 if prefix.startswith("workshop.") else 2
    header = widgets.HTML()

    def draw(_: object = None) -> None:
        header.value = (f"<h{level}>{text(f'{prefix}.title', language.value)}</h{level}>"
                        f"<p>{text(f'{prefix}.text', language.value)}</p>")

    language.observe(draw, names="value")
    draw()
    return header
