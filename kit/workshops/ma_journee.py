"""Workshop 1, "Ma journée en données": a teen's day, who follows them, where they live, and what is
left when they cut the tap (see `kit.workshops.page` for what every workshop page shares).

For the group screen (`kit.group.ma_journee`), the page tells what the double produces (data points a day,
tracker requests a day by app) when the double arrives, and whether the guess found its neighbourhood when the
teen checks it.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.day_events import describe_day, points_per_day
from kit.analysis.trackers import requests_per_day
from kit.i18n import text
from kit.widgets.guess import GuessCard
from kit.widgets.sobriety import SobrietyPanel
from kit.widgets.timeline import day_timeline
from kit.widgets.trackers import describe_trackers, tracker_sankey
from kit.workshops.page import Trail, Workshop

__all__ = ["MaJournee"]


class MaJournee(Workshop):
    """One object per page: `start()` then `step_day()`, `step_trackers()`, `step_guess()`, `step_sobriety()`."""

    stem = "01_ma_journee"

    def step_day(self) -> widgets.VBox:
        days = widgets.Dropdown(options=list(self.scenario.meta.period.dates))

        def draw(trail: Trail, language: str) -> list:
            days.description = text("ma_journee.step1.day", language)
            return [days, day_timeline(trail, self.scenario, days.value, language=language),
                    widgets.HTML(f"<p>{describe_day(trail, self.scenario, days.value, language=language)}</p>"),
                    *self.group_notice(language)]

        step = self.step("ma_journee.step1", draw)
        days.observe(lambda _: self.redraw("ma_journee.step1"), names="value")
        return step

    def double_answers(self, trail: Trail) -> dict[str, object]:
        return {"points_per_day": points_per_day(trail),
                "requests_per_app": {row.app: round(row.requests_per_day, 1)
                                     for row in requests_per_day(trail).itertuples()}}

    def step_trackers(self) -> widgets.VBox:
        return self.step("ma_journee.step2", lambda trail, language: [
            tracker_sankey(trail, self.scenario, language=language),
            widgets.HTML(f"<p>{describe_trackers(trail, self.scenario, language=language)}</p>"),
            *self.group_notice(language)])

    def step_guess(self) -> widgets.VBox:
        return self.step("ma_journee.step3", lambda trail, language: [
            *self.group_notice(language),
            self.part("guess", lambda: GuessCard(trail, self.scenario, language=language,
                                                 on_answer=lambda found: self.tell("found", found)))])

    def step_sobriety(self) -> widgets.VBox:
        return self.step("ma_journee.step4", lambda trail, language: [
            self.part("sobriety", lambda: SobrietyPanel(trail, self.scenario, language=language)),
            self.closing(language)])
