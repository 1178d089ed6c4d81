"""`datatrail build --scenario montreal --lang en`: the second city's site, its landing page in the city's own
words, its data package and its scenario in the browser's kit."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from offline import UNREACHABLE_DISTRIBUTION

from kit.site import DISTRIBUTION_VARIABLE


@pytest.mark.network  # a site build: npm's Pyodide runtime and PyPI's wheels, downloaded once into the user's cache
def test_the_montreal_site_speaks_of_its_cafeteria_and_carries_its_data(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "kit", "build", "--scenario", "montreal", "--lang", "en",
                             "--out", str(out), "-q"], capture_output=True, text=True, check=False,
                            env={**os.environ, DISTRIBUTION_VARIABLE: UNREACHABLE_DISTRIBUTION})
    assert result.returncode == 0, result.stderr
    landing = (out / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in landing and "How many at the cafeteria?" in landing and "Nantes Métropole wants" not in landing
    assert "Combien à la cafétéria ?" in (out / "index.fr.html").read_text(encoding="utf-8")
    assert (out / "files" / "donnees-montreal.zip").is_file()
    (wheel,) = (out / "pypi").glob("data_trail_kit-*.whl")
    assert "kit/_scenarios/montreal/scenario.yaml" in zipfile.ZipFile(wheel).namelist()
    assert "montreal" in landing  # the workshops' buttons open the site's scenario
