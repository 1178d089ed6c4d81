"""How often the (synthetic) class clicked "accept all" on each banner design, next to what the scenario's
acceptance model predicts (`kit.engine.consent.acceptance_probability`), in numbers and in words: the
screen's step 3 figure and the paper cards' answer key.

Only group rates, never one teen's answers. With a class of about thirty the rates wobble by chance; the
model's column shows the effect the scenario was calibrated on (Nouwens et al. 2020: a reject button moved
off the first screen adds about 22 points), so teens see both the noisy class and the published effect.
"""

from __future__ import annotations

import pandas as pd

from kit.analysis.banners import fair_banner
from kit.analysis.shared import shared_by_pages
from kit.engine.consent import acceptance_probability
from kit.engine.pipeline import class_trails
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["class_acceptance", "class_answers", "describe_acceptance"]


@shared_by_pages
def class_answers(scenario: Scenario) -> pd.DataFrame:
    """The class's answers to the cookie banners (its `consent_events`, about 0.2 s and 10 MB), read by
    every page of the scenario and changed by none."""
    return class_trails(scenario, tables=("consent_events",))["consent_events"]


def class_acceptance(events: pd.DataFrame, scenario: Scenario, *, language: str = "fr") -> pd.DataFrame:
    """One row per banner design of the scenario: `banner`, `label`, `answers`, `class_pct` (share of the
    class's answers that were "accept all") and `model_pct`, both in % and rounded."""
    accepted = (events["choice"] == "accept_all").groupby(events["banner"])
    model = scenario.consent.acceptance
    banners = scenario.consent.banners
    return pd.DataFrame({
        "banner": [banner.id for banner in banners],
        "label": [banner.label.get(language, banner.id) for banner in banners],
        "answers": [int(accepted.size().get(banner.id, 0)) for banner in banners],
        "class_pct": [round(100 * float(accepted.mean().get(banner.id, 0.0))) for banner in banners],
        "model_pct": [round(100 * acceptance_probability(model, banner)) for banner in banners],
    })


def describe_acceptance(table: pd.DataFrame, scenario: Scenario, *, language: str = "fr") -> str:
    """The rates in words, then the effect of hiding the reject button: in the class and in the model."""
    rates = "; ".join(text("consentement.nudge.rate", language, banner=row.label, class_pct=row.class_pct,
                           model_pct=row.model_pct) for row in table.itertuples())
    by_id = table.set_index("banner")
    fair = fair_banner(scenario).id
    hidden = next((banner.id for banner in scenario.consent.banners if banner.reject == "settings"
                   and not banner.pre_ticked and not banner.granular_first_layer), None)
    lines = [text("consentement.nudge.rates", language, rates=rates)]
    if hidden is not None:
        lines.append(text("consentement.nudge.effect", language,
                          class_pp=_signed(by_id.loc[hidden, "class_pct"] - by_id.loc[fair, "class_pct"]),
                          model_pp=_signed(by_id.loc[hidden, "model_pct"] - by_id.loc[fair, "model_pct"])))
    return " ".join(lines)


def _signed(points: int) -> str:
    return f"{int(points):+d}"
