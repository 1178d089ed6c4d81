"""Workshop 2 on the group screen: what the room clicked on each banner design, beside the acceptance model's
prediction, and the room's own measure of the dark pattern the workshop is about, a "reject" button missing
from the first screen.

What the page tells (`kit.workshops.consentement`), after each click: "banners", the teen's answers so far, one
`{"banner": design id, "choice": accept | refuse | customise}` per app (`kit.analysis.banners.choice_of`).
The designs, their labels and the model are the room's scenario's (the session's, `default_scenario`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from statistics import fmean

from kit.analysis.banners import choices_on, hides_reject
from kit.engine.consent import acceptance_probability
from kit.group.figure import Bar, Drawn, Figure, Released, shares
from kit.i18n import text
from kit.i18n.formats import percent
from kit.scenario import default_scenario, load_scenario
from kit.scenario.model import Banner, Scenario

__all__ = ["FIGURES"]

Told = Mapping[str, str]


def _choices(answers: Released, language: str) -> Drawn:
    """For each design at least k pages answered, the share of each choice its buttons allow; the model's
    prediction beside « Tout accepter » (the model predicts nothing else)."""
    scenario = load_scenario(default_scenario())
    told = _told(answers)
    bars: list[Bar] = []
    for banner in scenario.consent.banners:
        if _pages_answering(answers, {banner.id}) < answers.k:
            continue
        choices = [answer["choice"] for answer in told if answer["banner"] == banner.id]
        predicted = acceptance_probability(scenario.consent.acceptance, banner)
        for bar, choice in zip(shares(choices, choices_on(banner), _labeller(banner), language), choices_on(banner)):
            bars.append(replace(bar, reference=predicted, reference_text=percent(predicted, language))
                        if choice == "accept" else bar)
    if told and not bars:
        return Drawn(headline=text("consentement.group.choices.too_few", language, k=answers.k))
    return Drawn(headline=text("consentement.group.choices.headline", language, count=len(told)), bars=tuple(bars),
                 reference_label=text("consentement.group.model", language))


def _hidden_reject(answers: Released, language: str) -> Drawn:
    """« Tout accepter » on designs without a first-screen "reject" button minus on designs with one, in
    points, in the room and in the model over the same answers; or which kind alone at least k pages saw."""
    scenario = load_scenario(default_scenario())
    banners = {banner.id: banner for banner in scenario.consent.banners}
    told = [answer for answer in _told(answers) if answer["banner"] in banners]
    designs = {hidden: {design for design, banner in banners.items() if hides_reject(banner) is hidden}
               for hidden in (True, False)}
    kinds = {hidden: [answer for answer in told if answer["banner"] in designs[hidden]]
             for hidden in (True, False) if _pages_answering(answers, designs[hidden]) >= answers.k}
    bars = tuple(_accepted(kind, hidden, banners, scenario, language) for hidden, kind in kinds.items() if kind)
    if not bars:  # every page started its banners again, or no kind of banner has k pages yet
        return Drawn(headline=text("consentement.group.reject.too_few" if told else "consentement.group.reject.none",
                                   language, k=answers.k))
    if len(bars) < 2:
        only = "hidden" if kinds.get(True) else "shown"
        return Drawn(headline=text(f"consentement.group.reject.only_{only}", language), bars=bars,
                     reference_label=text("consentement.group.model", language))
    hidden, shown = bars
    return Drawn(headline=text("consentement.group.reject.headline", language,
                               room=_gap(hidden.value - shown.value, language),
                               model=_gap(hidden.reference - shown.reference, language)),  # type: ignore[operator]
                 bars=bars, reference_label=text("consentement.group.model", language))


def _accepted(told: list[Told], hidden: bool, banners: Mapping[str, Banner], scenario: Scenario,
              language: str) -> Bar:
    """The share of `told` (answers on designs that hide the "reject" button, or show it) that accepted
    everything, and the model's mean prediction for the same designs."""
    accepted = sum(answer["choice"] == "accept" for answer in told)
    predicted = fmean(acceptance_probability(scenario.consent.acceptance, banners[answer["banner"]])
                      for answer in told)
    return Bar(label=text(f"consentement.group.reject.{'hidden' if hidden else 'shown'}", language),
               value=accepted / len(told),
               text=text("group.count_of", language, count=accepted, total=len(told)),
               reference=predicted, reference_text=percent(predicted, language))


def _gap(share_difference: float, language: str) -> str:
    """A difference of shares in words, « 18 points de plus »: teens read a direction more easily than a sign."""
    points = round(100 * share_difference)
    direction = "more" if points > 0 else "less" if points < 0 else "same"
    return text(f"consentement.group.gap.{direction}", language, count=abs(points))


def _labeller(banner: Banner) -> Callable[[str, str], str]:
    def label(choice: str, language: str) -> str:
        return text("consentement.group.choices.bar", language, banner=banner.label.get(language, banner.id),
                    choice=text(f"consentement.group.choice.{choice}", language))

    return label


def _pages_answering(answers: Iterable[object], designs: set[str]) -> int:
    """How many pages answered at least one banner of `designs`: the size of the group a bar would count."""
    return sum(any(answer["banner"] in designs for answer in page) for page in answers)  # type: ignore[union-attr]


def _told(answers: Iterable[object]) -> list[Told]:
    """Every banner answer of every page, together: a page told a list of them."""
    return [answer for page in answers for answer in page]  # type: ignore[union-attr]


FIGURES: tuple[Figure, ...] = (
    Figure("consentement.step1", "banners", _choices),
    Figure("consentement.step3", "banners", _hidden_reject),
)
