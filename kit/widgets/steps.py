"""A workshop step's heading and instructions, from the catalogs, and the list of steps that leads to them."""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import text

__all__ = ["StepHeader", "StepList", "step_anchor"]


def step_anchor(prefix: str) -> str:
    """The `id` of a step's heading (`ma_journee.step1` → `ma_journee-step1`): from its catalog prefix, so the
    same in every language and from one visit to the next; no dot, which a CSS selector would have to escape."""
    return prefix.replace(".", "-")


class StepHeader(widgets.VBox):
    """A heading from `{prefix}.title` and a paragraph from `{prefix}.text` (`heading`), which the page can move
    a teen to (`focus`).

    A workshop's own title (`workshop.*`) is the page's `<h1>`, its steps are `<h2>`: screen readers
    list and jump through a page by these levels, and a page without a first level has no title in it.
    """

    def __init__(self, prefix: str, *, language: str) -> None:
        self._prefix = prefix
        self.heading = widgets.HTML()
        # ipywidgets 8.1 sends an HTML widget's focus to a <div> inside it that takes no tabindex: nothing happens.
        # A label's goes to its own element, which tabbable=False makes focusable by script only (tabindex -1).
        # Empty and 1 px high, over the heading's top edge: nothing to see, nothing for a screen reader to read
        # twice, and reading on from it starts at the heading. Inside the header's box, not beside it: widget
        # boxes scroll what overflows them, and a focus would scroll the heading out of its own box.
        self.landing = widgets.Label(tabbable=False, layout=widgets.Layout(height="1px", margin="0 0 -1px 0"))
        self.relabel(language)
        super().__init__([self.landing, self.heading])

    def focus(self) -> None:
        """Moves the browser's focus here: it scrolls the heading into view, and a screen reader reads on from it."""
        self.landing.focus()

    def relabel(self, language: str) -> None:
        level, anchor = (1, "") if self._prefix.startswith("workshop.") else (2, f' id="{step_anchor(self._prefix)}"')
        self.heading.value = (f"<h{level}{anchor}>{text(f'{self._prefix}.title', language)}</h{level}>"
                              f"<p>{text(f'{self._prefix}.text', language)}</p>")


class StepList(widgets.HTML):
    """« Les étapes »: a link to each step's heading, under the workshop's title, so that a teen on a phone
    jumps to a step instead of scrolling past the others. Steps join it as the page makes them (`add`), after
    it is shown: its value, rewritten, redraws it. Nothing while the page has no step. Its links are drawn
    as 44 px lines by the kit's stylesheet (`page.css`, `.datatrail-steps`)."""

    def __init__(self, *, language: str) -> None:
        super().__init__()
        self._prefixes: list[str] = []
        self.relabel(language)

    def add(self, prefix: str) -> None:
        """The step of catalog prefix `prefix`, at the end of the list (once: a cell run again adds nothing)."""
        if prefix not in self._prefixes:
            self._prefixes.append(prefix)
            self.relabel(self._language)

    def relabel(self, language: str) -> None:
        self._language = language
        if not self._prefixes:
            self.value = ""
            return
        links = "".join(f'<li><a href="#{step_anchor(prefix)}">'
                        f"{text(f'{prefix}.title', language)}</a></li>" for prefix in self._prefixes)
        self.value = (f'<nav class="datatrail-steps" aria-labelledby="datatrail-steps-label">'
                      f'<p id="datatrail-steps-label">{text("workshop.steps", language)}</p>'
                      f"<ul>{links}</ul></nav>")
