"""Every chart the kit draws, reached as a teen reaches it: workshop pages built from their notebooks, a
double created, and each button that draws a chart pressed; then the page switched to English, which
redraws them all. For tests that hold something of every chart (`tests/widgets/test_plain_figure.py`)."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

#: The charts `every_figure` reaches, by page: what a step shows as a figure, or a component's `figure`.
CHARTS = {
    "01_ma_journee": ("timeline", "trackers", "map"),
    "02_consentement": ("receipt", "nudge"),
    "03_profilage": ("profile", "auction", "blur"),
    "04_anonymat": ("guess_who", "curve", "protect"),
    "05_cantine": ("forecast", "comparison"),
}


def every_figure(workshop_page: Callable, *, double: str = "lune42") -> dict[tuple[str, str, str], go.Figure]:
    """`{(stem, chart, language): figure}` for every chart of `CHARTS`, in French then English; `workshop_page`
    is the widgets tests' fixture (a page built as its notebook builds it, with `double` created)."""
    figures = {}
    for stem, walk in _WALKS.items():
        page = workshop_page(stem, double=double if stem in _WITH_DOUBLE else None)
        for language in ("fr", "en"):
            page.language.value = language
            charts = walk(page)
            figures.update({(stem, chart, language): figure
                            for chart, figure in zip(CHARTS[stem], charts, strict=True)})
    return figures


def _figure_of(page, prefix: str) -> go.Figure:
    (figure,) = [part for part in page.shown[prefix] if isinstance(part, go.Figure)]
    return figure


def _component(page, prefix: str):
    """The step's component that draws a chart (it keeps it as `figure`)."""
    (component,) = [part for part in page.shown[prefix] if hasattr(part, "figure")]
    return component


def _ma_journee(page) -> list[go.Figure]:
    card = _component(page, "ma_journee.step3")
    if card.guess.value is None:
        card.guess.value = card.guess.options[0][1]
        card.reveal()
    return [_figure_of(page, "ma_journee.step1"), _figure_of(page, "ma_journee.step2"), card.figure]


def _consentement(page) -> list[go.Figure]:
    if not page.banners.answers:
        page.banners.card.buttons["accept"].click()
    return [_figure_of(page, "consentement.step2"), _figure_of(page, "consentement.step3")]


def _profilage(page) -> list[go.Figure]:
    return [_figure_of(page, "profilage.step1"), _component(page, "profilage.step2").figure,
            _component(page, "profilage.step4").figure]


def _anonymat(page) -> list[go.Figure]:
    game, curve, panel = (_component(page, prefix) for prefix in ("anonymat.step1", "anonymat.step2", "anonymat.step3"))
    if game.target is None:
        game.start.click()
        game.clues.children[0].value = True
    for measured in (curve, panel):
        if measured.figure is None:
            measured.measure.click()
    return [game.figure, curve.figure, panel.figure]


def _cantine(page) -> list[go.Figure]:
    if page.builder.figure is None:
        page.builder.fit.click()
    return [page.builder.figure, _figure_of(page, "cantine.step3")]


_WALKS = {"01_ma_journee": _ma_journee, "02_consentement": _consentement, "03_profilage": _profilage,
          "04_anonymat": _anonymat, "05_cantine": _cantine}
_WITH_DOUBLE = {"01_ma_journee", "02_consentement", "03_profilage"}
