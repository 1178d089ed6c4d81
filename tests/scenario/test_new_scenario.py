"""`datatrail new`: an educator's scenario starts as a commented copy that checks, generates and serves
as it is, and nothing they already have is ever overwritten."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

from kit.scenario import load_scenario, resolve_scenario

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


def _datatrail(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *arguments], cwd=cwd, capture_output=True, text=True,
                          check=False)


def test_a_new_scenario_is_a_valid_copy_with_its_own_id_and_the_next_commands(tmp_path: Path) -> None:
    made = _datatrail("new", "lyon", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    path = tmp_path / "lyon" / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    assert "datatrail check lyon" in text and "datatrail serve --scenario lyon" in text  # the guide on top
    assert text.count("\n  id: lyon\n") == 1 and "\n  id: nantes\n" not in text
    assert load_scenario(path).meta.id == "lyon"
    checked = _datatrail("check", "lyon", cwd=tmp_path)
    assert checked.returncode == 0 and "« lyon » valide / valid" in checked.stdout
    generated = _datatrail("generate", "--scenario", "lyon", "--teens", "3", "--crowd", "40", "--out", "data", "-q",
                           cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert (tmp_path / "data" / "datapackage.json").is_file()


def test_an_existing_folder_or_a_bad_name_is_refused_and_nothing_is_touched(tmp_path: Path) -> None:
    (tmp_path / "lyon").mkdir()
    (tmp_path / "lyon" / "scenario.yaml").write_text("mes notes")
    again = _datatrail("new", "lyon", cwd=tmp_path)
    assert again.returncode == 2 and "existe déjà" in again.stderr and "Traceback" not in again.stderr
    assert (tmp_path / "lyon" / "scenario.yaml").read_text() == "mes notes"
    for name in ("Lyon", "2lyon", "ly on", "../lyon"):
        refused = _datatrail("new", name, cwd=tmp_path)
        assert refused.returncode == 2 and "lowercase letters" in refused.stderr, name
    unknown = _datatrail("new", "paris", "--from", "atlantis", cwd=tmp_path)
    assert unknown.returncode == 2 and "datatrail list" in unknown.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["lyon"]


@pytest.mark.parametrize("city", ["lyon", "montreal"])
def test_serve_scenario_reaches_the_kernels_of_the_room(city: str, tmp_path: Path, serve_folder) -> None:
    """The workshops take the session's scenario when given none: Voilà's kernels must see it (an educator's
    folder, or the bundled second city)."""
    assert _datatrail("new", "lyon", cwd=tmp_path).returncode == 0
    scenario = tmp_path / "lyon" / "scenario.yaml" if city == "lyon" else resolve_scenario(city)
    root = tmp_path / "workshops"
    root.mkdir()
    code = ("from kit.scenario import default_scenario, load_scenario\n"
            "print('city:', load_scenario(default_scenario()).meta.id)")
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)], metadata=KERNEL),
                   root / "ville.ipynb")
    with serve_folder(root, scenario=scenario) as room:
        body = urllib.request.urlopen(room.url.replace("accueil", "ville"), timeout=120).read().decode("utf-8")
    assert f"city: {city}" in body


def test_serve_refuses_a_broken_scenario_before_starting(tmp_path: Path) -> None:
    broken = tmp_path / "scenario.yaml"
    broken.write_text("meta:\n  id: x\n", encoding="utf-8")
    result = _datatrail("serve", "--local", "--scenario", str(broken), cwd=tmp_path)
    assert result.returncode == 2 and str(broken) in result.stderr and "Traceback" not in result.stderr
