"""The `datatrail` command as youth workers and educators type it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import kit
from kit.cli import main


def _datatrail(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kit", *arguments], capture_output=True, text=True, cwd=cwd,
                          check=False)


def test_version() -> None:
    result = _datatrail("--version")
    assert result.returncode == 0 and kit.__version__ in result.stdout


def test_generate_writes_the_package_where_the_readme_says_with_progress(tmp_path: Path) -> None:
    result = _datatrail("generate", "--teens", "5", "--crowd", "50", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "datasets" / "generated" / "nantes"
    descriptor = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert len(descriptor["resources"]) == 12
    assert "crowd_pings" in result.stderr and "✓" in result.stderr
    assert result.stdout == ""


def test_quiet_generate_prints_nothing(tmp_path: Path, capsys) -> None:
    assert main(["generate", "--quiet", "--teens", "3", "--crowd", "20", "--out", str(tmp_path / "p")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_teens_and_crowd_options_size_the_tables(tmp_path: Path) -> None:
    assert main(["generate", "-q", "--teens", "12", "--crowd", "40", "--out", str(tmp_path / "p")]) == 0
    descriptor = json.loads((tmp_path / "p" / "datapackage.json").read_text("utf-8"))
    rows = {resource["name"]: resource["rows"] for resource in descriptor["resources"]}
    assert rows["personas"] == 12


def test_list_shows_the_default_scenario(capsys) -> None:
    assert main(["list"]) == 0
    assert "nantes" in capsys.readouterr().out


def test_no_command_prints_help_and_fails(capsys) -> None:
    assert main([]) == 2
    assert "generate" in capsys.readouterr().out


def test_an_output_folder_that_cannot_be_made_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder should go", encoding="utf-8")
    result = _datatrail("generate", "--teens", "2", "--crowd", "5", "--out", str(blocker / "package"))
    assert result.returncode == 1
    assert "not_a_folder" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should go"
