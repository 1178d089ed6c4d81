"""The test tiers: `.ci/run` runs the whole suite, the fast tier first and then every other test, and the
README's command for the fast tier is that one. (Which test is in which tier: tests/conftest.py.)"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tiers() -> list[str]:
    """The markers pyproject registers: every one is a slow tier."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [line.split(":", 1)[0] for line in pyproject["tool"]["pytest"]["ini_options"]["markers"]]


def test_ci_runs_the_fast_tier_then_every_other_test() -> None:
    slow = " or ".join(_tiers())
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.findall(r'^python -m pytest -m "([^"]+)"$', ci, flags=re.MULTILINE) == [f"not ({slow})", slow]
    assert ci.count("pytest") == 2, "a pytest run beside the two tiers"


def test_the_readme_runs_the_fast_tier_as_ci_does_in_both_languages() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(f'python -m pytest -m "not ({" or ".join(_tiers())})"') == 2
