"""`datatrail build` gives a folder that carries everything it loads, configured never to reach elsewhere."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from offline import UNREACHABLE_DISTRIBUTION

from kit.site import SiteReport
from kit.site.downloads import digest


def test_every_package_in_the_lock_is_in_the_site_with_its_own_hash(built_site: SiteReport) -> None:
    """Pyodide checks each package against the lock: a PyPI wheel listed with Pyodide's hash would fail to
    load, and a listed package without its file would send the kernel looking elsewhere."""
    pyodide = built_site.out / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    assert {"micropip", "ipython", "jedi", "traitlets"} <= set(lock["packages"])
    for name, entry in lock["packages"].items():
        wheel = pyodide / entry["file_name"]
        assert wheel.is_file(), name
        assert digest(wheel, "sha256") == entry["sha256"], name


def test_the_core_runtime_lacks_numpy_and_pandas_and_says_so(built_site: SiteReport) -> None:
    """Pyodide's distribution did not answer (tests/offline.py): the site is built without them, and says so."""
    assert set(built_site.missing) == {"numpy", "pandas"}
    assert built_site.unreachable_url.startswith(UNREACHABLE_DISTRIBUTION + "numpy-")
    lock = json.loads((built_site.out / "static" / "pyodide" / "pyodide-lock.json").read_text())
    assert not {"numpy", "pandas"} & set(lock["packages"])
    landing = (built_site.out / "index.html").read_text()
    assert "datatrail build --pyodide" in landing


def test_the_kernel_never_falls_back_to_pypi_and_loads_pyodide_from_the_site(built_site: SiteReport) -> None:
    config = json.loads((built_site.out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    # Phones on the room's plain-http network get no service worker: the laptop must behave the same.
    assert "@jupyterlite/application-extension:service-worker-manager" in config["disabledExtensions"]
    assert {extension["name"] for extension in config["federated_extensions"]} == {
        "@jupyter-widgets/jupyterlab-manager", "jupyterlab-plotly", "@jupyterlite/pyodide-kernel-extension"}


def test_the_landing_pages_link_only_inside_the_site(built_site: SiteReport) -> None:
    for page in ("index.html", "index.fr.html", "index.en.html"):
        html = (built_site.out / page).read_text()
        assert not re.search(r"(src|href)=\"(https?:)?//", html), page
    english = (built_site.out / "index.en.html").read_text()
    assert '<html lang="en">' in english and "<h1>Data Trail Kit</h1>" in english and "Français" in english


def test_the_kit_wheel_holds_what_the_browser_runs_and_nothing_of_the_laptop_server(built_site: SiteReport) -> None:
    (wheel,) = (built_site.out / "pypi").glob("data_trail_kit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kit/lite.py", "kit/scenario/checks.py", "kit/_scenarios/nantes/scenario.yaml",
            "kit/_workshops/01_ma_journee.ipynb", "kit/i18n/site.fr.yaml"} <= names
    assert not any(name.startswith(("kit/site/", "kit/serve/share/")) or "__pycache__" in name for name in names)
    metadata = zipfile.ZipFile(wheel).read(next(name for name in names if name.endswith("METADATA"))).decode()
    assert "Requires-Dist: faker" in metadata
    assert 'Requires-Dist: pandas; extra == "workshops"' in metadata


def test_the_kit_part_of_the_site_stays_under_10_mb(built_site: SiteReport) -> None:
    assert built_site.kit_bytes <= 10_000_000
    data = built_site.out / "files" / "donnees-nantes.zip"
    assert "nantes/datapackage.json" in zipfile.ZipFile(data).namelist()


def test_babel_comes_with_the_workshops_and_only_the_sites_locales(built_site: SiteReport) -> None:
    """CLDR's data for every country would be an 11 MB download on each phone (kit/site/babel_wheel.py)."""
    (kit_wheel,) = (built_site.out / "pypi").glob("data_trail_kit-*.whl")
    metadata = zipfile.ZipFile(kit_wheel).read(next(name for name in zipfile.ZipFile(kit_wheel).namelist()
                                                    if name.endswith("METADATA"))).decode()
    assert 'Requires-Dist: babel; extra == "workshops"' in metadata
    (wheel,) = (built_site.out / "pypi").glob("babel-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"babel/global.dat", "babel/locale-data/fr_FR.dat", "babel/locale-data/en_CA.dat"} <= names
    assert "babel/locale-data/de.dat" not in names and wheel.stat().st_size < 1_000_000


def test_files_are_readable_by_a_web_server_running_as_another_user(built_site: SiteReport) -> None:
    unreadable = [path for path in built_site.out.rglob("*") if path.is_file() and not path.stat().st_mode & 0o004]
    assert unreadable == []


def test_notebooks_in_the_code_view_install_the_kit_first(built_site: SiteReport) -> None:
    notebook = json.loads((built_site.out / "files" / "01_ma_journee.ipynb").read_text())
    assert notebook["cells"][0]["source"] == ['%pip install "data-trail-kit[workshops]"']
    assert any("MaJournee" in "".join(cell["source"]) for cell in notebook["cells"])


def test_building_again_replaces_the_old_site_with_the_same_bytes(built_site: SiteReport, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from kit.output import SITE_MARKER
    from kit.site import DISTRIBUTION_VARIABLE, build_site

    monkeypatch.setenv(DISTRIBUTION_VARIABLE, UNREACHABLE_DISTRIBUTION)  # as `built_site` was built

    old = tmp_path / "site"
    old.mkdir()
    (old / SITE_MARKER).write_text("")
    (old / "stale.txt").write_text("from an older build")
    again = build_site(old, scenario="nantes", pyodide=None, language="fr")
    assert not (old / "stale.txt").exists() and not list(tmp_path.glob(".part-*"))
    files = sorted(path.relative_to(built_site.out) for path in built_site.out.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(again.out) for path in again.out.rglob("*") if path.is_file())
    changed = [name for name in files if (again.out / name).read_bytes() != (built_site.out / name).read_bytes()]
    assert changed == []


def test_an_educators_scenario_goes_into_the_wheel_under_its_id(tmp_path: Path, nantes) -> None:
    from kit.scenario import resolve_scenario
    from kit.site.kit_wheel import write_kit_wheel

    wheel = write_kit_wheel(tmp_path, light=["faker"], workshops=["pandas"],
                            scenario=("lyon", resolve_scenario("nantes")))
    assert "kit/_scenarios/lyon/scenario.yaml" in zipfile.ZipFile(wheel).namelist()
