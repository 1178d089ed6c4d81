"""Workshop 3, "Ce que l'algorithme pense de toi": the teen's advertising profile and its evidence, an ad
auction replayed, how often the profiler is wrong over the class, and how changing habits blurs the
profile and lowers the price of one's attention (see `kit.workshops.page` for what every page shares).

What costs time is kept, never computed while the page renders: the teen's places (`personal_stays`)
and their auction and step-4 widgets per trail, so that a language switch keeps the teen's choices; the
class's profiles (`class_profiles`) once per process, on the first draw after a teen has a trail, or
beforehand by the room's template process (`kit.workshops.page.prepare`).

For the group screen (`kit.group.profilage`), the page tells the segments the profiler gave the double when
the double arrives, and, after each change in « Brouille les pistes », which kinds of change the teen made and
what advertisers paid before and after.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.analysis.profile_replay import personal_stays
from kit.analysis.profiler_accuracy import (
    accuracy_table,
    class_profiles,
    confusion_counts,
    describe_accuracy,
)
from kit.analysis.segments import segments_given
from kit.i18n import text
from kit.widgets.auction import AuctionReplay
from kit.widgets.blur_panel import BlurPanel
from kit.widgets.class_accuracy import wrong_guesses
from kit.widgets.profile_card import describe_profile, profile_chart, segment_clues
from kit.workshops.page import Trail, Workshop

__all__ = ["Profilage"]


class Profilage(Workshop):
    """One object per page: `start()` then `step_profile()`, `step_auction()`, `step_accuracy()`, `step_blur()`."""

    stem = "03_profilage"
    words = ("profiler", "profile", "segment", "threshold", "auction", "consent", "cookie", "tracker")

    def double_answers(self, trail: Trail) -> dict[str, object]:
        return {"segments": segments_given(trail["profiles"])}

    def step_profile(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            stays = self.part("stays", lambda: personal_stays(trail, self.scenario))
            return [profile_chart(trail["profiles"], self.scenario, language=language),
                    widgets.HTML(f"<p>{describe_profile(trail['profiles'], self.scenario, language=language)}</p>"),
                    *self.group_notice(language),
                    widgets.HTML(segment_clues(trail, self.scenario, stays, language=language))]

        return self.step("profilage.step1", draw)

    def step_auction(self) -> widgets.VBox:
        """The replayed auctions, then what the law says of ads chosen from a minor's profile."""
        return self.step("profilage.step2", lambda trail, language: [
            self.part("auction", lambda: AuctionReplay(trail, self.scenario, language=language)),
            widgets.HTML(f"<p>{text('profilage.auction.minors', language)}</p>")])

    def step_accuracy(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            counts = confusion_counts(class_profiles(self.scenario))
            return [widgets.HTML(accuracy_table(counts, self.scenario, language=language)),
                    widgets.HTML(f"<p>{describe_accuracy(counts, self.scenario, language=language)}</p>"),
                    widgets.HTML(wrong_guesses(trail["profiles"], self.scenario, language=language)),
                    widgets.HTML(f"<p>{text('profilage.accuracy.research', language)}</p>")]

        return self.step("profilage.step3", draw)

    def step_blur(self) -> widgets.VBox:
        def draw(trail: Trail, language: str) -> list:
            stays = self.part("stays", lambda: personal_stays(trail, self.scenario))
            panel = self.part("blur", lambda: BlurPanel(trail, self.scenario, stays, language=language,
                                                        on_answer=self._blurred))
            return [*self.group_notice(language), panel, self.closing(language)]

        return self.step("profilage.step4", draw)

    def _blurred(self) -> None:
        """The teen's latest « Brouille les pistes »: the kinds of change only (not which app), and the prices."""
        panel: BlurPanel = self._parts["blur"]  # type: ignore[assignment]
        behaviour = panel.behaviour()
        before, now = panel.paid
        self.tell("blur", {"less_time": bool(behaviour.time_share), "no_night": behaviour.no_night,
                           "refuse_all": behaviour.refuse_all, "paid_before": round(before, 2),
                           "paid_now": round(now, 2)})
