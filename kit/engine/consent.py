"""Consent banners: what each teen answered the first time an app asked.

The acceptance model is deliberately simple, so that teens can reason about it and redesign a banner
in the consent workshop. In percentage points,

    P(accept all) = fair_accept_pct                       (reject button on the first screen)
                  + reject_in_settings_pp or reject_absent_pp   (where the reject button went)
                  + pre_ticked_pp                         (boxes ticked in advance)
                  + granular_first_layer_pp               (detailed choices on the first screen)
                  + the teen's own tendency ~ Normal(0, person_sd_pp), drawn once per teen,

clipped to 2–98 % (nobody is certain to click either way). The effects are the scenario's
(`consent.acceptance`); its defaults come from Nouwens et al. 2020 (CHI, "Dark patterns after the
GDPR: scraping consent pop-ups and demonstrating their influence"): removing the reject button from
the first layer raised consent by about 22 points, and a granular first layer lowered it by 8 to 20
points; whether the banner blocks the app or not made no difference, so the model has no switch for it.
The number of vendors is recorded for the workshop but does not change the probability.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.scenario.model import AcceptanceModel, Banner, Scenario

__all__ = ["acceptance_probability", "consent_events"]

#: Probabilities are kept within 2–98 %: a banner never makes a choice certain.
_CLIP = (0.02, 0.98)


def acceptance_probability(model: AcceptanceModel, banner: Banner) -> float:
    """Probability that a typical teen (no personal tendency) clicks "accept all" on `banner`, 0–1."""
    return float(np.clip(_acceptance_pct(model, banner) / 100, *_CLIP))


def consent_events(scenario: Scenario, personas: pd.DataFrame, sessions: pd.DataFrame,
                   rng: np.random.Generator) -> pd.DataFrame:
    """One answer per teen and app with a banner, at the app's first session.

    `sessions` is sorted by person then time, as `app_sessions` returns it.
    """
    model = scenario.consent.acceptance
    banners = scenario.consent.banners
    banner_of_app = {app.id: app.banner for app in scenario.apps if app.banner}
    tendency_pp = rng.normal(0.0, model.person_sd_pp, len(personas))
    first = sessions[sessions["app"].isin(list(banner_of_app))].drop_duplicates(["person_id", "app"])
    shown = pd.Index([banner.id for banner in banners]).get_indexer(first["app"].map(banner_of_app))
    teen = pd.Index(personas["person_id"]).get_indexer(first["person_id"])
    pct = np.array([_acceptance_pct(model, banner) for banner in banners])[shown] + tendency_pp[teen]
    p_accept = np.clip(pct / 100, *_CLIP)
    accepted = rng.random(p_accept.size) < p_accept

    def banner_column(name: str) -> np.ndarray:
        return np.array([getattr(banner, name) for banner in banners])[shown]

    return pd.DataFrame({
        "person_id": first["person_id"].to_numpy(),
        "timestamp": first["timestamp"].to_numpy(),
        "app": first["app"].to_numpy(),
        "banner": banner_column("id"),
        "choice": np.where(accepted, "accept_all", "reject_all"),
        "reject": banner_column("reject"),
        "pre_ticked": banner_column("pre_ticked"),
        "granular_first_layer": banner_column("granular_first_layer"),
        "vendors": banner_column("vendors"),
        "p_accept": p_accept.round(3),
    })


def _acceptance_pct(model: AcceptanceModel, banner: Banner) -> float:
    """The model in percentage points, before the teen's own tendency and before clipping."""
    reject_effect = {"first_layer": 0.0, "settings": model.reject_in_settings_pp, "none": model.reject_absent_pp}
    return (model.fair_accept_pct + reject_effect[banner.reject]
            + (model.pre_ticked_pp if banner.pre_ticked else 0.0)
            + (model.granular_first_layer_pp if banner.granular_first_layer else 0.0))
