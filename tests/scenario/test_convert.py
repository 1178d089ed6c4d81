"""The converter reads the model's own type hints: unit cases on small blocks of YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kit.scenario.convert import Converter
from kit.scenario.model import Banner, Place, Range, Teens


def _convert(text: str, model: type) -> tuple[object, list]:
    converter = Converter(Path("scenario.yaml"))
    return converter.convert(YAML(typ="rt").load(text), model, "x"), converter.problems


def test_a_valid_block_becomes_the_dataclass_with_defaults() -> None:
    place, problems = _convert("{id: gare, name: Gare, kind: transit_stop, lat: 47.2, lon: -1.5}", Place)
    assert problems == []
    assert place == Place("gare", "Gare", "transit_stop", 47.2, -1.5)


def test_whole_numbers_are_accepted_where_decimals_are_expected() -> None:
    value, problems = _convert("{min: 11, max: 17}", Range)
    assert problems == [] and value == Range(11.0, 17.0)


def test_an_unknown_key_suggests_the_closest_one_and_gives_its_line() -> None:
    _, problems = _convert("id: gare\nname: Gare\nkind: transit_stop\nlat: 47.2\nlom: -1.5\n", Place)
    unknown = next(problem for problem in problems if problem.field == "x.lom")
    assert unknown.line == 5 and "lon" in unknown.hint
    missing = next(problem for problem in problems if problem.field == "x.lon")
    assert "missing key" in missing.found


def test_a_literal_outside_its_choices_suggests_one() -> None:
    _, problems = _convert("{id: g, name: G, kind: transit_stops, lat: 47.2, lon: -1.5}", Place)
    assert problems[0].field == "x.kind" and "transit_stop" in problems[0].hint


@pytest.mark.parametrize(("yaml", "expected"), [
    ("pre_ticked: oui", "true ou false"),
    ("vendors: 12.5", "nombre entier"),
    ("vendors: douze", "un nombre"),
    ("vendors: -1", "entre 0 et 10000"),
])
def test_wrong_scalars_say_what_was_expected(yaml: str, expected: str) -> None:
    base = {"id: b": None, "label: {fr: B, en: B}": None, "text: {fr: T, en: T}": None, "reject: first_layer": None,
            "pre_ticked: false": None, "granular_first_layer: false": None, "vendors: 10": None}
    key = yaml.split(":")[0]
    lines = [line for line in base if not line.startswith(key + ":")] + [yaml]
    _, problems = _convert("\n".join(lines), Banner)
    assert len(problems) == 1 and expected in problems[0].expected


def test_a_share_written_as_a_percentage_gets_a_hint() -> None:
    text = ("count: 30\nages: {min: 11, max: 17}\nfirst_names: [Léa]\nphone_share: 92\n"
            "habits_per_teen: {min: 1, max: 2}\nhabits: []\n")
    _, problems = _convert(text, Teens)
    assert problems[0].field == "x.phone_share" and "0.25" in problems[0].hint
