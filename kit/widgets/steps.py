"""A workshop step's heading and instructions, from the catalogs."""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import text

__all__ = ["StepHeader"]


class StepHeader(widgets.HTML):
    """A heading from `{prefix}.title` and a paragraph from `{prefix}.text`.

    A workshop's own title (`workshop.*`) is the page's `<h1>`, its steps are `<h2>`: screen readers
    list and jump through a page by these levels, and a page without a first level has no title in it.
    """

    def __init__(self, prefix: str, *, language: str) -> None:
        super().__init__()
        self._prefix = prefix
        self.relabel(language)

    def relabel(self, language: str) -> None:
        level = 1 if self._prefix.startswith("workshop.") else 2
        self.value = (f"<h{level}>{text(f'{self._prefix}.title', language)}</h{level}>"
                      f"<p>{text(f'{self._prefix}.text', language)}</p>")
