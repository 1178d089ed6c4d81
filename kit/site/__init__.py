"""`datatrail build`: the workshops as a static JupyterLite site where Python runs in the teen's browser.

Some youth centres have no laptop to run `datatrail serve`, or want teens to go on at home: the same
workshops then live in a folder (USB stick, any static host, a city's own server). The site carries
everything it loads — JupyterLite, the Pyodide runtime, every package, the kit, the scenario and its
data — so nothing is fetched from a third party when a teen opens it. This module configures
JupyterLite's own build (`jupyter lite build`) and prepares what it takes in; it does not reimplement it.

A teen sees a workshop, not code: each one opens in JupyterLite's console with the code hidden and one
cell that runs the workshop's notebook (`kit.lite`); the notebook itself is one click away.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from kit.errors import KitError, Problem
from kit.i18n import DEFAULT_AGES, use_ages, use_scenario_texts
from kit.i18n.formats import use_scenario_locale
from kit.lite import DISTRIBUTION, WORKSHOPS_EXTRA
from kit.output import SITE_MARKER, replaced_folder
from kit.scenario import Scenario, available_scenarios, load_scenario, resolve_scenario
from kit.site import lite_compat
from kit.site.archive import write_zip
from kit.site.babel_wheel import site_locales, write_babel_wheel
from kit.site.kit_wheel import write_kit_wheel
from kit.site.landing import write_landing
from kit.site.packages import Packages, normalize, select_packages
from kit.site.runtime import Runtime, core_runtime, given_runtime

__all__ = ["DISTRIBUTION_VARIABLE", "SiteReport", "build_site"]

PINS = Path(__file__).with_name("browser_packages.yaml")
#: Names another address for Pyodide's distribution than the one pinned (a centre's own mirror).
DISTRIBUTION_VARIABLE = "DATATRAIL_PYODIDE_URL"
# Dates in the built files come from here, so the same inputs give the same site.
_SOURCE_DATE_EPOCH = 315532800


@dataclass(frozen=True)
class SiteReport:
    """What was built, for the builder's terminal and the landing page."""

    out: Path
    total_bytes: int
    runtime_bytes: int
    kit_bytes: int
    missing: dict[str, str]
    #: The address of Pyodide's distribution that did not answer, and why ("" when it answered).
    unreachable_url: str = ""
    unreachable_reason: str = ""


def build_site(out: Path, *, scenario: str, pyodide: str | None, language: str, ages: str = DEFAULT_AGES,
               progress: Callable[[str], None] = lambda _: None) -> SiteReport:
    """Build the site into `out` (replaced only once the new one is complete); its workshops open for the age
    band `ages` (`kit.i18n.AGE_BANDS`). `pyodide`: a full distribution (folder, archive, or its address), or
    the address of a mirror laid out like Pyodide's (ending with "/"); by default npm's core runtime, with
    the packages the workshops need from Pyodide's own distribution (`DISTRIBUTION_VARIABLE` or the pin)."""
    pins = YAML(typ="safe").load(PINS.read_text(encoding="utf-8"))
    scenario_path = resolve_scenario(scenario)
    chosen = load_scenario(scenario_path)
    meta = chosen.meta
    with replaced_folder(out, marker=SITE_MARKER, command="datatrail build") as site, \
            tempfile.TemporaryDirectory(prefix=".lite-", dir=out.parent) as work:
        whole = None if pyodide is None or _is_mirror(pyodide) else pyodide
        distribution = None if whole else pyodide or os.environ.get(DISTRIBUTION_VARIABLE) or pins["pyodide"]["full"]
        progress("Pyodide : " + (whole or f"runtime de base / core runtime {pins['pyodide']['version']} (npm), "
                                          f"numpy et pandas / and numpy and pandas : {distribution}"))
        runtime = (given_runtime(whole, expected_python=lite_compat.kernel_python()) if whole
                   else core_runtime(pins["pyodide"]))
        kit_pins = pins["kit"]
        packages = select_packages(runtime, roots=[*pins["kernel"], *kit_pins["light"], *kit_pins[WORKSHOPS_EXTRA]],
                                   pins=pins["pypi"], provided=_kernel_provided(), distribution=distribution)
        lite = Path(work) / "lite"
        _vendor(runtime, packages, lite / "static" / "pyodide")
        (lite / "pypi").mkdir(parents=True)
        locales = site_locales([meta.locale, *(load_scenario(name).meta.locale for name in available_scenarios())])
        for wheel in packages.index_wheels:
            if normalize(wheel.name.partition("-")[0]) == "babel":
                write_babel_wheel(wheel, lite / "pypi", locales=locales)
            else:
                shutil.copyfile(wheel, lite / "pypi" / wheel.name)
        write_kit_wheel(lite / "pypi", light=kit_pins["light"], workshops=kit_pins[WORKSHOPS_EXTRA],
                        scenario=(meta.id, scenario_path))
        _write_contents(lite / "files", chosen, progress)
        _write_config(lite)
        progress("JupyterLite : construction / build")
        _lite_build(lite, site)
        report = _report(out, site, packages)
        use_scenario_texts(chosen.texts)  # the landing page in the city's own words
        use_scenario_locale(meta.locale, currency=meta.currency)
        use_ages(ages)  # and the workshops' introductions as the age band words them
        write_landing(site, report=report, scenario=meta, language=language, pyodide_version=pins["pyodide"]["version"],
                      data_file=f"files/{_data_file(meta.id)}", ages=ages)
    return report


def _is_mirror(pyodide: str) -> bool:
    """An address ending with "/" is a folder laid out like Pyodide's distribution; any other, an archive."""
    return pyodide.startswith(("http://", "https://")) and pyodide.endswith("/")


def _vendor(runtime: Runtime, packages: Packages, target: Path) -> None:
    runtime.vendor(target, packages.runtime_files, packages.lock)
    for wheel in packages.lock_wheels:
        shutil.copyfile(wheel, target / wheel.name)


def _write_contents(files: Path, scenario: Scenario, progress: Callable[[str], None]) -> None:
    """The notebooks (code view) and the scenario's data package (zipped), as files of the site."""
    from kit.engine.package import write_package
    from kit.engine.pipeline import generate
    from kit.workshops import available_workshops, workshops_root

    files.mkdir(parents=True)
    for stem in available_workshops():
        notebook = json.loads((workshops_root() / f"{stem}.ipynb").read_text(encoding="utf-8"))
        notebook["cells"].insert(0, _INSTALL_CELL)
        (files / f"{stem}.ipynb").write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    scenario_id, seed = scenario.meta.id, scenario.meta.seed
    progress(f"données synthétiques / synthetic data « {scenario_id} »")
    package = files.parent / "package"
    write_package(generate(scenario, seed=seed), scenario, seed=seed, out=package)
    # One zip: the CSV tables shrink tenfold (49 MB → 5 MB for nantes), and a file is what teens download.
    write_zip(files / _data_file(scenario_id),
              {f"{scenario_id}/{path.name}": path.read_bytes() for path in sorted(package.iterdir())})


# In the code view the kernel starts bare: the notebook's first cell installs the kit from the site.
_INSTALL_CELL = {"cell_type": "code", "execution_count": None, "id": "install-kit", "outputs": [],
                 "metadata": {"tags": ["datatrail-site"]},
                 "source": [f"%pip install \"{DISTRIBUTION}[{WORKSHOPS_EXTRA}]\""]}


def _data_file(scenario_id: str) -> str:
    return f"donnees-{scenario_id}.zip"


def _write_config(lite: Path) -> None:
    """Settings as data (`jupyter-lite.json`): never fall back to PyPI, no news or update checks, and no
    service worker. Browsers allow one only on https or localhost, so phones on the room's network
    (`http://192.168…`) never get it; without it everywhere, the laptop behaves as the phones do, and
    the kernel stops mirroring the site's files (it reads none: the kit brings its scenarios), which
    spared ~140 requests per start."""
    config = lite_compat.site_settings("Kit Traces de données")
    (lite / "jupyter-lite.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def _lite_build(lite: Path, site: Path) -> None:
    extensions = [f"--LiteBuildConfig.federated_extensions={_labextension(name)}"
                  for name in lite_compat.EXTENSIONS]
    command = [sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite), "--output-dir", str(site),
               "--no-sourcemaps", "--ignore-sys-prefix", f"--source-date-epoch={_SOURCE_DATE_EPOCH}",
               *(f"--apps={app}" for app in lite_compat.APPS), *extensions]
    result = subprocess.run(command, cwd=lite, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise KitError(Problem(file=None, line=None, field="jupyter lite build", found=tail,
                               expected="une construction JupyterLite réussie / a successful JupyterLite build",
                               hint="vérifie l'installation (pip install data-trail-kit) et la place sur le disque "
                                    "/ check the installation and free disk space"))


def _report(out: Path, site: Path, packages: Packages) -> SiteReport:
    def size(paths) -> int:
        return sum(path.stat().st_size for path in paths if path.is_file())

    return SiteReport(out=out, total_bytes=size(site.rglob("*")),
                      runtime_bytes=size((site / "static" / "pyodide").rglob("*")),
                      kit_bytes=size([*site.glob("pypi/data_trail_kit-*.whl"), *(site / "files").rglob("*")]),
                      missing=dict(packages.missing),
                      unreachable_url=packages.unreachable.url if packages.unreachable else "",
                      unreachable_reason=packages.unreachable.reason if packages.unreachable else "")


def _kernel_provided() -> set[str]:
    """Packages the Pyodide kernel brings in its own wheel index (its ipykernel and widgetsnbextension
    stand-ins, piplite), which the site must not shadow."""
    index = lite_compat.kernel_wheel_index(_labextension(lite_compat.KERNEL_EXTENSION))
    return set(json.loads(index.read_text(encoding="utf-8")))


def _labextension(name: str) -> Path:
    """Where a labextension installed with the kit is (the first of Jupyter's data folders that has it)."""
    from jupyter_core.paths import jupyter_path

    for root in jupyter_path("labextensions"):
        if (Path(root) / name).is_dir():
            return Path(root) / name
    raise KitError(Problem(file=None, line=None, field=name, found="absent",
                           expected="l'extension installée avec le kit / the extension installed with the kit",
                           hint="réinstalle le kit : pip install --force-reinstall data-trail-kit "
                                "/ reinstall the kit"))
