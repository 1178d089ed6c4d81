"""Real-time ad auctions: what a teen's attention is sold for, ad by ad.

Each time an app with an ads tracker shows an ad, the ad space is auctioned in milliseconds: every
bidder offers a price per thousand ads (CPM) according to what it knows of the viewer — the segments
of their profile, but only if they accepted that app's consent banner — and the highest bidder wins
and pays its own offer, if it reaches the floor price (below it, the ad is not sold). That is a
first-price auction, today's rule: the main ad exchanges moved to it from the second price (the winner
paying the runner-up's offer) between 2017 and 2019, Google Ad Manager in 2019. `winning_bid_eur` and
`price_paid_eur` are therefore equal; both stay, so that the data package keeps its format.
Refusing consent does not remove the ads; it makes them cheaper, because the viewer is anonymous to the
bidders.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.scenario.model import Scenario

__all__ = ["ad_auctions"]

#: Spread of each bidder's offer around its list price (lognormal sigma).
_BID_NOISE = 0.25


def ad_auctions(scenario: Scenario, sessions: pd.DataFrame, profiles: pd.DataFrame, consent: pd.DataFrame,
                rng: np.random.Generator) -> pd.DataFrame:
    """One row per ad sold during the teens' app sessions (see the module docstring)."""
    auctions = scenario.auctions
    ad_trackers = {tracker.id for tracker in scenario.trackers if tracker.category == "ads"}
    with_ads = [app.id for app in scenario.apps if ad_trackers & set(app.trackers)]
    shown = sessions[sessions["app"].isin(with_ads)]
    count = rng.poisson(auctions.ads_per_minute * shown["duration_min"].to_numpy())
    duration = np.repeat(shown["duration_min"].to_numpy(), count)
    offsets = (rng.uniform(0, 1, count.sum()) * duration * 60).astype("timedelta64[s]")
    ads = pd.DataFrame({
        "person_id": np.repeat(shown["person_id"].to_numpy(), count),
        "timestamp": (np.repeat(shown["timestamp"].to_numpy(), count) + offsets).astype("datetime64[s]"),
        "app": np.repeat(shown["app"].to_numpy(), count),
    })

    agreed = consent[consent["choice"] == "accept_all"]
    known = (ads["person_id"] + "\x1f" + ads["app"]).isin(agreed["person_id"] + "\x1f" + agreed["app"]).to_numpy()
    segments_of = (profiles[profiles["in_segment"]].groupby("person_id")["segment"]
                   .apply(lambda ids: "|".join(sorted(ids))))
    # A plain lookup: when nobody is in any segment, a pandas map would give floats (NaN), not text.
    known_segments = segments_of.to_dict()
    # Looked up once per teen and per list of segments, not per ad: tens of thousands of ads, a few dozen values.
    person, persons = pd.factorize(ads["person_id"])
    profile_of = np.array([known_segments.get(name, "") for name in persons], dtype=object)
    segment, segment_lists = pd.factorize(np.where(known, profile_of[person], ""))

    bids = np.empty((len(ads), len(auctions.bidders)))
    for column, bidder in enumerate(auctions.bidders):
        prices = np.array([max([bidder.segment_cpm_eur.get(segment_id, bidder.base_cpm_eur)
                                for segment_id in segment_ids.split("|") if segment_id] or [bidder.base_cpm_eur])
                           for segment_ids in segment_lists])
        bids[:, column] = prices[segment] * rng.lognormal(0.0, _BID_NOISE, len(ads))
    top = bids.max(axis=1)
    sold = top >= auctions.floor_cpm_eur
    latency = rng.integers(int(auctions.latency_ms.min), int(auctions.latency_ms.max) + 1, len(ads))
    table = pd.DataFrame({
        "person_id": ads["person_id"],
        "timestamp": ads["timestamp"],
        "segments": segment_lists[segment],
        "winning_bid_eur": (top / 1000).round(6),
        "app": ads["app"],
        "winner": np.array([bidder.id for bidder in auctions.bidders], dtype=object)[bids.argmax(axis=1)],
        "bidders": (bids >= auctions.floor_cpm_eur).sum(axis=1),
        "price_paid_eur": (top / 1000).round(6),
        "latency_ms": latency,
    })[sold]
    return table.sort_values(["person_id", "timestamp", "app"], kind="stable").reset_index(drop=True)
