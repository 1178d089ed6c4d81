"""One ad auction replayed: the teen picks one of their app sessions and one ad shown in it, and sees who
bid, for which of their segments, how much, who won, what was paid and how fast it all went. The winner
pays its own offer (a first-price auction, `kit.engine.auctions`).

The engine keeps what the auction decided (winner, winning bid, price paid, latency), not each bidder's
offer; each bidder's offer is its list price for the viewer's segments (`kit.analysis.segments.bidder_offers`),
which the real offers scatter around. That is what the bars show, and the text says so. `month_value` adds up the
month, because one ad is worth a fraction of a cent and the point is what the total is worth.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from kit.analysis.segments import bidder_offers, segment_labels
from kit.i18n import text
from kit.i18n.formats import currency_name, decimal, money
from kit.scenario.model import Scenario
from kit.widgets.plain_figure import as_widget

__all__ = ["AuctionReplay", "ads_by_session", "month_value"]

Trail = dict[str, pd.DataFrame]
_WINNER_COLOUR, _BIDDER_COLOUR = "#D55E00", "#0072B2"
#: Prices in the scenario are per thousand ads (CPM); a single ad costs a thousandth of that.
_ADS_PER_CPM = 1000


def ads_by_session(trail: Trail) -> pd.DataFrame:
    """The trail's sold ads, each with the start of the app session it was shown in (`session`)."""
    ads = trail["ad_auctions"].sort_values("timestamp", kind="stable")
    sessions = trail["app_sessions"][["timestamp", "app"]].astype({"timestamp": ads["timestamp"].dtype})
    matched = pd.merge_asof(ads, sessions.assign(session=sessions["timestamp"]).sort_values("timestamp", kind="stable"),
                            on="timestamp", by="app", direction="backward")
    return matched.sort_values(["timestamp", "app"], kind="stable").reset_index(drop=True)


def month_value(ads: pd.DataFrame) -> tuple[int, float]:
    """How many ads were sold during the month, and what was paid for them in euros."""
    return len(ads), float(ads["price_paid_eur"].sum())


class AuctionReplay(widgets.VBox):
    """A session list, an ad list, the replayed auction (chart and words) and the month's total."""

    def __init__(self, trail: Trail, scenario: Scenario, *, language: str) -> None:
        self._scenario, self.language = scenario, language
        self.ads = ads_by_session(trail)
        self._names = {app.id: app.name for app in scenario.apps}
        self.session = widgets.Dropdown(style={"description_width": "initial"})
        self.ad = widgets.Dropdown(style={"description_width": "initial"})
        self.chart = widgets.VBox()
        self.words = widgets.HTML()
        self.month = widgets.HTML()
        #: The replayed auction's chart, kept so that tests and notebooks can read it.
        self.figure: go.Figure | None = None
        self.session.observe(lambda _: self._list_ads(), names="value")
        self.ad.observe(lambda _: self.replay(), names="value")
        self.relabel(self.language)
        super().__init__([self.session, self.ad, self.chart, self.words, self.month])

    def replay(self) -> None:
        """Draw the chosen ad's auction (nothing when the teen has no ad at all)."""
        if self.ad.value is None:
            return
        language = self.language
        sold = self.ads.loc[self.ad.value]
        offers = bidder_offers(self._scenario, sold["segments"], language=language)
        self.figure = _auction_chart(offers, sold, language)
        self.chart.children = [as_widget(self.figure)]
        winner = offers.set_index("bidder").loc[sold["winner"], "company"]
        listed = "".join(
            "<li>" + text("profilage.auction.offer", language, company=html.escape(name),
                          price=money(price, 2, language), reason=html.escape(reason)) + "</li>"
            for name, price, reason in zip(_bidder_names(offers, sold), offers["cpm_eur"], _reasons(offers, language)))
        summary = text("profilage.auction.summary", language, ms=int(sold["latency_ms"]), bidders=int(sold["bidders"]),
                       winner=html.escape(winner), bid=money(sold["winning_bid_eur"] * _ADS_PER_CPM, 2, language),
                       one=money(sold["price_paid_eur"], 4, language), profile=self._seen(sold, language))
        self.words.value = f"<p role='status'>{summary}</p><ul>{listed}</ul>"

    def _seen(self, sold: pd.Series, language: str) -> str:
        """What the bidders knew of the viewer: their segments, or nothing after a refusal."""
        if not sold["segments"]:
            return text("profilage.auction.anonymous", language)
        labels = segment_labels(self._scenario, language)
        return text("profilage.auction.seen", language,
                    segments=html.escape(", ".join(labels[segment] for segment in sold["segments"].split("|"))))

    def relabel(self, language: str) -> None:
        """Every word in `language`, in place: what the teen chose stays."""
        self.language = language
        kept_ad = self.ad.value  # a new list of sessions passes by the first one: the teen's ad comes back after
        self.session.description = text("profilage.auction.session", language)
        self.ad.description = text("profilage.auction.ad", language)
        chosen = self.session.value
        per_session = self.ads.groupby(["session", "app"], sort=True).size()
        self.session.options = [(text("profilage.auction.session_option", language, app=self._names[app],
                                      when=session.strftime("%d/%m %H:%M"), count=count), (session, app))
                                for (session, app), count in per_session.items()]
        values = [value for _, value in self.session.options]
        # The first session with ads until the teen picks one, so there is an auction to see at once.
        self.session.value = chosen if chosen in values else next(iter(values), None)
        count, total = month_value(self.ads)
        self.month.value = "<p>" + (text("profilage.auction.month", language, count=count,
                                         total=money(total, 2, language),
                                         year=money(total * 12, 0, language))
                                    if count else text("profilage.auction.none", language)) + "</p>"
        self._list_ads(kept_ad)
        self.replay()

    def _list_ads(self, kept_ad: int | None = None) -> None:
        if self.session.value is None:
            self.ad.options = []
            return
        session, app = self.session.value
        shown = self.ads[(self.ads["session"] == session) & (self.ads["app"] == app)]
        chosen = self.ad.value if kept_ad is None else kept_ad
        self.ad.options = [(text("profilage.auction.ad_option", self.language, number=number,
                                 when=stamp.strftime("%H:%M:%S")), index)
                           for number, (index, stamp) in enumerate(shown["timestamp"].items(), start=1)]
        self.ad.value = chosen if chosen in shown.index else shown.index[0]


def _auction_chart(offers: pd.DataFrame, sold: pd.Series, language: str) -> go.Figure:
    """Bidders' list prices as bars (the winner in another colour and named so), the price paid as a line."""
    winner = offers["bidder"] == sold["winner"]
    figure = go.Figure(go.Bar(
        y=_bidder_names(offers, sold), x=offers["cpm_eur"], orientation="h",
        marker={"color": [_WINNER_COLOUR if won else _BIDDER_COLOUR for won in winner]},
        text=[decimal(price, 2, language) for price in offers["cpm_eur"]], customdata=_reasons(offers, language),
        textposition="auto", hovertemplate="%{y} : %{text} · %{customdata}<extra></extra>"))
    paid = sold["price_paid_eur"] * _ADS_PER_CPM
    figure.add_vline(x=paid, line={"dash": "dash", "color": "#000000", "width": 2})
    figure.add_annotation(x=paid, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                          text=text("profilage.auction.paid_line", language, paid=decimal(paid, 2, language)))
    figure.update_layout(
        title=text("profilage.auction.title", language, ms=int(sold["latency_ms"])),
        height=140 + 44 * len(offers), margin={"t": 80},
        xaxis={"title": text("profilage.auction.axis", language, currency=currency_name(language)),
               "rangemode": "tozero"},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def _bidder_names(offers: pd.DataFrame, sold: pd.Series) -> list[str]:
    """Companies by name, the winner marked with a star (not only by its colour)."""
    return [f"{company} ★" if bidder == sold["winner"] else company
            for bidder, company in zip(offers["bidder"], offers["company"])]


def _reasons(offers: pd.DataFrame, language: str) -> list[str]:
    """Why each bidder offers its price: one of the viewer's segments, or nothing known about them."""
    return [text("profilage.auction.for", language, segment=segment) if segment
            else text("profilage.auction.for_nobody", language) for segment in offers["segment"]]
