"""An installed kit (not a source checkout) still has its default scenario, schema, catalogs, workshops and
server templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


@pytest.mark.network  # pip builds in isolation: it fetches the build backend (hatchling) from PyPI
def test_the_wheel_bundles_the_default_scenario_and_schema(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
                    "-w", str(tmp_path), str(root)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("data_trail_kit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kit/_scenarios/nantes/scenario.yaml" in names
    assert "kit/engine/datapackage.yaml" in names
    assert {"kit/i18n/fr.yaml", "kit/i18n/en.yaml"} <= names
    assert {"kit/_workshops/accueil.ipynb", "kit/serve/share/voila/templates/datatrail/login.html"} <= names
    assert not any(name.startswith(("tests/", "datasets/")) for name in names)
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "datatrail = kit.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
