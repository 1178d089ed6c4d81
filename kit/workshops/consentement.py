"""Workshop 2, "Cookies : oui, non, peut-être ?": the teen answers their double's cookie banners, sees
what each click let through, compares with the class and the acceptance model, redesigns a fair banner,
and ends with their rights and a letter to ask an app for their data (see `kit.workshops.page` for
what every workshop page shares).

Every answer redraws what follows from it (the receipt, step 2). What is costly is kept: the month
replayed per trail (`Replays`), and the class's answers (`class_answers`),
computed once per process on the first draw after a teen has a trail (never while the page renders),
or beforehand by the room's template process (`kit.workshops.page.prepare`).

Each answer is also told to the group screen (`kit.group.consentement`): the teen's choices so far, as the
banner design each was made on and what it came to (`kit.analysis.banners.choice_of`), nothing else.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.acceptance import class_acceptance, class_answers, describe_acceptance
from kit.analysis.banners import choice_of
from kit.i18n import text
from kit.widgets.banner import BannerSeries
from kit.widgets.banner_designer import BannerDesigner
from kit.widgets.consent_receipt import (
    Replays,
    describe_receipt,
    receipt_chart,
    receipt_details,
    requests_with_answers,
)
from kit.widgets.design_nudge import acceptance_chart
from kit.widgets.rights_letter import RightsLetter
from kit.workshops.page import Trail, Workshop

__all__ = ["Consentement"]


class Consentement(Workshop):
    """One object per page: `start()` then `step_banners()`, `step_receipt()`, `step_nudge()`, `step_rights()`."""

    stem = "02_consentement"

    def step_banners(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            return [*self.group_notice(language), self._banner_series(trail, language)]

        return self.step("consentement.step1", draw)

    def step_receipt(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            answers = self._banner_series(trail, language).answers
            if not answers:
                return [widgets.HTML(f"<p>{text('consentement.receipt.waiting', language)}</p>")]
            replays = self.part("replays", lambda: Replays(trail, self.scenario))
            requests = requests_with_answers(replays, self.scenario, answers)
            return [receipt_chart(requests, self.scenario, list(answers), language=language),
                    widgets.HTML(f"<p>{describe_receipt(requests, language=language)}</p>"),
                    widgets.HTML(receipt_details(trail, self.scenario, answers, requests, language=language))]

        return self.step("consentement.step2", draw)

    def step_nudge(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            table = class_acceptance(class_answers(self.scenario), self.scenario, language=language)
            return [acceptance_chart(table, language=language),
                    widgets.HTML(f"<p>{describe_acceptance(table, self.scenario, language=language)}</p>"),
                    widgets.HTML(f"<h3>{text('consentement.designer.title', language)}</h3>"),
                    self.part("designer", lambda: BannerDesigner(self.scenario, language=language))]

        return self.step("consentement.step3", draw)

    def step_rights(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            installed = trail["personas"].loc[0, "apps"].split("|")
            # A double whose apps ask nothing (a young one with few apps, rarely): the letter then offers
            # every app that asks.
            apps = [app for app in self.scenario.apps if app.id in installed and app.banner] or \
                   [app for app in self.scenario.apps if app.banner]
            return [widgets.HTML(text("consentement.rights", language)),
                    self.part("letter", lambda: RightsLetter(apps, language=language)),
                    self.closing(language)]

        return self.step("consentement.step4", draw)

    @property
    def banners(self) -> BannerSeries | None:
        """The teen's banners and answers (None before the teen has a double)."""
        return self._parts.get("banners")  # type: ignore[return-value]

    def _banner_series(self, trail: Trail, language: str) -> BannerSeries:
        """The teen's banners for this double: an answer redraws the receipt only, and goes to the group screen."""
        return self.part("banners", lambda: BannerSeries(trail["consent_events"], self.scenario, language=language,
                                                         on_answer=self._answered))

    def _answered(self) -> None:
        """After each click (or a restart, which tells an empty list): every choice so far, so that the screen
        keeps this page's latest answers only."""
        banner_of_app = {app.id: app.banner for app in self.scenario.apps}
        self.tell("banners", [{"banner": banner_of_app[app_id], "choice": choice_of(answer)}
                              for app_id, answer in self.banners.answers.items()])
        self.redraw("consentement.step2")
