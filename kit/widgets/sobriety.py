""""À toi de jouer": switch off location or remove apps, and see how much of the trail — and of what
can be inferred from it — disappears. Sobriety made tangible: data never collected cannot leak."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.analysis.home import infer_places, nearest_place
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["SobrietyPanel", "trimmed"]

Trail = dict[str, pd.DataFrame]
#: The tables whose rows count as "the trail" here.
_COUNTED = (("app_sessions", "app"), ("location_pings", "source_app"), ("tracker_requests", "app"))


def trimmed(trail: Trail, *, location: bool, removed: set[str]) -> Trail:
    """The trail as it would have been with location off (no location pings) and without `removed` apps."""
    kept = {table: trail[table][~trail[table][column].isin(removed)] for table, column in _COUNTED}
    if not location:
        kept["location_pings"] = kept["location_pings"].head(0)
    return kept


class SobrietyPanel(widgets.VBox):
    """Checkboxes for location and each of the teen's phone apps; a live count of what is left."""

    def __init__(self, trail: Trail, scenario: Scenario, *, language: str) -> None:
        self._trail, self._scenario, self.language = trail, scenario, language
        installed = trail["personas"].loc[0, "apps"].split("|")
        self._apps = [app for app in scenario.apps if app.id in installed and app.usage == "phone"]
        self.location_off = widgets.Checkbox(value=False, indent=False)
        self.removals = {app.id: widgets.Checkbox(value=False, indent=False) for app in self._apps}
        self.result = widgets.HTML()
        for box in (self.location_off, *self.removals.values()):
            box.observe(lambda _: self._update(), names="value")
        self._update()
        super().__init__([self.location_off, *self.removals.values(), self.result])

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        self._update()

    def _update(self) -> None:
        language = self.language
        self.location_off.description = text("ma_journee.sobriety.location_off", language)
        for app in self._apps:
            self.removals[app.id].description = text("ma_journee.sobriety.remove", language, app=app.name)
        removed = {app_id for app_id, box in self.removals.items() if box.value}
        left = trimmed(self._trail, location=not self.location_off.value, removed=removed)
        total = sum(len(self._trail[table]) for table, _ in _COUNTED)
        count = sum(len(table) for table in left.values())
        home = infer_places(left["location_pings"]).set_index("kind").loc["home"]
        found = (text("ma_journee.sobriety.home_found", language,
                      neighbourhood=nearest_place(self._scenario, home["lat"], home["lon"]).name)
                 if home["pings"] else text("ma_journee.sobriety.home_lost", language))
        self.result.value = (f"<p role='status'>{text('ma_journee.sobriety.kept', language, kept=round(100 * count / max(total, 1)), count=count, total=total)}"
                             f"<br>{found}</p>")
