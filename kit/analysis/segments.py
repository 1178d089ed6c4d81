"""Advertising segments as a teen reads them, and what each bidder of the scenario's auction offers for a
viewer in them: the screen's auction replay and the paper cards' answer key both read these.

The engine keeps what an auction decided (winner, winning bid, price paid), not each bidder's offer; each
bidder's offer here is its list price for the viewer's segments (from the scenario), which the real offers
scatter around.
"""

from __future__ import annotations

import pandas as pd

from kit.scenario.model import Scenario

__all__ = ["bidder_offers", "segment_labels", "segments_given"]


def segment_labels(scenario: Scenario, language: str) -> dict[str, str]:
    """Segment id → label in `language`, in the scenario's order (the id when a label is missing)."""
    return {segment.id: segment.label.get(language, segment.id) for segment in scenario.profiling.segments}


def segments_given(profiles: pd.DataFrame) -> list[str]:
    """The ids of the segments a profile puts its teen in, in the scenario's order: what the profiler sells,
    without its confidence nor whether it was right."""
    return profiles.loc[profiles["in_segment"].astype(bool), "segment"].astype(str).tolist()


def bidder_offers(scenario: Scenario, segments: str, *, language: str) -> pd.DataFrame:
    """Each bidder's list price (€ per thousand ads) for a viewer in `segments` ("a|b", or "" when the
    viewer refused consent), and the segment that set it (empty: the price for an unknown viewer)."""
    labels = segment_labels(scenario, language)
    rows = []
    for bidder in scenario.auctions.bidders:
        priced = [(bidder.segment_cpm_eur[segment], segment) for segment in segments.split("|")
                  if segment in bidder.segment_cpm_eur]
        price, segment = max(priced, default=(bidder.base_cpm_eur, ""))
        if price < bidder.base_cpm_eur:
            price, segment = bidder.base_cpm_eur, ""
        rows.append({"bidder": bidder.id, "company": bidder.company, "cpm_eur": price,
                     "segment": labels.get(segment, "")})
    return pd.DataFrame(rows)
