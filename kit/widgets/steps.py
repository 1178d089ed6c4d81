"""A workshop step's heading and instructions, from the catalogs, redrawn when the language changes."""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import text

__all__ = ["step_header"]


def step_header(prefix: str, language: widgets.ToggleButtons) -> widgets.HTML:
    """`<h2>` from `{prefix}.title` and a paragraph from `{prefix}.text`."""
    header = widgets.HTML()

    def draw(_: object = None) -> None:
        header.value = (f"<h2>{text(f'{prefix}.title', language.value)}</h2>"
                        f"<p>{text(f'{prefix}.text', language.value)}</p>")

    language.observe(draw, names="value")
    draw()
    return header
