"""Teen-facing French has no point médian (« inscrit·es », « un·e ») : screen readers spell it out or stop on it,
and dyslexic readers stumble on it. Teen texts use epicene turns instead (« les ados », « chaque élève », « ton
écart est de … »). A dot between spaced words (« 8 h · antenne ») is a separator, not a point médian.

Facilitator-only messages may keep it, as the guides do; each exemption says why."""

from __future__ import annotations

import re

from kit.i18n import age_catalog, catalog

POINT_MEDIAN = re.compile(r"(?<=\w)·(?=\w)")

#: Messages only a facilitator or an educator reads.
FACILITATOR_ONLY = (
    re.compile(r"cards\.answers_"),  # the answer keys' page, « à ne pas distribuer »
    re.compile(r"cards\.\w+\.key_"),  # the answer keys of each workshop's cards
    re.compile(r"cards\.\w+\.copies$"),  # how many copies to print: the facilitator's first page
    re.compile(r"site\.(builder_note|group_screen)$"),  # the site's notes « Pour l'animateur·rice : … »
    re.compile(r"studio\."),  # the scenario studio, for educators who adapt the kit
    re.compile(r"serve\."),  # the terminal of `datatrail serve`
    # The law as the guide words it, except what the teens' handouts print (law.fr.yaml's header lists them).
    re.compile(r"law\.(?!(authority|authority\.rights|access_deadline|short|consent_age|rights)$)"),
)


def _forms(message) -> list[str]:
    return list(message.values()) if isinstance(message, dict) else [message]


def _teen_facing(key: str) -> bool:
    return not any(pattern.match(key) for pattern in FACILITATOR_ONLY)


def test_no_teen_facing_french_message_has_a_point_median() -> None:
    messages = {**catalog("fr"), **{f"plain {key}": message for key, message in age_catalog("11-13", "fr").items()}}
    found = {key: POINT_MEDIAN.findall(" ".join(_forms(message))) for key, message in messages.items()
             if _teen_facing(key.removeprefix("plain "))}
    assert {key: marks for key, marks in found.items() if marks} == {}


def test_the_check_finds_a_point_median_and_lets_separators_and_facilitator_notes_be() -> None:
    assert POINT_MEDIAN.search("Tu t'es trompé·e de 3 repas.")
    assert not POINT_MEDIAN.search("{hour} h · {antenna}")
    assert not _teen_facing("site.builder_note") and not _teen_facing("cards.answers_title")
    assert _teen_facing("site.needs_full") and _teen_facing("cantine.guess.yours") and _teen_facing("law.rights")
