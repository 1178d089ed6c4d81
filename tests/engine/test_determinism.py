"""Same scenario + seed ⇒ byte-identical data package; another seed ⇒ other data."""

from __future__ import annotations

from pathlib import Path

from kit.cli import main
from kit.engine.pipeline import PERSONAL_TABLES, class_trails, generate


def _package(out: Path, *extra: str) -> dict[str, bytes]:
    assert main(["generate", "--quiet", "--out", str(out), *extra]) == 0
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    first = _package(tmp_path / "a")
    second = _package(tmp_path / "b")
    assert first.keys() == second.keys() and len(first) == 13
    assert first == second


def test_another_seed_changes_every_random_table(tmp_path: Path) -> None:
    first = _package(tmp_path / "a", "--seed", "1", "--crowd", "200")
    second = _package(tmp_path / "b", "--seed", "2", "--crowd", "200")
    changed = {name for name in first if first[name] != second[name]}
    assert changed == set(first) - {"places.csv", "apps.csv", "trackers.csv"}


def test_the_class_trails_alone_are_the_data_packages_rows(nantes) -> None:
    """What a workshop page compares a teen with is the same class as in the published data."""
    alone, everything = class_trails(nantes, teens=12), generate(nantes, teens=12, crowd_size=50)
    assert all(alone[name].equals(everything[name]) for name in PERSONAL_TABLES)
    answers = class_trails(nantes, teens=12, tables=("consent_events",))  # computed alone: the same rows
    assert list(answers) == ["consent_events"] and answers["consent_events"].equals(everything["consent_events"])
