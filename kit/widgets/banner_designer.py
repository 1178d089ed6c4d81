"""Redesign a banner: three switches (where the reject button goes, boxes ticked in advance, detailed
choices up front), a preview drawn like the banners of step 1, and the acceptance model's prediction.

The prediction comes straight from the scenario's model (`acceptance_probability`), so what teens read
is what generated the class they just compared themselves with: moving "reject" off the first screen
adds exactly the scenario's `reject_in_settings_pp` (22 points by default, after Nouwens et al. 2020).
"""

from __future__ import annotations

import dataclasses

import ipywidgets as widgets

from kit.analysis.banners import fair_banner
from kit.engine.consent import acceptance_probability
from kit.i18n import text
from kit.scenario.model import Banner, Scenario
from kit.widgets.banner import BannerCard

__all__ = ["BannerDesigner"]

#: Where the reject button may go, in the order the switch offers them.
_REJECT_PLACES = ("first_layer", "settings", "none")


class BannerDesigner(widgets.VBox):
    """Switches, a live preview and a `prediction` line (role=status, so screen readers hear it change)."""

    def __init__(self, scenario: Scenario, *, language: str) -> None:
        self._scenario, self._language = scenario, language
        self._fair = fair_banner(scenario)
        # Big buttons, one tap each, rather than radio buttons' small circles; as wide as their words.
        self.reject = widgets.ToggleButtons(options=list(_REJECT_PLACES), value="first_layer",
                                            style={"description_width": "initial", "button_width": "auto"})
        self.pre_ticked = widgets.Checkbox(value=False, indent=False)
        self.granular = widgets.Checkbox(value=False, indent=False)
        self.prediction = widgets.HTML()
        self.preview = widgets.VBox()
        self._preview_of: Banner | None = None
        self._relabelling = False
        self.relabel(language)
        for switch in (self.reject, self.pre_ticked, self.granular):
            switch.observe(lambda _: self._relabelling or self._update(), names="value")
        super().__init__([self.reject, self.pre_ticked, self.granular, self.prediction, self.preview])

    @property
    def design(self) -> Banner:
        """The fair banner with the switches applied."""
        return dataclasses.replace(self._fair, reject=self.reject.value, pre_ticked=self.pre_ticked.value,
                                   granular_first_layer=self.granular.value)

    @property
    def predicted_pct(self) -> int:
        """The model's share of teens who would click "accept all" on this design, in %."""
        return round(100 * acceptance_probability(self._scenario.consent.acceptance, self.design))

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: the teen's design stays."""
        self._language = language
        chosen, self._relabelling = self.reject.value, True  # new labels pass by the first option: not a new design
        self.reject.options = [(text(f"consentement.designer.reject_{place}", language), place)
                               for place in _REJECT_PLACES]
        self.reject.value, self._relabelling = chosen, False
        self.reject.description = text("consentement.designer.reject", language)
        self.pre_ticked.description = text("consentement.designer.pre_ticked", language)
        self.granular.description = text("consentement.designer.granular", language)
        self._update()

    def _update(self) -> None:
        language = self._language
        fair = round(100 * acceptance_probability(self._scenario.consent.acceptance, self._fair))
        fair_play = self.reject.value == "first_layer" and not self.pre_ticked.value
        self.prediction.value = (
            f"<p role='status'><strong>{text('consentement.designer.prediction', language, pct=self.predicted_pct, points=f'{self.predicted_pct - fair:+d}')}</strong><br>"
            f"{text('consentement.designer.fair' if fair_play else 'consentement.designer.unfair', language)}</p>")
        design = self.design
        if self._preview_of != design:  # a new design, a new preview; a new language, the same one relabelled
            self._preview_of = design
            self.preview.children = [BannerCard(design, language=language,
                                                app_name=lambda language: text("consentement.designer.app", language),
                                                message=lambda language: text("consentement.designer.message", language))]
        else:
            self.preview.children[0].relabel(language)
