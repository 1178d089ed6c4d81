""""Brouille les pistes": the teen changes their habits — less time in an app, no phone at night, "refuse"
on every banner — and watches their profile and the price of their attention change.

The month is replayed by the engine itself (`kit.analysis.profile_replay`), so the profile and auctions
on screen are exactly what the profiler and bidders would have made of that behaviour; the teen's
choices only live in the widgets, and `on_answer` (the page's, for the group screen) hears of each change.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.profile_replay import Behaviour, replayed
from kit.i18n import text
from kit.i18n.formats import money, percent
from kit.scenario.model import Scenario
from kit.widgets.auction import month_value
from kit.widgets.plain_figure import as_widget
from kit.widgets.profile_card import describe_profile, profile_chart

__all__ = ["BlurPanel"]

Trail = dict[str, pd.DataFrame]
#: The time a teen may keep in an app, as a share of what they spend now.
_TIME_SHARES = (1.0, 0.5, 0.0)


class BlurPanel(widgets.VBox):
    """Time per app, no phone at night, refuse everywhere; then the profile before/after and the month's price."""

    def __init__(self, trail: Trail, scenario: Scenario, stays: pd.DataFrame, *,
                 language: str, on_answer: Callable[[], None] | None = None) -> None:
        """`on_answer()` is called after each change the teen makes (not when the panel is built or relabelled:
        a teen who changed nothing has answered nothing); `behaviour()` and `paid` then say what they chose."""
        self._trail, self._scenario, self._stays, self.language = trail, scenario, stays, language
        self._on_answer = on_answer
        installed = trail["personas"].loc[0, "apps"].split("|")
        self._apps = [app for app in scenario.apps if app.id in installed and app.usage == "phone"]
        # Percentages read the same in every language: the options need no relabelling.
        self.time = {app.id: widgets.Dropdown(value=1.0, options=[(percent(share, language), share)
                                                                  for share in _TIME_SHARES],
                                              style={"description_width": "initial"})
                     for app in self._apps}
        self.no_night = widgets.Checkbox(value=False, indent=False)
        self.refuse_all = widgets.Checkbox(value=False, indent=False)
        self.chart = widgets.VBox()
        self.chart_text = widgets.HTML()
        self.result = widgets.HTML()
        #: The trail replayed with the current choices, and its chart (for tests and notebooks).
        self.replay: Trail = trail
        self.figure: go.Figure | None = None
        #: What advertisers paid for the month's ads, before the teen's changes and with them.
        self.paid: tuple[float, float] = (0.0, 0.0)
        for control in (*self.time.values(), self.no_night, self.refuse_all):
            control.observe(lambda _: self._changed(), names="value")
        self._update()
        super().__init__([*self.time.values(), self.no_night, self.refuse_all, self.chart, self.chart_text,
                          self.result])

    def behaviour(self) -> Behaviour:
        """What the controls say now."""
        return Behaviour(time_share={app_id: box.value for app_id, box in self.time.items() if box.value != 1.0},
                         no_night=self.no_night.value, refuse_all=self.refuse_all.value)

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        self._update()

    def _changed(self) -> None:
        self._update()
        if self._on_answer is not None:
            self._on_answer()

    def _update(self) -> None:
        language = self.language
        for app in self._apps:
            self.time[app.id].description = text("profilage.blur.time", language, app=app.name)
        self.no_night.description = text("profilage.blur.no_night", language)
        self.refuse_all.description = text("profilage.blur.refuse_all", language)
        self.replay = replayed(self._trail, self._scenario, self.behaviour(), self._stays)
        self.figure = profile_chart(self.replay["profiles"], self._scenario, language=language,
                                    before=self._trail["profiles"])
        self.chart.children = [as_widget(self.figure)]
        self.chart_text.value = f"<p>{describe_profile(self.replay['profiles'], self._scenario, language=language)}</p>"
        (count_before, paid_before), (count_now, paid_now) = (month_value(trail["ad_auctions"])
                                                              for trail in (self._trail, self.replay))
        self.paid = (paid_before, paid_now)
        seen = (self.replay["ad_auctions"]["segments"] != "").sum()
        self.result.value = "<p role='status'>" + text(
            "profilage.blur.result", language, before=money(paid_before, 2, language),
            now=money(paid_now, 2, language), ads_before=count_before, ads_now=count_now,
            seen=round(100 * seen / max(count_now, 1))) + "</p>"
