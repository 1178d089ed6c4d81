"""`datatrail cards`: every workshop on paper, from the scenario's generated data.

When the wifi or the phones fail, a workshop goes on with cards: persona cards with a day's data trail,
tracker cards, consent-banner cards, a Guess-Who grid… and, kept apart so it is not handed out by
mistake, the facilitator's answer key. The cards come from the same generated data as the screens, so a
pair of teens on paper finds what their neighbours find on a phone.

One module per workshop (`kit.guide.cards.<name>`, from `kit.workshops.WORKSHOPS`), each a function `sheets(data, language) -> Sheets` that picks what
goes on the cards; the layout is in `kit/guide/templates/cards/`, the words in the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from kit.i18n import text, use_scenario_texts
from kit.i18n.formats import use_scenario_locale
from kit.output import replaced_folder
from kit.scenario import load_scenario
from kit.workshops import WORKSHOPS, workshop

if TYPE_CHECKING:
    import pandas as pd

    from kit.scenario import Scenario

__all__ = ["CARDS_MARKER", "CardData", "CardsReport", "Sheets", "build_cards", "sheets_maker"]

CARDS_MARKER = ".datatrail-cards"


def sheets_maker(stem: str) -> Callable[[CardData, str], Sheets]:
    """The function that makes a workshop's sheets, from its module (imported only when asked for)."""
    return import_module(workshop(stem).cards_module).sheets


@dataclass(frozen=True)
class CardData:
    """What the cards are made from: the scenario and its generated tables (as `generate` gives them)."""

    scenario: Scenario
    tables: dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Sheets:
    """HTML bodies: the teens' cards (to print and cut), and the facilitator's answer key."""

    cards: str
    answers: str


@dataclass(frozen=True)
class CardsReport:
    out: Path
    pdfs: list[Path]


def build_cards(out: Path, *, scenario: str, language: str, workshops: list[str] | None = None,
                progress: Callable[[str], None] = lambda _: None) -> CardsReport:
    """Write one PDF of cards per workshop (all, or `workshops`) and one answer key into `out` (replaced only
    once complete)."""
    from kit.engine.pipeline import generate
    from kit.guide.pages import write_page
    from kit.guide.printer import find_browser, print_pdf

    find_browser()  # before generating anything: without a browser, say so at once
    loaded = load_scenario(scenario)
    data = CardData(scenario=loaded, tables=generate(loaded))
    use_scenario_texts(data.scenario.texts)
    use_scenario_locale(data.scenario.meta.locale, currency=data.scenario.meta.currency)
    pdfs = []
    with replaced_folder(out, marker=CARDS_MARKER, command="datatrail cards") as folder:
        answers = []
        for entry in WORKSHOPS:
            stem = entry.stem
            if workshops is not None and stem not in workshops:
                continue
            title = text(f"workshop.{stem}.title", language)
            progress(f"{stem} : {title}")
            sheets = sheets_maker(stem)(data, language)
            page = write_page(folder / f"{stem}.html", title=f"{title} — {text('cards.title', language)}",
                              body=sheets.cards, language=language, kind="cards")
            pdfs.append(print_pdf(page, page.with_suffix(".pdf")))
            answers.append(f'<section class="answers"><h2>{escape(title)}</h2>{sheets.answers}</section>')
        name = text("cards.answers_file", language)
        page = write_page(folder / f"{name}.html", title=text("cards.answers_title", language),
                          body=f'<h1>{escape(text("cards.answers_title", language))}</h1>{"".join(answers)}',
                          language=language, kind="cards")
        pdfs.append(print_pdf(page, page.with_suffix(".pdf")))
    return CardsReport(out=out, pdfs=[out / pdf.name for pdf in pdfs])
