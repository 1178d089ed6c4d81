"""Writing tables as a Frictionless data package: CSV files and a `datapackage.json` that describes them.

Byte-identical output for the same scenario and seed is a promise to educators (they can diff two
generations), so every value is formatted here explicitly, and the package carries no date of creation.
The package is written into a temporary folder next to the target, then swapped in: a crash or a
Ctrl-C never leaves a half-written data package behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from ruamel.yaml import YAML

from kit.errors import KitError, Problem
from kit.scenario.model import Scenario
from kit.version import __version__

__all__ = ["LICENSE", "schema", "table_names", "write_package"]

#: Rows formatted at once when writing: bounds memory, large enough to keep writing fast.
_ROWS_PER_SLICE = 200_000

LICENSE = {"name": "CC0-1.0", "title": "Creative Commons Zero v1.0 Universal",
           "path": "https://creativecommons.org/publicdomain/zero/1.0/"}


@cache
def schema() -> dict:
    """The declared tables, fields, types and fr/en descriptions (datapackage.yaml)."""
    text = resources.files("kit.engine").joinpath("datapackage.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


def table_names() -> tuple[str, ...]:
    return tuple(schema())


def write_package(tables: Mapping[str, pd.DataFrame], scenario: Scenario, *, seed: int, out: Path,
                  progress: Callable[[str], None] = lambda message: None) -> Path:
    """Write every table and the descriptor into `out`, replacing what was there only once all is written."""
    out = Path(out)
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        resources_meta = []
        for name in table_names():
            progress(f"{name}.csv")
            size, digest = _write_csv(staging / f"{name}.csv", name, tables[name])
            resources_meta.append(_resource(name, size, digest, len(tables[name])))
        descriptor = _descriptor(scenario, seed, resources_meta)
        (staging / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def _write_csv(path: Path, name: str, table: pd.DataFrame) -> tuple[int, str]:
    """Write one table as CSV in slices (memory stays flat for a 10x crowd); return its size and sha256."""
    fields = schema()[name]["fields"]
    columns = [field[0] for field in fields]
    if list(table.columns) != columns:
        raise ValueError(f"table {name} has columns {list(table.columns)}, the data package declares {columns}")
    digest = hashlib.sha256()
    size = 0
    with path.open("wb") as handle:
        for start in range(0, max(len(table), 1), _ROWS_PER_SLICE):
            piece = table.iloc[start:start + _ROWS_PER_SLICE]
            cells = [_formatted(piece[column], kind) for column, kind, *_ in fields]
            lines = ([",".join(columns)] if start == 0 else []) + list(map(",".join, zip(*cells)))
            data = ("\n".join(lines) + "\n").encode("utf-8")
            handle.write(data)
            digest.update(data)
            size += len(data)
    return size, digest.hexdigest()


def _formatted(values: pd.Series, kind: str) -> np.ndarray:
    """One column as CSV cells, the same way on every machine; missing values become empty cells.

    Each distinct value is formatted once (columns repeat a lot: ids, antenna cells, minutes), which
    makes writing several times faster than formatting every cell.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if kind == "datetime":
        text = np.datetime_as_string(np.asarray(uniques, dtype="datetime64[s]"), unit="s")
    elif kind == "date":
        text = np.datetime_as_string(np.asarray(uniques, dtype="datetime64[D]"), unit="D")
    elif kind == "boolean":
        text = np.where(np.asarray(uniques, dtype=bool), "true", "false")
    elif kind == "integer":
        text = np.asarray(uniques, dtype=np.int64).astype(str)
    elif kind == "number":
        text = np.asarray(uniques, dtype=np.float64).astype(str)
    else:
        text = np.array([_quoted(str(value)) for value in uniques], dtype=object)
    # Code -1 (missing) picks the empty cell appended last.
    return np.append(text.astype(object), "")[codes]


def _quoted(text: str) -> str:
    if any(char in text for char in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _resource(name: str, size: int, digest: str, rows: int) -> dict:
    spec = schema()[name]
    return {
        "name": name,
        "profile": "tabular-data-resource",
        "path": f"{name}.csv",
        "title": spec["title"]["fr"],
        "title_en": spec["title"]["en"],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": size,
        "hash": f"sha256:{digest}",
        "rows": rows,
        "schema": {"fields": [
            {"name": field, "type": kind, "description": french, "description_en": english}
            | ({"format": "%Y-%m-%dT%H:%M:%S"} if kind == "datetime" else {})
            for field, kind, french, english in spec["fields"]
        ]},
    }


def _descriptor(scenario: Scenario, seed: int, resources_meta: list[dict]) -> dict:
    title = scenario.meta.title
    return {
        "profile": "tabular-data-package",
        "name": f"data-trail-kit-{scenario.meta.id}-{seed}",
        "title": title.get("fr", next(iter(title.values()))),
        "title_en": title.get("en", ""),
        "description": "Données entièrement synthétiques, générées pour des ateliers d'éducation à la donnée. "
                       "Aucune personne réelle.",
        "description_en": "Entirely synthetic data, generated for data-literacy workshops. No real person.",
        "synthetic": True,
        "licenses": [LICENSE],
        "scenario": scenario.meta.id,
        "seed": seed,
        "generator": {"name": "data-trail-kit", "version": __version__},
        "resources": resources_meta,
    }


def _check_replaceable(out: Path) -> None:
    """Refuse to replace anything but an empty folder or an earlier data package of the kit."""
    if not out.exists():
        return
    is_package = out.is_dir() and (out / "datapackage.json").is_file()
    if is_package:
        try:
            is_package = json.loads((out / "datapackage.json").read_text("utf-8")).get("synthetic") is True
        except (ValueError, UnicodeDecodeError, AttributeError):
            is_package = False
    if not (is_package or (out.is_dir() and not any(out.iterdir()))):
        raise KitError(Problem(out, None, "--out", "un dossier vide, nouveau, ou un paquet de données déjà "
                                                   "généré par le kit / an empty or new folder, or a data "
                                                   "package the kit generated before",
                               found="un dossier ou fichier qui contient autre chose / a folder or file "
                                     "holding something else",
                               hint="choisis un autre dossier, par exemple datasets/generated/nantes "
                                    "/ pick another folder"))


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames, so readers see the old package or the new one, whole."""
    if not out.exists():
        os.replace(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
    os.replace(out, retired / out.name)
    os.replace(staging, out)
    shutil.rmtree(retired, ignore_errors=True)
