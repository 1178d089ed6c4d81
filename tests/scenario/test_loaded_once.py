"""A scenario is read and validated once per content: every page and every « C'est parti ! » asks for it, and
an educator who edits the file gets the edit (or its located error) on the next load, never a stale copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.errors import KitError
from kit.scenario import load_scenario, resolve_scenario, scenario_from_document
from kit.scenario.source import read_yaml

NANTES = resolve_scenario("nantes").read_text(encoding="utf-8")
#: An edit that validates, and one refused at `crowd.residents`.
SMALLER_CROWD, NEGATIVE_CROWD = (NANTES.replace("residents: 2000", f"residents: {count}", 1) for count in (500, -200))


def _copy(folder: Path, text: str = NANTES) -> Path:
    path = folder / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _message(path: Path) -> str:
    with pytest.raises(KitError) as raised:
        load_scenario(path)
    return raised.value.format()


def test_loading_again_gives_the_same_scenario_as_a_fresh_validation() -> None:
    path = resolve_scenario("nantes")
    loaded = load_scenario("nantes")
    assert load_scenario(path) is loaded and load_scenario(path.parent) is loaded
    assert loaded == scenario_from_document(read_yaml(path), path)


def test_an_edited_file_is_read_and_validated_again(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = load_scenario(path)
    assert before.crowd.residents == 2000
    path.write_text(SMALLER_CROWD, encoding="utf-8")
    assert load_scenario(path).crowd.residents == 500
    path.write_text(NEGATIVE_CROWD, encoding="utf-8")
    assert "crowd.residents" in _message(path)
    path.write_text(NANTES, encoding="utf-8")
    assert load_scenario(path) is before  # the same content again: the scenario validated the first time


def test_a_bad_file_gives_its_located_error_every_time_even_after_good_loads(tmp_path: Path) -> None:
    load_scenario("nantes")
    bad = _copy(tmp_path, NEGATIVE_CROWD)
    first = _message(bad)
    line = NEGATIVE_CROWD[:NEGATIVE_CROWD.index("residents: -200")].count("\n") + 1
    assert f"{bad}, ligne {line} — crowd.residents" in first
    load_scenario("nantes")
    assert _message(bad) == first


def test_a_file_that_disappears_is_an_error_not_the_scenario_it_held(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    load_scenario(path)
    path.unlink()
    assert "scenario.yaml" in _message(path)
