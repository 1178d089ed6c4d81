"""Same scenario + seed ⇒ byte-identical data package; another seed ⇒ other data."""

from __future__ import annotations

from pathlib import Path

from kit.cli import main


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
