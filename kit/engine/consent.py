"""Consent banners: what each teen answered the first time an app asked.

The acceptance model is deliberately simple so that teens can reason about it, and it is the one the
scenario documents: in percentage points, P(accept all) = the fair banner's rate + the effect of each
dark pattern the banner uses + the teen's own tendency (drawn once per teen), clipped to 2–98 %.
Its default effects come from Nouwens et al. 2020 (CHI, "Dark patterns after the GDPR"): moving the
reject button off the first layer raised acceptance by about 22 points; a granular first layer lowered
it by 8 to 20 points.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.scenario.model import AcceptanceModel, Banner, Scenario

__all__ = ["acceptance_probability", "consent_events"]

_CLIP = (0.02, 0.98)


def acceptance_probability(model: AcceptanceModel, banner: Banner) -> float:
    """The model's probability that a typical teen clicks "accept all" on `banner` (0–1)."""
    return float(np.clip(_acceptance_pct(model, banner) / 100, *_CLIP))


def consent_events(scenario: Scenario, personas: pd.DataFrame, sessions: pd.DataFrame,
                   rng: np.random.Generator) -> pd.DataFrame:
    """One answer per teen and app with a banner, at the app's first session."""
    model = scenario.consent.acceptance
    banners = {banner.id: banner for banner in scenario.consent.banners}
    banner_of = {app.id: app.banner for app in scenario.apps if app.banner}
    tendency = pd.Series(rng.normal(0.0, model.person_sd_pp, len(personas)), index=personas["person_id"])
    first = (sessions[sessions["app"].isin(list(banner_of))]
             .drop_duplicates(["person_id", "app"], keep="first")
             .reset_index(drop=True))
    shown = [banners[banner_of[app]] for app in first["app"]]
    pct = np.array([_acceptance_pct(model, banner) for banner in shown]) + tendency[first["person_id"]].to_numpy()
    p_accept = np.clip(pct / 100, *_CLIP)
    accepted = rng.random(len(first)) < p_accept
    return pd.DataFrame({
        "person_id": first["person_id"],
        "timestamp": first["timestamp"],
        "app": first["app"],
        "banner": [banner.id for banner in shown],
        "choice": np.where(accepted, "accept_all", "reject_all"),
        "reject": [banner.reject for banner in shown],
        "pre_ticked": [banner.pre_ticked for banner in shown],
        "granular_first_layer": [banner.granular_first_layer for banner in shown],
        "vendors": [banner.vendors for banner in shown],
        "p_accept": p_accept.round(3),
    })


def _acceptance_pct(model: AcceptanceModel, banner: Banner) -> float:
    effects = {"first_layer": 0.0, "settings": model.reject_in_settings_pp, "none": model.reject_absent_pp}
    return (model.fair_accept_pct + effects[banner.reject]
            + (model.pre_ticked_pp if banner.pre_ticked else 0.0)
            + (model.granular_first_layer_pp if banner.granular_first_layer else 0.0))
