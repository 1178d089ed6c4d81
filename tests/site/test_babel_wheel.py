"""A site's Babel keeps CLDR's data for its pages' locales only, and writes with it what the laptop writes."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import pytest

from kit.scenario import available_scenarios, load_scenario
from kit.site.babel_wheel import site_locales, write_babel_wheel

FORMATTED = """
import sys
sys.path.insert(0, sys.argv[1])
from datetime import date
import babel
from kit.i18n import formats
assert babel.__file__.startswith(sys.argv[1]), babel.__file__
for scenario_locale, currency in (("fr_FR", "EUR"), ("fr_CA", "CAD"), ("de_DE", "EUR")):
    formats.use_scenario_locale(scenario_locale, currency=currency)
    print([(str(formats.locale(language)), formats.money(1234.5, 2, language), formats.percent(0.864, language),
            formats.day_with_weekday(date(2023, 3, 14), language)) for language in ("fr", "en")])
"""


@pytest.fixture(scope="module")
def babel_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installed Babel zipped as its wheel is: the package, its data and its dist-info."""
    babel = distribution("babel")
    wheel = tmp_path_factory.mktemp("wheel") / f"babel-{babel.version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as bundle:
        for file in babel.files:
            if "__pycache__" not in file.parts and file.locate().is_file():
                bundle.write(file.locate(), file.as_posix())
    return wheel


def test_the_locales_are_the_kit_languages_in_each_scenario_country_and_what_they_inherit() -> None:
    locales = site_locales(load_scenario(name).meta.locale for name in available_scenarios())
    assert locales == {"root", "fr", "fr_FR", "fr_CA", "en", "en_001", "en_150", "en_FR", "en_CA"}


def test_the_site_wheel_writes_its_locales_as_the_full_one_with_a_fifteenth_of_its_size(babel_wheel: Path,
                                                                                        tmp_path: Path) -> None:
    site = write_babel_wheel(babel_wheel, tmp_path, locales=site_locales(["fr_FR", "fr_CA"]))
    assert site.name == babel_wheel.name and site.stat().st_size * 15 < babel_wheel.stat().st_size
    with zipfile.ZipFile(site) as bundle:
        names = set(bundle.namelist())
        record = next(name for name in names if name.endswith(".dist-info/RECORD"))
        listed = {line.split(",")[0] for line in bundle.read(record).decode().splitlines()}
        assert "babel/global.dat" in names and "babel/locale-data/de.dat" not in names
        assert listed == names
        bundle.extractall(tmp_path / "site")
    with zipfile.ZipFile(babel_wheel) as bundle:
        bundle.extractall(tmp_path / "full")
    written = {folder: subprocess.run([sys.executable, "-c", FORMATTED, str(tmp_path / folder)], capture_output=True,
                                      text=True, check=True).stdout.splitlines() for folder in ("site", "full")}
    assert written["site"][:2] == written["full"][:2]
    assert "('en_CA', '$1,234.50', '86%', 'Tuesday, March 14')" in written["site"][1]
    # A country the site has no data for: the language alone, as Babel writes it anywhere.
    assert [locale[0] for locale in ast.literal_eval(written["site"][2])] == ["fr", "en"]
