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


#: A name or a message on a banner: as is (an app's name), or in the language asked (the designer's own words).
Words = str | Callable[[str], str]

class BannerCard(widgets.VBox):
    """One banner: its text, its boxes if the design has them, and the buttons the design allows.

    `buttons` ("reject", "customise", "save", "accept") and `boxes` (one per purpose) are kept by name, so
    tests and notebooks can press them as a teen would. `on_answer` receives the teen's answer; without
    it the card is a preview (the banner designer's).
    """

    def __init__(self, banner: Banner, *, app_name: Words, language: str,
                 on_answer: Callable[[Answer], None] | None = None, message: Words | None = None) -> None:
        self._banner, self._app_name, self._message, self._on_answer = banner, app_name, message, on_answer
        self._layout = banner_layout(banner)
        self.boxes = {purpose: widgets.Checkbox(value=self._layout.ticked, indent=False) for purpose in PURPOSES}
        self.buttons: dict[str, widgets.Button] = {}
        self.intro = widgets.HTML()
        first_layer: list[widgets.Widget] = [self.intro]
        if self._layout.boxes_first:
            first_layer += [*self.boxes.values()]
        first_layer.append(_row([self._button(name, big) for name, big in self._layout.buttons]))
        if "customise" in self.buttons:
            self.buttons["customise"].on_click(lambda _: self._settings())
        #: The settings screen's heading, once the teen has opened it.
        self.settings_heading: widgets.HTML | None = None
        self.relabel(language)
        super().__init__(first_layer, layout=widgets.Layout(border="2px solid #555", padding="10px",
                                                            max_width="360px", margin="8px 0"))

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: the ticked boxes and the screen the teen is on stay."""
        self.language = language
        for purpose, box in self.boxes.items():
            box.description = text(f"consentement.purpose.{purpose}", language)
        self.intro.value = (
            f"<h3>{text('consentement.banner.heading', language, app=html.escape(_said(self._app_name, language)))}</h3>"
            f"<p>{html.escape(_said(self._message, language) or self._banner.text.get(language, ''))}</p>"
            f"<p>{text('consentement.banner.vendors', language, vendors=self._banner.vendors)}</p>")
        for name, button in self.buttons.items():
            button.description = text(f"consentement.banner.{name}", language)
        if self.settings_heading is not None:
            self.settings_heading.value = f"<h3>{text('consentement.banner.settings', language)}</h3>"

    def _button(self, name: str, big: bool) -> widgets.Button:
        button = widgets.Button(button_style="primary" if big else "", layout=widgets.Layout(width="auto", margin="3px"))
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
        self.settings_heading = widgets.HTML()
        self.children = [self.settings_heading, *self.boxes.values(),
                         _row([self._button(name, big) for name, big in self._layout.settings])]
        self.relabel(self.language)


def _said(words: Words | None, language: str) -> str:
    return words(language) if callable(words) else words or ""


def _row(buttons: list[widgets.Button]) -> widgets.HBox:
    """Buttons side by side, wrapping onto a second line on a narrow phone."""
    return widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap"))


class BannerSeries(widgets.VBox):
    """The teen's banners, one at a time, in the order their double first opened the apps.

    `answers` (app id → answer) is what the next steps read; `on_answer()` is called after each click.
    """

    def __init__(self, events: pd.DataFrame, scenario: Scenario, *, language: str,
                 on_answer: Callable[[], None]) -> None:
        self._scenario, self._on_answer = scenario, on_answer
        self.apps: list[str] = events["app"].tolist()
        self.answers: dict[str, Answer] = {}
        self.card: BannerCard | None = None
        self._card_app: str | None = None
        self.again = widgets.Button()
        self.again.on_click(lambda _: self._restart())
        super().__init__()
        self.relabel(language)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: the answers, and the boxes ticked on the banner shown, stay."""
        self.language = language
        self.again.description = text("consentement.banner.again", language)
        self._show()

    def _show(self) -> None:
        """The first banner not answered yet, or a word that they are all done."""
        language = self.language
        waiting = [app_id for app_id in self.apps if app_id not in self.answers]
        if not waiting:
            self.card = self._card_app = None
            self.children = ([widgets.HTML(f"<p role='status'>{text('consentement.banner.done', language, count=len(self.apps))}</p>"),
                              self.again] if self.apps else
                             [widgets.HTML(f"<p>{text('consentement.no_banner', language)}</p>")])
            return
        if self.card is not None and self._card_app == waiting[0]:
            self.card.relabel(language)
        else:
            app = next(app for app in self._scenario.apps if app.id == waiting[0])
            banners = {banner.id: banner for banner in self._scenario.consent.banners}
            self.card = BannerCard(banners[app.banner], app_name=app.name, language=language,
                                   on_answer=lambda answer: self._answer(app.id, answer))
            self._card_app = app.id
        position = len(self.answers) + 1
        self.children = [widgets.HTML(f"<p role='status'>{text('consentement.banner.progress', language, position=position, count=len(self.apps))}</p>"),
                         self.card]

    def _answer(self, app_id: str, answer: Answer) -> None:
        self.answers[app_id] = answer
        self._show()
        self._on_answer()

    def _restart(self) -> None:
        self.answers.clear()
        self._show()
        self._on_answer()
