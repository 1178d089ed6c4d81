"""What every workshop page shares: one language switch, one persona picker, one trail, and steps that
redraw themselves when the teen creates their double or switches language; and, between the pages of
one process, the data they all read and none changes (`kit.analysis.shared`, filled in advance by `prepare`).

A workshop subclasses `Workshop` with one method per step, each returning `self.step(prefix, draw)`;
the notebook stays thin (one call per step). Until the teen has a trail, each step says what to do first.
What the teen does is held by components (`kit.widgets.component`) that a step gets from `self.part`, so
that no redraw, language switch or other step's change loses it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import ipywidgets as widgets
import pandas as pd

from kit.analysis.acceptance import class_answers
from kit.analysis.crowd import shared_crowd
from kit.analysis.profiler_accuracy import class_profiles
from kit.i18n import text, use_ages, use_scenario_texts
from kit.i18n.formats import use_scenario_locale
from kit.page_env import group, session_ages
from kit.scenario import default_scenario, load_scenario
from kit.widgets.component import Component
from kit.widgets.glossary import Glossary
from kit.widgets.language import page_language_switch
from kit.widgets.page_style import page_style
from kit.widgets.persona_picker import PersonaPicker
from kit.widgets.plain_figure import as_widget, warm_up
from kit.widgets.steps import StepHeader, StepList

__all__ = ["Draw", "Trail", "Workshop", "prepare"]

Trail = dict[str, pd.DataFrame]
#: A step's content for a trail and a language: widgets, or plain plotly figures (drawn by `as_widget`).
Draw = Callable[[Trail | None, str], list]
Part = TypeVar("Part")
Labelled = TypeVar("Labelled", bound=Component)


def prepare(scenario: str | Path | None = None) -> None:
    """Computes, for `scenario` (by default the session's, `default_scenario`), what the workshop pages of it
    read and none changes: the scenario itself, the class's trails (workshops 2 and 3), workshop 4's crowd,
    and plotly's figure machinery.

    Why: the room's kernels are forked from one template process (`kit.serve`), which calls this before it
    forks any. What it computed is then shared copy-on-write by every teen's kernel: one copy in memory
    instead of one per kernel (measured: a workshop 4 kernel holds 42 MB of its own once its buttons are
    pressed, instead of 65), and no teen's first click waits for it (0.03 s instead of 0.2).
    """
    loaded = load_scenario(scenario or default_scenario())
    for compute in (class_answers, class_profiles, shared_crowd):
        compute(loaded)
    warm_up()


class Workshop:
    """One object per page: `start()`, then the subclass's steps. `stem` names the workshop's catalog
    entries (`workshop.<stem>.title`). A workshop about the city rather than the teen's own trail sets
    `asks_for_double = False`: no persona picker, and its steps draw at once (with `trail` None), so
    they must stay light until the teen acts.

    What the teen does lives in components (`kit.widgets.component`), which a step gets from `part`: built
    once per trail (once per page without one), relabelled in place by the page when the language changes,
    never rebuilt by a redraw. A step's draw only arranges them, with figures and texts computed from the
    trail; a change redraws the steps that depend on it (`redraw(prefix)`), every step only for a new
    trail or a language switch.
    """

    stem: str = ""
    asks_for_double: bool = True
    #: The words the page's glossary explains (`kit.widgets.glossary`, keys of the glossary catalog), in the
    #: order a teen meets them; none: no glossary.
    words: tuple[str, ...] = ()

    def __init__(self, scenario: str | None = None) -> None:
        """`scenario`: a bundled name or a path; by default the session's (`default_scenario`)."""
        scenario = scenario or default_scenario()
        self.scenario = load_scenario(scenario)
        use_scenario_texts(self.scenario.texts)  # the city's own words ("cafétéria"), on this page
        use_scenario_locale(self.scenario.meta.locale, currency=self.scenario.meta.currency)  # "0,38 $" in Québec
        use_ages(session_ages())  # plain texts when the facilitator chose 11–13 for the session
        self.language = page_language_switch()
        self.trail: Trail | None = None
        self._steps: dict[str, tuple[widgets.VBox, Draw]] = {}
        #: Each step's heading, by catalog prefix: where a new double takes the teen (`_receive`).
        self._headers: dict[str, StepHeader] = {}
        #: What each step shows now (by catalog prefix): lets tests and notebooks inspect the page.
        self.shown: dict[str, list] = {}
        #: The page's own components (headings, the persona picker), for the page's life.
        self._labels: list[Component] = []
        #: Components and data made for the current trail, by name (`part`).
        self._parts: dict[str, object] = {}
        self.step_list = self._labelled(StepList(language=self.language.value))
        self.picker = self._labelled(PersonaPicker(self.scenario, language=self.language.value,
                                                   on_trail=self._receive)) if self.asks_for_double else None
        self.language.observe(lambda change: self._relabel(change["new"]), names="value")

    def start(self) -> widgets.VBox:
        """The page's top: the language switch, the workshop's title, the list of its steps (filled as the
        steps are made, after it), the glossary and the persona picker."""
        self.tell("opened", True)
        header = [widgets.HTML(page_style()), self.language,
                  self._labelled(StepHeader(f"workshop.{self.stem}", language=self.language.value)), self.step_list]
        glossary = [self._labelled(Glossary(self.words, language=self.language.value))] if self.words else []
        return widgets.VBox(header + glossary + ([self.picker] if self.picker else []))

    def step(self, prefix: str, draw: Draw) -> widgets.VBox:
        """A step titled from `{prefix}.title`/`.text`, whose body `draw` fills once there is a trail."""
        body = widgets.VBox()
        self._steps[prefix] = (body, draw)
        self._headers[prefix] = self._labelled(StepHeader(prefix, language=self.language.value))
        self.step_list.add(prefix)
        self._draw(prefix)
        return widgets.VBox([self._headers[prefix], body])

    def part(self, name: str, make: Callable[[], Part]) -> Part:
        """What `make` builds, once per trail (once per page without one): a component that keeps what the
        teen did in it, or data that costs time to compute. Components among them are relabelled by the page."""
        if name not in self._parts:
            self._parts[name] = make()
        return self._parts[name]  # type: ignore[return-value]

    def tell(self, question: str, answer: object) -> None:
        """The teen's answer to `question`, for the room's group screen (`kit.page_env.group`; nothing outside a
        room). A step that tells one shows `group_notice` beside it, so the teen knows before answering."""
        group.tell(self.stem, question, answer)

    def double_answers(self, trail: Trail) -> dict[str, object]:
        """What the group screen learns of a new double, by question (`kit.group`): told once, as the double
        arrives, not at each redraw for another day or language. Nothing by default."""
        return {}

    @staticmethod
    def group_notice(language: str) -> list[widgets.HTML]:
        """« Ta réponse compte dans le résultat du groupe, sans ton pseudo. », in a room only (a site has no
        group screen: saying it there would be false)."""
        return [widgets.HTML(f'<p class="datatrail-group-notice">{text("group.counts", language)}</p>')
                ] if group.in_a_room() else []

    def closing(self, language: str, *before: str) -> widgets.HTML:
        """The end of a workshop's last step: catalog paragraphs `before` (if any), the three things to do
        tonight (`<name>.actions`), and the charter's principle (`<name>.principle`) in bold."""
        name = self.stem.split("_", 1)[1]
        paragraphs = [text(key, language) for key in (*before, f"{name}.actions")]
        return widgets.HTML("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
                            + f"<p><strong>{text(f'{name}.principle', language)}</strong></p>")

    def redraw(self, *prefixes: str) -> None:
        """The steps named (every step by default) again, with the components they hold as they are."""
        for prefix in prefixes or tuple(self._steps):
            self._draw(prefix)

    def _labelled(self, component: Labelled) -> Labelled:
        self._labels.append(component)
        return component

    def _receive(self, trail: Trail) -> None:
        """A new double: what was made for the last one goes, every step is drawn for this one, and the teen is
        taken to the first."""
        self.trail = trail
        self.tell("double", True)
        for question, answer in self.double_answers(trail).items():
            self.tell(question, answer)
        self._parts.clear()
        self.redraw()
        if self._headers:  # the browser scrolls to it if out of sight; a screen reader reads on from its heading
            self._headers[next(iter(self._headers))].focus()

    def _relabel(self, language: str) -> None:
        for component in (*self._labels, *self._parts.values()):
            if isinstance(component, Component):
                component.relabel(language)
        self.redraw()

    def _draw(self, prefix: str) -> None:
        body, draw = self._steps[prefix]
        if self.trail is None and self.asks_for_double:
            parts = [widgets.HTML(f"<p>{text('workshop.waiting', self.language.value)}</p>")]
        else:
            try:
                parts = draw(self.trail, self.language.value)
            except Exception:
                self.tell("error", True)  # the group screen's room status counts pages in trouble
                raise
        self.shown[prefix] = parts
        body.children = [as_widget(part) for part in parts]
