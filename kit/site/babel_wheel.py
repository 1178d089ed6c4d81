"""Babel's wheel for a site: its code, and CLDR's data for only the locales the site's pages write in.

Babel carries CLDR's data for about 1,000 locales (an 11 MB wheel, 33 MB unpacked), and each phone downloads
the wheel when a teen opens a workshop. A site's pages write in the kit's languages in the country of a
scenario the site carries (`kit.i18n.formats.page_locale`): the site's wheel keeps those locales, the ones
they take their data from (en_CA → en_001 → en → root, as Babel reads them) and Babel's global data. Babel
says it does not know a locale left out, and a page would then write in the language alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from zipfile import ZipFile

from kit.i18n import LANGUAGES
from kit.i18n.formats import page_locale
from kit.site.archive import write_zip

__all__ = ["site_locales", "write_babel_wheel"]

_LOCALE_DATA = "babel/locale-data/"


def site_locales(scenario_locales: Iterable[str]) -> set[str]:
    """The locales pages write in for scenarios of these `meta.locale`s, in every language of the kit, and
    those they inherit from."""
    from babel.core import get_global

    parents = get_global("parent_exceptions")
    kept = {"root"}
    for scenario_locale in scenario_locales:
        for language in LANGUAGES:
            name = str(page_locale(language, scenario_locale))
            while name != "root":
                kept.add(name)
                name = parents.get(name) or name.rpartition("_")[0] or "root"
    return kept


def write_babel_wheel(wheel: Path, folder: Path, *, locales: set[str]) -> Path:
    """A copy of Babel's `wheel` in `folder` with the data of `locales` only, its RECORD listing what it holds."""
    with ZipFile(wheel) as source:
        names = [name for name in source.namelist() if _kept(name, locales)]
        files = {name: source.read(name) for name in names}
    (record,) = [name for name in files if name.endswith(".dist-info/RECORD")]
    rows = [row for row in csv.reader(io.StringIO(files[record].decode("utf-8"))) if row and row[0] in files]
    written = io.StringIO()
    csv.writer(written, lineterminator="\n").writerows(rows)
    files[record] = written.getvalue().encode("utf-8")
    return write_zip(folder / wheel.name, files)


def _kept(name: str, locales: set[str]) -> bool:
    if not (name.startswith(_LOCALE_DATA) and name.endswith(".dat")):
        return True
    return name.removeprefix(_LOCALE_DATA).removesuffix(".dat") in locales
