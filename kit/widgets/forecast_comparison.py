"""Step 3 of workshop 5: the teen's forecast against two naive ones (last week's count, the kitchen's rule of
thumb), 1 to 4 weeks ahead, in meals (`kit.analysis.canteen_forecast.forecast_errors`); the words, in meals
and in kilos, are `kit.analysis.canteen_words.describe_comparison`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kit.analysis.canteen_forecast import COMPARED
from kit.i18n import text

__all__ = ["comparison_chart"]

#: Each forecast compared's colour and bar pattern (Okabe–Ito; patterns for printing in grey).
_STYLES = {"model": ("#D55E00", ""), "naive": ("#0072B2", "/"), "kitchen": ("#009E73", ".")}


def comparison_chart(errors: pd.DataFrame, *, language: str = "fr") -> go.Figure:
    """Grouped bars: the mean error in meals per school and day, per horizon, for each forecast."""
    figure = go.Figure([go.Bar(x=[text("cantine.compare.horizon", language, weeks=weeks) for weeks in rows["horizon"]],
                               y=rows["error_meals"].round(), name=text(f"cantine.forecast.{name}", language),
                               marker={"color": _STYLES[name][0], "pattern": {"shape": _STYLES[name][1]}},
                               text=rows["error_meals"].round().astype(int), textposition="auto")
                        for name in COMPARED
                        for rows in [errors[errors["forecast"] == name]]])
    figure.update_layout(barmode="group", title=text("cantine.compare.title", language),
                         yaxis={"title": text("cantine.compare.axis", language), "rangemode": "tozero"}, height=420)
    return figure
