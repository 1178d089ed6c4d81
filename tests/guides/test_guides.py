"""Facilitator guides: front matter, run-sheet minutes and French/English parity (Carpentries-style)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

GUIDES = Path(__file__).resolve().parents[2] / "facilitator_guide"
FRONT_MATTER = {"title", "duration_min", "ages", "group_size", "preparation_min", "objectives", "materials",
                "key_points", "licence"}
BLOCKS = {"say", "expected", "misconceptions", "facilitator note"}
STEMS = sorted(path.stem for path in (GUIDES / "fr").glob("*.md"))


def _parts(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return YAML(typ="safe").load(front), body


def _run_sheet_minutes(body: str) -> list[int]:
    table = body.split("\n## ", 3)[2]  # the section after the preparation checklist
    return [int(match) for match in re.findall(r"^\|\s*(\d+)\s*\|", table, flags=re.MULTILINE)]


def test_there_are_guides() -> None:
    assert STEMS


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_front_matter_and_minutes(stem: str, language: str) -> None:
    front, body = _parts(GUIDES / language / f"{stem}.md")
    assert set(front) == FRONT_MATTER
    assert sum(_run_sheet_minutes(body)) == front["duration_min"]
    assert all(block in BLOCKS for block in re.findall(r"^### (.+)$", body, flags=re.MULTILINE))


@pytest.mark.parametrize("stem", STEMS)
def test_french_and_english_have_the_same_structure(stem: str) -> None:
    (fr_front, fr_body), (en_front, en_body) = (_parts(GUIDES / language / f"{stem}.md") for language in ("fr", "en"))
    assert fr_front["duration_min"] == en_front["duration_min"]
    assert _run_sheet_minutes(fr_body) == _run_sheet_minutes(en_body)
    headings = [re.findall(r"^(#{2,3}) (\d\.)?", body, flags=re.MULTILINE) for body in (fr_body, en_body)]
    assert headings[0] == headings[1]
    steps = [re.findall(r"^## (\d\. [^(\n]+?)\s*(?:\(|$)", body, flags=re.MULTILINE) for body in (fr_body, en_body)]
    assert steps[0] == steps[1] and len(steps[0]) == 4
