"""Is the profiler right? Its answers over the whole class, counted in the four cases of a yes/no guess, as
a table and in plain words: the screen's step 3 and the paper cards' answer key.

Only the class's totals, never anyone's row: a workshop never puts a teen's data in front of the group. The
comparison with published research says what those studies measured and no more, since the kit's profiler
and data are made up.
"""

from __future__ import annotations

import html

import pandas as pd

from kit.analysis.segments import segment_labels
from kit.analysis.shared import shared_by_pages
from kit.engine.pipeline import class_trails
from kit.i18n import text
from kit.i18n.formats import percent
from kit.scenario.model import Scenario

__all__ = ["OUTCOMES", "accuracy_table", "class_profiles", "confusion_counts", "describe_accuracy"]

#: The four cases of a yes/no guess, in the table's order: (profiler said yes, it was true).
OUTCOMES = ((True, True), (True, False), (False, True), (False, False))


@shared_by_pages
def class_profiles(scenario: Scenario) -> pd.DataFrame:
    """The class's advertising profiles (about 0.2 s), read by every page of the scenario and changed by none."""
    return class_trails(scenario, tables=("profiles",))["profiles"]


def confusion_counts(profiles: pd.DataFrame) -> pd.DataFrame:
    """Per segment whose truth is known: how many teens fall in each case of `OUTCOMES` (columns
    `yes_true`, `yes_false`, `no_true`, `no_false`), `total` and `accuracy` (right answers / total)."""
    known = profiles.dropna(subset=["truth"])
    said, truth = known["in_segment"].astype(bool), known["truth"].astype(bool)
    columns = {f"{'yes' if yes else 'no'}_{'true' if true else 'false'}": (said == yes) & (truth == true)
               for yes, true in OUTCOMES}
    counts = pd.DataFrame(columns).groupby(known["segment"], sort=False).sum()
    counts["total"] = counts.sum(axis=1)
    counts["accuracy"] = (counts["yes_true"] + counts["no_false"]) / counts["total"]
    return counts


def accuracy_table(counts: pd.DataFrame, scenario: Scenario, *, language: str) -> str:
    """The counts as an HTML table with a caption and plain-words headers: a table is its own text."""
    labels = segment_labels(scenario, language)
    headers = [text("profilage.accuracy.segment", language),
               *(text(f"profilage.accuracy.{name}", language) for name in counts.columns[:4]),
               text("profilage.accuracy.right", language)]
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(labels[segment])}</th>"
        + "".join(f"<td>{int(row[name])}</td>" for name in counts.columns[:4])
        + f"<td>{percent(row['accuracy'], language)}</td></tr>"
        for segment, row in counts.iterrows())
    head = "".join(f"<th scope='col'>{header}</th>" for header in headers)
    return (f"<table><caption>{text('profilage.accuracy.caption', language, teens=int(counts['total'].max()))}"
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def describe_accuracy(counts: pd.DataFrame, scenario: Scenario, *, language: str) -> str:
    """The class's results in one paragraph, then the published figures to compare with."""
    labels = segment_labels(scenario, language)
    best, worst = counts["accuracy"].idxmax(), counts["accuracy"].idxmin()
    right = (counts["yes_true"] + counts["no_false"]).sum() / counts["total"].sum()
    return text("profilage.accuracy.summary", language, right=percent(right, language),
                best=html.escape(labels[best]), best_share=percent(counts.loc[best, "accuracy"], language),
                worst=html.escape(labels[worst]), worst_share=percent(counts.loc[worst, "accuracy"], language),
                wrong_yes=int(counts["yes_false"].sum()), wrong_no=int(counts["no_true"].sum()))
