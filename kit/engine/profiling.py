"""Advertising profiles: which segments a profiler puts each teen in, and on what evidence.

The profiler is transparent on purpose, so that the profiling workshop can open it up: each segment
collects clues from the trail — minutes a day in some apps (compared with the app's typical use),
visits a week to some kinds of places, the share of phone use at night (`kit.engine.clock.NIGHT_HOURS`,
the kit's one night) — each squashed to 0–1 and weighted. Clues add up like suspicions: confidence = 1 − Π(1 − weight × clue), so one strong clue
is enough and several weak ones add up. Above the threshold the teen is "in" the segment; then a share
of answers is flipped at random, because real profilers are often wrong. Where the scenario says what
is true (a habit, an age range), each answer is marked right or wrong.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.engine.clock import at_night
from kit.scenario.model import App, Scenario, Segment

__all__ = ["profiles"]

#: Evidence at which each kind of clue is fairly strong (tanh scale): twice an app's typical daily
#: minutes, a visit a week, 30 % of phone use at night. The night starts at 22:00, when many teens are
#: still on their phone: at 30 %, about one teen in ten is a "night owl", as many as before the night was
#: widened from 23:00–05:00 to the kit's one night.
_TYPICAL_USE_SCALE = 2.0
_VISITS_SCALE = 1.0
_NIGHT_SCALE = 0.3


def profiles(scenario: Scenario, personas: pd.DataFrame, sessions: pd.DataFrame, stays: pd.DataFrame,
             rng: np.random.Generator) -> pd.DataFrame:
    """One row per teen and segment (see the module docstring)."""
    days = scenario.meta.period.days
    people = personas["person_id"].to_numpy()
    minutes = (sessions.pivot_table(index="person_id", columns="app", values="duration_min", aggfunc="sum",
                                    fill_value=0.0).reindex(people, fill_value=0.0) / days)
    kinds = {place.id: place.kind for place in scenario.places}
    visits = stays[stays["activity"] == "visit"].assign(kind=lambda frame: frame["place_id"].map(kinds))
    weekly = (visits.groupby(["person_id", "kind"]).size().unstack(fill_value=0)
              .reindex(people, fill_value=0) / (days / 7))
    night = at_night(sessions["timestamp"]).groupby(sessions["person_id"]).mean().reindex(people, fill_value=0.0)
    apps = {app.id: app for app in scenario.apps}

    rows = []
    for segment in scenario.profiling.segments:
        confidence, evidence = _confidence(segment, minutes, weekly, night, apps)
        # Rounded before the threshold, so the table never shows 0.70 for a teen left out at 0.7.
        confidence = confidence.round(2)
        in_segment = confidence >= scenario.profiling.threshold
        flipped = rng.random(people.size) < scenario.profiling.noise
        in_segment = np.where(flipped, ~in_segment, in_segment)
        truth = _truth(segment, personas)
        rows.append(pd.DataFrame({
            "person_id": people,
            "segment": segment.id,
            "kind": segment.kind,
            "confidence": confidence,
            "in_segment": in_segment,
            "evidence": evidence,
            "truth": truth,
            "correct": pd.array([None if t is None else bool(t == s) for t, s in zip(truth, in_segment)],
                                dtype="boolean"),
        }))
    table = pd.concat(rows, ignore_index=True)
    table["truth"] = table["truth"].astype("boolean")
    return table.sort_values(["person_id"], kind="stable").reset_index(drop=True)


def _confidence(segment: Segment, minutes: pd.DataFrame, weekly: pd.DataFrame, night: pd.Series,
                apps: dict[str, App]) -> tuple[np.ndarray, list[str]]:
    """Clues combined like suspicions, and the plain-words reasons behind them, strongest first."""
    clues: list[tuple[np.ndarray, list[str]]] = []
    for app_id, weight in segment.apps.items():
        app = apps[app_id]
        used = minutes[app_id].to_numpy() if app_id in minutes else np.zeros(len(minutes))
        typical = max(app.sessions_per_day * app.session_minutes, 1.0)
        clues.append((weight * np.tanh(used / (_TYPICAL_USE_SCALE * typical)),
                      [f"{app.name} : {value:.0f} min/jour" for value in used]))
    for kind, weight in segment.places.items():
        count = weekly[kind].to_numpy() if kind in weekly else np.zeros(len(weekly))
        clues.append((weight * np.tanh(count / _VISITS_SCALE), [f"{kind} : {value:.1f} visites/sem." for value in count]))
    if segment.night_use:
        share = night.to_numpy()
        clues.append((segment.night_use * np.tanh(share / _NIGHT_SCALE),
                      [f"nuit : {value:.0%} des usages" for value in share]))
    if not clues:
        return np.zeros(len(minutes)), [""] * len(minutes)
    strengths = np.clip(np.array([strength for strength, _ in clues]), 0.0, 1.0)
    confidence = 1 - np.prod(1 - strengths, axis=0)
    evidence = []
    for person in range(len(minutes)):
        order = np.argsort(-strengths[:, person], kind="stable")
        reasons = [clues[i][1][person] for i in order if strengths[i, person] > 0.05]
        evidence.append(" ; ".join(reasons[:3]))
    return confidence, evidence


def _truth(segment: Segment, personas: pd.DataFrame) -> list[bool | None]:
    if segment.truth_habit:
        return [segment.truth_habit in habits.split("|") for habits in personas["habits"]]
    if segment.truth_ages is not None:
        ages = personas["age"].to_numpy()
        return list((ages >= segment.truth_ages.min) & (ages <= segment.truth_ages.max))
    return [None] * len(personas)
