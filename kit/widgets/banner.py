"""Cookie banners as a phone shows them, laid out by the scenario's design switches (`Banner`).

The buttons *are* the dark patterns (`kit.analysis.banners.banner_layout`, which the paper cards print
too). Building the layout from the switches, not from banner ids, means a banner an educator adds to the
scenario is drawn right too.

An answer is the set of purposes the teen allowed (empty: everything refused; `PURPOSES`, in
`kit.analysis.banners`). Answers live in the page's memory only; nothing is written anywhere.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from kit.analysis.banners import PURPOSES, banner_layout
from kit.i18n import text
from kit.scenario.model import Banner, Scenario

__all__ = ["ALL", "NONE", "Answer", "BannerCard", "BannerSeries", "answer_label"]

Answer = frozenset
ALL: Answer = frozenset(PURPOSES)
NONE: Answer = frozenset()


def answer_label(answer: Answer, language: str) -> str:
    """"Tout accepté", "Tout refusé", or the purposes accepted, in words."""
    if answer == ALL:
        return text("consentement.answer.all", language)
    if not answer:
        return text("consentement.answer.none", language)
    return text("consentement.answer.some", language,
                purposes=", ".join(text(f"consentement.purpose.{purpose}", language)
                                   for purpose in PURPOSES if purpose in answer))


class BannerCard(widgets.VBox):
    """One banner: its text, its boxes if the design has them, and the buttons the design allows.

    `buttons` ("reject", "customise", "save", "accept") and `boxes` (one per purpose) are kept by name, so
    tests and notebooks can press them as a teen would. `on_answer` receives the teen's answer; without
    it the card is a preview (the banner designer's).
    """

    def __init__(self, banner: Banner, *, app_name: str, language: str,
                 on_answer: Callable[[Answer], None] | None = None, message: str | None = None) -> None:
        self._language, self._on_answer = language, on_answer
        self._layout = banner_layout(banner)
        self.boxes = {purpose: widgets.Checkbox(value=self._layout.ticked, indent=False,
                                                description=text(f"consentement.purpose.{purpose}", language))
                      for purpose in PURPOSES}
        self.buttons: dict[str, widgets.Button] = {}
        intro = widgets.HTML(
            f"<h3>{text('consentement.banner.heading', language, app=html.escape(app_name))}</h3>"
            f"<p>{html.escape(message or banner.text.get(language, ''))}</p>"
            f"<p>{text('consentement.banner.vendors', language, vendors=banner.vendors)}</p>")
        first_layer: list[widgets.Widget] = [intro]
        if self._layout.boxes_first:
            first_layer += [*self.boxes.values()]
        first_layer.append(_row([self._button(name, big) for name, big in self._layout.buttons]))
        if "customise" in self.buttons:
            self.buttons["customise"].on_click(lambda _: self._settings())
        super().__init__(first_layer, layout=widgets.Layout(border="2px solid #555", padding="10px",
                                                            max_width="360px", margin="8px 0"))

    def _button(self, name: str, big: bool) -> widgets.Button:
        button = widgets.Button(description=text(f"consentement.banner.{name}", self._language),
                                button_style="primary" if big else "",
                                layout=widgets.Layout(width="auto", margin="3px"))
        answer = self._answers().get(name)  # "customise" answers nothing: it opens the second screen
        if answer is not None and self._on_answer is not None:
            button.on_click(lambda _: self._on_answer(answer()))
        self.buttons[name] = button
        return button

    def _answers(self) -> dict[str, Callable[[], Answer]]:
        return {"reject": lambda: NONE, "save": self._ticked, "accept": lambda: ALL}

    def _ticked(self) -> Answer:
        return frozenset(purpose for purpose, box in self.boxes.items() if box.value)

    def _settings(self) -> None:
        """The second screen of a banner that hid its refusal there: boxes, reject, save."""
        self.children = [widgets.HTML(f"<h3>{text('consentement.banner.settings', self._language)}</h3>"),
                         *self.boxes.values(),
                         _row([self._button(name, big) for name, big in self._layout.settings])]


def _row(buttons: list[widgets.Button]) -> widgets.HBox:
    """Buttons side by side, wrapping onto a second line on a narrow phone."""
    return widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap"))


class BannerSeries(widgets.VBox):
    """The teen's banners, one at a time, in the order their double first opened the apps.

    `answers` (app id → answer) is what the next steps read; `on_answer()` is called after each click.
    """

    def __init__(self, events: pd.DataFrame, scenario: Scenario, *, on_answer: Callable[[], None]) -> None:
        self._scenario, self._on_answer = scenario, on_answer
        self.apps: list[str] = events["app"].tolist()
        self.answers: dict[str, Answer] = {}
        self.card: BannerCard | None = None
        self.again = widgets.Button()
        self.again.on_click(lambda _: self._restart())
        super().__init__()

    def show(self, language: str) -> None:
        """The first banner not answered yet, or a word that they are all done."""
        waiting = [app_id for app_id in self.apps if app_id not in self.answers]
        self.again.description = text("consentement.banner.again", language)
        if not self.apps:
            self.card = None
            self.children = [widgets.HTML(f"<p>{text('consentement.no_banner', language)}</p>")]
            return
        if not waiting:
            self.card = None
            self.children = [widgets.HTML(f"<p role='status'>{text('consentement.banner.done', language, count=len(self.apps))}</p>"),
                             self.again]
            return
        app = next(app for app in self._scenario.apps if app.id == waiting[0])
        banners = {banner.id: banner for banner in self._scenario.consent.banners}
        self.card = BannerCard(banners[app.banner], app_name=app.name, language=language,
                               on_answer=lambda answer: self._answer(app.id, answer))
        position = len(self.answers) + 1
        self.children = [widgets.HTML(f"<p role='status'>{text('consentement.banner.progress', language, position=position, count=len(self.apps))}</p>"),
                         self.card]

    def _answer(self, app_id: str, answer: Answer) -> None:
        self.answers[app_id] = answer
        self._on_answer()

    def _restart(self) -> None:
        self.answers.clear()
        self._on_answer()
