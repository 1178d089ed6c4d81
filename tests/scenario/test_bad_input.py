"""A broken scenario gets a clear message — file, line, field, what was expected, how to fix — exit
status 2, no traceback, and nothing written. One case per way an educator's edit can go wrong."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.cli import main
from kit.scenario import resolve_scenario

NANTES = resolve_scenario("nantes").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Edit:
    """Replace the first match of `pattern` (a regex on the default scenario) by `replacement`.

    The problem is expected on the line where the replacement ends, or on the first line of the edited
    text matching `reported_at` (for problems reported at their block, or where the YAML parser notices).
    """

    pattern: str
    replacement: str
    field: str
    expected: str
    reported_at: str = ""

    def apply(self, text: str) -> tuple[str, int]:
        match = re.search(self.pattern, text, flags=re.MULTILINE)
        assert match, f"the default scenario no longer contains {self.pattern!r}: update this test"
        replaced = match.expand(self.replacement)
        edited = text[:match.start()] + replaced + text[match.end():]
        position = match.start() + len(replaced.rstrip("\n"))
        if self.reported_at:
            position = re.search(self.reported_at, edited, flags=re.MULTILINE).start()
        return edited, edited.count("\n", 0, position) + 1


EDITS = {
    "yaml syntax": Edit(r"^(\s*)city:", r"\1city: [unclosed", "", "YAML", reported_at=r"^\s*name: Nantes"),
    "missing key": Edit(r"^\s*seed: .*\n", "", "meta.seed", "seed", reported_at=r"^meta:"),
    "unknown key": Edit(r"\bresidents:", "residentz:", "crowd.residentz", "residents"),
    "wrong type": Edit(r"^(\s*)count: \d+", r"\1count: trente", "teens.count", "un nombre"),
    "coordinate outside the city": Edit(r"\blat: 47\.\d+", "lat: 48.8566", "places[0].lat", "dans Nantes"),
    "decimal comma": Edit(r"\bcell_size_m: (\d+)", r"cell_size_m: \1,5", "crowd.cell_size_m", "point décimal"),
    "decimal comma in a flow mapping": Edit(r"\blat: 47\.(\d+)", r"lat: 47,\1", "places[0]", "point décimal"),
    "unknown place": Edit(r"(canteen:\n(?:.*\n)*?\s*- \{?\s*place: )(\w+)", r"\1college_imaginaire",
                          "canteen.schools[0].place", "school"),
    "unknown app": Edit(r"(apps:\n(?:.*\n)*?.*\btrackers: \[)(\w+)", r"\1traqueur_inconnu",
                        "apps[0].trackers[0]", "traqueur"),
    "duplicate ids": Edit(r"(places:\n(?:.*\n)*?.*\bid: )(\w+)((?:.*\n)*?.*\bid: )(\w+)", r"\1\2\3\2",
                          "places[1].id", "unique"),
    "negative count": Edit(r"\bresidents: \d+", "residents: -200", "crowd.residents", "entre 1 et"),
    "share written as a percentage": Edit(r"\bphone_share: [\d.]+", "phone_share: 92", "teens.phone_share",
                                          "entre 0.0 et 1.0"),
    "unknown choice": Edit(r"\bcategory: ads\b", "category: pub", "trackers", "ads"),
    "duplicate key": Edit(r"^(\s*)(seed: .*)$", r"\1\2\n\1\2", "", "une seule fois"),
    "no first names": Edit(r"\bfirst_names: \[[^\]]*\]", "first_names: []", "teens.first_names",
                           "au moins un prénom"),
    "first name listed twice": Edit(r"\bChloé, Léa,", "Chloé, chloé,", "teens.first_names[2]", "une seule fois"),
    "number instead of a first name": Edit(r"\bJade,", "2012,", "teens.first_names[3]", "un prénom en lettres"),
    "block instead of a first name": Edit(r"\bJade,", "{prénom: Jade},", "teens.first_names[3]", "un texte"),
}


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", str(path)])
    captured = capsys.readouterr()
    return status, captured.err


def test_the_default_scenario_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nantes"]) == 0
    assert "valide / valid" in capsys.readouterr().out


def test_an_empty_file_says_it_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_text("\n  \n", encoding="utf-8")
    status, message = _check(path, capsys)
    assert status == 2 and "fichier vide / an empty file" in message


def test_a_non_utf8_file_names_the_line_of_the_bad_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_bytes(NANTES.replace("Nantes", "Nantes Métropole", 1).encode("latin-1", errors="replace"))
    line = NANTES[:NANTES.index("Nantes")].count("\n") + 1
    status, message = _check(path, capsys)
    assert status == 2 and "UTF-8" in message and f"ligne {line}" in message


def test_every_problem_is_listed_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, _ = EDITS["negative count"].apply(NANTES)
    text, _ = EDITS["wrong type"].apply(text)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    status, message = _check(path, capsys)
    assert status == 2 and "crowd.residents" in message and "teens.count" in message


def test_a_missing_scenario_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    status, message = _check(Path("atlantide"), capsys)
    assert status == 2 and "nantes" in message


def test_generate_with_a_broken_scenario_writes_nothing(tmp_path: Path) -> None:
    """Through the real console entry point, as an educator would run it."""
    text, _ = EDITS["decimal comma"].apply(NANTES)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "kit", "generate", "--scenario", str(path), "--out", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "cell_size_m" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scenario.yaml"]


def test_bad_command_line_values_are_refused_before_any_work(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["generate", "--teens", "-3"])
    assert stop.value.code == 2
    assert "au moins / at least 1" in capsys.readouterr().err


#: Found by the property-based tests (test_scenario_properties.py): each one crashed, or left a problem
#: without a line or without a fix, before the loader learnt it.
FOUND_BY_PROPERTIES = {
    "infinite count": Edit(r"^(\s*)count: \d+", r"\1count: .inf", "teens.count", "un nombre fini"),
    "not a number": Edit(r"\bweight: 1\.2\b", "weight: .nan", "places[0].weight", "un nombre fini"),
    "huge weight": Edit(r"\bweight: 1\.2\b", "weight: 1.7e308", "places[0].weight", "entre 0 et 1000000"),
    "control character": Edit(r'name: "Centre-ville"', 'name: "Centre\x07ville"', "", "caractère de contrôle"),
    "date out of range": Edit(r"\bstart: 2026-03-16", "start: 9999-12-20", "meta.period.start",
                              "une date entre 1970-01-01"),
    "missing section": Edit(r"^consent:\n(?:(?:  .*)?\n)*", "", "consent", "la clé « consent »",
                            reported_at=r"^meta:"),
    "value instead of a block": Edit(r"\bages: \{min: 11, max: 17\}", "ages: 11", "teens.ages", "un bloc de clés"),
    "value instead of a list": Edit(r"\bshort_days: \[wednesday\]", "short_days: wednesday",
                                    "teens.school_day.short_days", "une liste"),
    "age out of range": Edit(r"\bages: \{min: 11, max: 17\}", "ages: {min: 11, max: 1e12}", "teens.ages.max",
                             "entre 0 et 99"),
    "bounds beyond the globe": Edit(r"\bsouth: 47\.17", "south: -147.17", "meta.city.bounds.south",
                                    "entre -90 et 90"),
    "city as big as a country": Edit(r"\bbounds: \{.*\}", "bounds: {south: -60, north: 60, west: -170, east: 170}",
                                     "crowd.cell_size_m", "antennes", reported_at=r"^\s*cell_size_m:"),
}


@pytest.mark.parametrize("case", sorted(EDITS) + sorted(FOUND_BY_PROPERTIES))
def test_each_broken_edit_is_reported_with_file_line_field_and_fix(case: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The hand-written cases, then those the property tests (test_scenario_properties.py) found."""
    edit = EDITS.get(case) or FOUND_BY_PROPERTIES[case]
    text, line = edit.apply(NANTES)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    status, message = _check(path, capsys)
    assert status == 2
    assert str(path) in message
    assert f"ligne {line}" in message, message
    assert edit.field in message
    assert edit.expected in message
    assert "à faire / fix:" in message
    assert "Traceback" not in message


def test_an_explicit_yaml_tag_that_cannot_be_built_names_its_line(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text, line = Edit(r"^(\s*)count: \d+", r'\1count: !!int "trente"', "", "").apply(NANTES)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    status, message = _check(path, capsys)
    assert status == 2 and f"ligne {line}" in message and "!!" in message and "à faire / fix:" in message


def test_keys_merged_from_an_anchor_are_read_like_the_others(tmp_path: Path) -> None:
    """`<<:` keys have no line of their own in ruamel.yaml: the loader used to crash looking it up."""
    text, _ = Edit(r"\bages: \{min: 11, max: 17\}", "ages: {<<: {min: 11}, max: 17}", "", "").apply(NANTES)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 0
