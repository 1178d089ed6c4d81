"""The six workshops, in one table (`WORKSHOPS`), and where their notebooks are.

Everything that lists workshops reads this table: the launcher, the paper cards, the guide checker, the
static site, the tests. A workshop has one name (`ma_journee`) across its notebook and guide
(`01_ma_journee.ipynb`, `facilitator_guide/fr/01_ma_journee.md`), its catalog (`kit/i18n/01_ma_journee.fr.yaml`,
keys `ma_journee.*`), its page (`kit.workshops.ma_journee.MaJournee`), its paper cards
(`kit.guide.cards.ma_journee`, keys `cards.ma_journee.*`) and its tests; so a newcomer who knows one of them
finds the others.

This module stays light (no widget, no pandas): the paper cards and the guide read it without importing
any page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["WORKSHOPS", "WorkshopEntry", "available_workshops", "workshop", "workshops_root"]


@dataclass(frozen=True)
class WorkshopEntry:
    """One workshop: its number and name, and the page's steps in the order the notebook calls them (the
    guide has one `## N. …` section per step, titled as the screen's `<name>.stepN.title`)."""

    number: int
    name: str
    steps: tuple[str, ...]

    @property
    def stem(self) -> str:
        """Notebook, guide and catalog file name: `01_ma_journee`."""
        return f"{self.number:02d}_{self.name}"

    @property
    def page_module(self) -> str:
        return f"kit.workshops.{self.name}"

    @property
    def page_class(self) -> str:
        """The name in CamelCase: `MaJournee`."""
        return "".join(word.capitalize() for word in self.name.split("_"))

    @property
    def cards_module(self) -> str:
        return f"kit.guide.cards.{self.name}"

    def catalog(self, language: str) -> str:
        """The catalog file of the workshop's screen messages, in `kit/i18n/`."""
        return f"{self.stem}.{language}.yaml"

    def guide(self, language: str) -> str:
        """The facilitator guide's file, in `facilitator_guide/<language>/`."""
        return f"{self.stem}.md"

    def step_title(self, step: int) -> str:
        """Catalog key of step `step`'s title (from 1), which the guide's section repeats."""
        return f"{self.name}.step{step}.title"


WORKSHOPS: tuple[WorkshopEntry, ...] = (
    WorkshopEntry(1, "ma_journee", ("step_day", "step_trackers", "step_guess", "step_sobriety")),
    WorkshopEntry(2, "consentement", ("step_banners", "step_receipt", "step_nudge", "step_rights")),
    WorkshopEntry(3, "profilage", ("step_profile", "step_auction", "step_accuracy", "step_blur")),
    WorkshopEntry(4, "anonymat", ("step_guess", "step_curve", "step_protect", "step_next")),
    WorkshopEntry(5, "cantine", ("step_guess", "step_build", "step_compare", "step_ethics")),
    WorkshopEntry(6, "charte", ("step_principles", "step_commitments", "step_labels", "step_poster")),
)


def workshop(stem_or_name: str) -> WorkshopEntry:
    """The entry of a workshop given by stem (`01_ma_journee`) or name (`ma_journee`)."""
    for entry in WORKSHOPS:
        if stem_or_name in (entry.stem, entry.name):
            return entry
    raise KeyError(f"no workshop {stem_or_name!r}; known: {', '.join(entry.stem for entry in WORKSHOPS)}")


def workshops_root() -> Path:
    """The notebooks' folder: `workshops/` in the source tree, or its copy in the installed package."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_workshops"
    return installed if installed.is_dir() else package.parent / "workshops"


def available_workshops() -> list[str]:
    """Workshop stems ("01_ma_journee", …) in teaching order."""
    return [entry.stem for entry in WORKSHOPS]
