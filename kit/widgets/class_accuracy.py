"""Is the profiler right about me? The teen's own wrong guesses, next to the class's counts
(`kit.analysis.profiler_accuracy`), and what each mistake would mean.
"""

from __future__ import annotations

import html

import pandas as pd

from kit.analysis.segments import segment_labels
from kit.i18n import text
from kit.scenario.model import Scenario

__all__ = ["wrong_guesses"]


def wrong_guesses(profiles: pd.DataFrame, scenario: Scenario, *, language: str) -> str:
    """The teen's own segments where the profiler is wrong, and what each mistake would mean."""
    labels = segment_labels(scenario, language)
    wrong = profiles[profiles["correct"].fillna(True).eq(False)]
    if wrong.empty:
        return f"<p>{text('profilage.wrong.none', language)}</p>"
    items = "".join("<li>" + text("profilage.wrong.yes" if row.in_segment else "profilage.wrong.no", language,
                                  segment=html.escape(labels[row.segment])) + "</li>" for row in wrong.itertuples())
    return f"<p>{text('profilage.wrong.intro', language, count=len(wrong))}</p><ul>{items}</ul>"
