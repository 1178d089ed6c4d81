"""Workshop 6 on the group screen: the votes for each proposal (« n sur N »), and the room's charter for the
poster: what a strict majority kept, and only the own words the facilitator approved."""

from __future__ import annotations

from kit.group import figures_of
from kit.group.charte import MODERATED, group_charter
from kit.i18n import text
from kit.widgets.poster import poster_document

VOTES = [["protection.1", "confiance.2"], ["protection.1", "sobriete.3"], ["protection.1", "confiance.2"],
         ["sobriete.3"]]


def test_each_proposal_shows_how_many_kept_it_and_the_headline_counts_the_majoritys() -> None:
    (figure,) = figures_of("06_charte")
    assert (figure.step, figure.question) == ("charte.step2", "commitments")
    drawn = figure.draw(VOTES, "fr")
    assert drawn.headline == "1 engagement sur 12 gardé par une majorité du groupe : la charte du groupe."
    assert len(drawn.bars) == 12
    assert drawn.bars[0].label == text("charte.proposal.protection.1", "fr") and drawn.bars[0].text == "3 sur 4"
    assert [bar.text for bar in drawn.bars].count("0 sur 4") == 9
    english = figure.draw(VOTES, "en")
    assert english.headline == "1 commitment of 12 kept by a majority of the group: the group's charter."
    assert english.bars[5].label == "We ask an app what data it has about us when in doubt."
    assert english.bars[5].text == "2 of 4"


def test_the_charter_keeps_a_strict_majority_and_no_tie() -> None:
    principles, labels = group_charter(VOTES, [], "fr")
    assert labels == []
    # confiance.2 and sobriete.3 have 2 votes of 4: a tie, not a majority.
    assert principles == [("Protection", [text("charte.proposal.protection.1", "fr")]), ("Confiance", []),
                          ("Sobriété", [])]
    principles, _ = group_charter([*VOTES, ["sobriete.3"]], [], "en")
    assert principles[2] == ("Sobriety", ["We fill in only the required boxes of a form."])


def test_only_the_approved_own_words_join_the_charter_under_their_heading() -> None:
    principles, _ = group_charter(VOTES, ["  On se demande avant de poster ", ""], "fr")
    assert principles[-1] == ("Nos propres engagements", ["On se demande avant de poster"])
    assert group_charter(VOTES, [], "en")[0][-1][0] == "Sobriety"  # nothing approved: no empty heading
    document = poster_document("5e B", group_charter(VOTES, ["<b>On se parle</b>"], "en"), size="A3", language="en")
    assert "Our own commitments" in document and "&lt;b&gt;On se parle" in document
    assert MODERATED == ("own_commitment",)
