"""The kit on paper: the facilitator guide as a printed book, the teens' handouts, and the cards that run
every workshop without a screen (`datatrail guide`, `datatrail cards`).

Everything is an HTML page first (it opens offline in any browser and prints from there) and a PDF
printed by the laptop's own Chromium-family browser (`kit.guide.printer`).
"""

from __future__ import annotations

from kit.guide.book import GuideReport, build_guide
from kit.guide.cards import CardsReport, build_cards
from kit.guide.check import load_guides

__all__ = ["CardsReport", "GuideReport", "build_cards", "build_guide", "load_guides"]
