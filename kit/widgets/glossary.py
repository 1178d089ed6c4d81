"""« Les mots » / "Words": a workshop's words in plain language, a tap away on its page.

A disclosure made of the browser's own `<details>` and `<summary>`: a real control that a keyboard reaches
and opens (Enter, Space), whose state browsers give screen readers as expanded or collapsed, with no script
and no round trip to the kernel, so it opens at once on a slow wifi, in the static site as in a room, and
while a step is computing. Its tap target is at least 44 by 44 px (WCAG 2.5.5). The words are messages of
the glossary catalog (`kit/i18n/glossary.<lang>.yaml`: `glossary.<word>.term`, `glossary.<word>.plain`);
each workshop names its own (`kit.workshops.page.Workshop.words`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as widgets

from kit.i18n import text

__all__ = ["Glossary"]

#: The summary is the tap target: 44 px high at least, as wide as its word plus padding, and shown as a button.
_SUMMARY_STYLE = ("min-height: 44px; min-width: 44px; box-sizing: border-box; padding: 10px 16px; cursor: pointer; "
                  "display: inline-block; border: 2px solid #0072B2; border-radius: 6px; font-weight: bold")


class Glossary(widgets.HTML):
    """The disclosure « Les mots », listing `words` (glossary keys such as "segment") with what each means."""

    def __init__(self, words: Sequence[str], *, language: str) -> None:
        super().__init__()
        self.words = tuple(words)
        self.relabel(language)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place."""
        entries = "".join(f"<dt><strong>{escape(text(f'glossary.{word}.term', language), quote=False)}</strong></dt>"
                          f"<dd>{escape(text(f'glossary.{word}.plain', language), quote=False)}</dd>"
                          for word in self.words)
        self.value = (f'<details class="datatrail-glossary"><summary style="{_SUMMARY_STYLE}">'
                      f'{escape(text("glossary.title", language), quote=False)}</summary><dl>{entries}</dl></details>')
