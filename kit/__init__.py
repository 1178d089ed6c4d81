"""Data Trail Kit — Kit Traces de données.

Workshops in which teenagers explore a synthetic trail of their personal data. The public API is small:
`load` gives a scenario's tables, `trail` gives one teen's own trail. Both import the data engine
(numpy, pandas) only when called, so that `import kit` and the scenario validator stay light enough
for the browser.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kit.version import __version__

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["__version__", "load", "trail"]


def load(scenario: str | Path | None = None, *, seed: int | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a scenario's synthetic data, generated in memory (cached for the session).

    `scenario` is a bundled scenario's name or a path, by default the session's (`datatrail serve --scenario
    montreal` makes it Montréal's, see `kit.scenario.default_scenario`); `seed` defaults to the scenario's own.
    Returns copies, so a notebook that edits a table does not change what the next cell loads.
    """
    from kit.scenario import default_scenario, resolve_scenario

    path = resolve_scenario(scenario or default_scenario())
    tables = _generated(str(path.resolve()), _fingerprint(path), seed)
    return {name: table.copy() for name, table in tables.items()}


def trail(pseudonym: str, *, habits: tuple[str, ...] | list[str] | None = None, age: int | None = None,
          scenario: str | Path | None = None, seed: int | None = None) -> dict[str, pd.DataFrame]:
    """One teen's own synthetic trail: the same pseudonym (and habits, age) always gives the same trail.

    `scenario`: as for `load`, by default the session's. Nothing is written to disk: the pseudonym only
    seeds the generator.
    """
    from kit.engine.pipeline import personal_trail
    from kit.scenario import default_scenario, load_scenario

    return personal_trail(load_scenario(scenario or default_scenario()), pseudonym=pseudonym,
                          habits=None if habits is None else tuple(habits), age=age, seed=seed)


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=4)
def _generated(path: str, fingerprint: str, seed: int | None) -> dict[str, pd.DataFrame]:
    """Keyed by the file's content, so an edited scenario is regenerated."""
    from kit.engine.pipeline import generate
    from kit.scenario import load_scenario

    return generate(load_scenario(path), seed=seed)
