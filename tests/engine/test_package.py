"""The data package on disk: what educators open in a spreadsheet and what workshops rely on."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import frictionless
import pytest

from kit.engine.package import schema, write_package
from kit.engine.pipeline import generate
from kit.errors import KitError
from kit.scenario.model import Scenario

SMALL = {"teens": 8, "crowd_size": 60}


@pytest.fixture(scope="module")
def small_tables(nantes: Scenario) -> dict:
    return generate(nantes, **SMALL)


def test_every_table_has_exactly_the_declared_columns(small_tables: dict, nantes: Scenario, tmp_path: Path) -> None:
    out = write_package(small_tables, nantes, seed=nantes.meta.seed, out=tmp_path / "pkg")
    descriptor = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert [resource["name"] for resource in descriptor["resources"]] == list(schema())
    for resource in descriptor["resources"]:
        with (out / resource["path"]).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [field["name"] for field in resource["schema"]["fields"]]
        assert len(rows) - 1 == resource["rows"]
        assert all(field["description"] and field["description_en"] for field in resource["schema"]["fields"])


def test_the_descriptor_says_synthetic_cc0_generator_scenario_and_seed(small_tables: dict, nantes: Scenario,
                                                                       tmp_path: Path) -> None:
    out = write_package(small_tables, nantes, seed=7, out=tmp_path / "pkg")
    descriptor = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert descriptor["synthetic"] is True
    assert descriptor["licenses"][0]["name"] == "CC0-1.0"
    assert descriptor["scenario"] == "nantes" and descriptor["seed"] == 7
    assert descriptor["generator"]["name"] == "data-trail-kit"


def test_values_are_written_the_iso_way(small_tables: dict, nantes: Scenario, tmp_path: Path) -> None:
    out = write_package(small_tables, nantes, seed=1, out=tmp_path / "pkg")
    with (out / "location_pings.csv").open(encoding="utf-8") as handle:
        first = next(csv.DictReader(handle))
    assert len(first["timestamp"]) == 19 and first["timestamp"][10] == "T"
    with (out / "personas.csv").open(encoding="utf-8") as handle:
        assert next(csv.DictReader(handle))["has_phone"] in ("true", "false")


def test_an_earlier_package_is_replaced_whole(small_tables: dict, nantes: Scenario, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    write_package(small_tables, nantes, seed=1, out=out)
    (out / "stale.csv").write_text("left over", encoding="utf-8")
    write_package(small_tables, nantes, seed=2, out=out)
    assert not (out / "stale.csv").exists()
    assert json.loads((out / "datapackage.json").read_text("utf-8"))["seed"] == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pkg"]


def test_a_folder_holding_something_else_is_never_replaced(small_tables: dict, nantes: Scenario,
                                                           tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mes notes", encoding="utf-8")
    with pytest.raises(KitError, match="--out"):
        write_package(small_tables, nantes, seed=1, out=tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mes notes"


def test_a_failure_midway_leaves_no_half_written_package(small_tables: dict, nantes: Scenario,
                                                         tmp_path: Path) -> None:
    broken = dict(small_tables, profiles=small_tables["profiles"].drop(columns=["evidence"]))
    with pytest.raises(ValueError, match="profiles"):
        write_package(broken, nantes, seed=1, out=tmp_path / "pkg")
    assert list(tmp_path.iterdir()) == []


def test_frictionless_tools_accept_the_package(small_tables: dict, nantes: Scenario, tmp_path: Path) -> None:
    """What an educator's open-data tools check: schema, types, row formats, sizes and hashes."""
    out = write_package(small_tables, nantes, seed=3, out=tmp_path / "pkg")
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])[:5]
