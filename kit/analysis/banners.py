"""Cookie banners as their design lays them out, from the scenario's design switches (`Banner`): what they ask
about, which buttons each screen shows and which one is big, and the fair design every trick is measured from.

The buttons *are* the dark patterns: a `none` design has no "reject" button at all, a `settings` design puts
"customise" where "reject" should be (the refusal waits on a second screen), a `pre_ticked` design ticks the
boxes for the teen, a `granular` one asks purpose by purpose. The phone draws its banner from this layout
(`kit.widgets.banner.BannerCard`) and the paper cards print the same one, so neither re-derives the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.engine.apps import NEEDS_CONSENT
from kit.scenario.model import Banner, Scenario

__all__ = ["CHOICES", "PURPOSES", "BannerLayout", "banner_layout", "choice_of", "choices_on", "fair_banner",
           "hides_reject"]

#: What a banner asks about: the tracker categories a refusal is meant to stop. `kit.engine.apps` lets crash
#: reporters send without consent, so banners never ask about them.
PURPOSES = NEEDS_CONSENT
#: What a teen's answer to a banner comes to: everything allowed, nothing, or some purposes only.
CHOICES = ("accept", "refuse", "customise")
#: The button that gives each choice.
_BUTTON_OF_CHOICE = {"accept": "accept", "refuse": "reject", "customise": "save"}


@dataclass(frozen=True)
class BannerLayout:
    """A banner's buttons ("reject", "customise", "save", "accept") on its first screen, in order, each with
    whether it is big (the button the design pushes); whether the first screen shows one box per purpose, and
    whether they come ticked; and the buttons of the second screen "customise" opens (none without it)."""

    buttons: tuple[tuple[str, bool], ...]
    boxes_first: bool
    ticked: bool
    settings: tuple[tuple[str, bool], ...]


def banner_layout(banner: Banner) -> BannerLayout:
    """The layout `banner`'s design switches give (see the module docstring)."""
    boxes_first = banner.pre_ticked or banner.granular_first_layer
    buttons = [("reject", True)] if banner.reject == "first_layer" else []
    if banner.reject == "settings":
        buttons.append(("customise", False))
    if boxes_first:
        buttons.append(("save", False))
    buttons.append(("accept", True))
    settings = (("reject", False), ("save", False)) if banner.reject == "settings" else ()
    return BannerLayout(buttons=tuple(buttons), boxes_first=boxes_first, ticked=banner.pre_ticked, settings=settings)


def choice_of(allowed: frozenset[str]) -> str:
    """The choice (`CHOICES`) an answer comes to, whichever button gave it: saving boxes all ticked accepts."""
    if allowed >= frozenset(PURPOSES):
        return "accept"
    return "customise" if allowed else "refuse"


def choices_on(banner: Banner) -> tuple[str, ...]:
    """The choices `banner`'s buttons allow, in `CHOICES` order: a `none` design cannot be refused."""
    layout = banner_layout(banner)
    buttons = {name for name, _ in (*layout.buttons, *layout.settings)}
    return tuple(choice for choice in CHOICES if _BUTTON_OF_CHOICE[choice] in buttons)


def hides_reject(banner: Banner) -> bool:
    """Whether `banner`'s first screen has no "reject" button (moved to the settings, or gone): the dark
    pattern whose effect Nouwens et al. measured."""
    return all(name != "reject" for name, _ in banner_layout(banner).buttons)


def fair_banner(scenario: Scenario) -> Banner:
    """The scenario's first banner with no dark pattern: the reference every effect is measured from."""
    return next(banner for banner in scenario.consent.banners
                if banner.reject == "first_layer" and not banner.pre_ticked and not banner.granular_first_layer)
