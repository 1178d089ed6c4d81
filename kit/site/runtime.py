"""The Pyodide runtime a site carries: npm's core runtime by default, or a full distribution the builder has.

Pyodide loads its packages only from the folder its `pyodide-lock.json` sits in, so a site that carries
its runtime (`static/pyodide/`) fetches nothing from a CDN. npm's package is the core runtime: Python and
its standard library, with a lock that lists Pyodide's packages but not their files. numpy and pandas are
built for the browser only in Pyodide's full release distribution, which `--pyodide` accepts as a folder,
an archive or an address.
"""

from __future__ import annotations

import json
import re
import shutil
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kit.errors import KitError, Problem
from kit.site.downloads import cache_dir, cached_download
from kit.site.lite_compat import kernel_pyodide

__all__ = ["Runtime", "core_runtime", "given_runtime"]

LOCK = "pyodide-lock.json"
# What a page needs of the runtime itself; the rest of a distribution is packages (taken one by one,
# only those the workshops use) and files for Node.js or debugging (source maps, type declarations).
_RUNTIME_FILES = ("pyodide.mjs", "pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                  "package.json")
_ARCHIVE = re.compile(r"\.(tar\.bz2|tar\.gz|tgz|tar\.xz|tar|zip)$")


@dataclass(frozen=True)
class Runtime:
    """A Pyodide distribution on disk: the folder that holds its lock, and the lock."""

    folder: Path
    lock: dict

    @property
    def python(self) -> str:
        return self.lock["info"]["python"]

    def has_file(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def vendor(self, target: Path, packages: list[str], lock: dict) -> None:
        """Copy the runtime, the named package files and the (rewritten) lock into `target`."""
        target.mkdir(parents=True, exist_ok=True)
        for name in (*_RUNTIME_FILES, *packages):
            if self.has_file(name):
                shutil.copyfile(self.folder / name, target / name)
        (target / LOCK).write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def core_runtime(pins: dict) -> Runtime:
    """npm's core runtime at the version the kernel is built for, downloaded once and kept in the cache."""
    archive = cached_download(pins["npm"], algorithm="sha512", expected=pins["sha512"], folder="npm")
    folder = cache_dir() / "pyodide" / f"core-{pins['version']}"
    if not any(folder.rglob(LOCK)):
        _unpack(archive, folder)
    return _runtime(_lock_folder(folder, archive), expected_python=None)


def given_runtime(source: str, *, expected_python: str) -> Runtime:
    """A distribution named by the builder: a folder, an archive, or the address of an archive."""
    if re.match(r"^https?://", source):
        # The builder chose this address and no hash is published beside it; a damaged download still shows,
        # since Pyodide checks each package against the archive's own lock.
        archive = cached_download(source, algorithm="sha256", expected=None, folder="pyodide")
    else:
        archive = Path(source).expanduser()
        if not archive.exists():
            raise KitError(Problem(file=archive, line=None, field="--pyodide", found="introuvable / not found",
                                   expected="un dossier ou une archive de la distribution complète de Pyodide "
                                            "/ a folder or archive of Pyodide's full distribution",
                                   hint="télécharge pyodide-<version>.tar.bz2 depuis les versions de Pyodide "
                                        "sur GitHub / download pyodide-<version>.tar.bz2 from Pyodide's "
                                        "GitHub releases"))
    if archive.is_dir():
        return _runtime(_lock_folder(archive, archive), expected_python=expected_python)
    if not _ARCHIVE.search(archive.name):
        raise KitError(Problem(file=archive, line=None, field="--pyodide", found=archive.suffix or archive.name,
                               expected="un dossier, ou une archive .tar.bz2, .tar.gz, .zip / a folder, or a "
                                        ".tar.bz2, .tar.gz or .zip archive",
                               hint="donne le dossier décompressé ou l'archive de la version / give the "
                                    "release's unpacked folder or archive"))
    folder = cache_dir() / "pyodide" / _ARCHIVE.sub("", archive.name)
    if not any(folder.rglob(LOCK)):
        _unpack(archive, folder)
    return _runtime(_lock_folder(folder, archive), expected_python=expected_python)


def _runtime(folder: Path, *, expected_python: str | None) -> Runtime:
    lock = json.loads((folder / LOCK).read_text(encoding="utf-8"))
    python = lock.get("info", {}).get("python", "?")
    if expected_python and not python.startswith(expected_python + "."):
        raise KitError(Problem(file=folder / LOCK, line=None, field="info.python", found=python,
                               expected=f"Python {expected_python} (Pyodide {kernel_pyodide()}), la version que "
                                        f"le noyau du site attend / the version the site's kernel expects",
                               hint=f"prends la distribution de Pyodide {kernel_pyodide()} / use Pyodide "
                                    f"{kernel_pyodide()}'s distribution"))
    return Runtime(folder=folder, lock=lock)


def _lock_folder(folder: Path, source: Path) -> Path:
    """The folder holding the lock: a release archive keeps it in `pyodide/`, npm's in `package/`."""
    locks = sorted(folder.rglob(LOCK), key=lambda path: len(path.parts))
    if not locks:
        raise KitError(Problem(file=source, line=None, field="--pyodide", found=f"pas de {LOCK} / no {LOCK}",
                               expected="une distribution de Pyodide / a Pyodide distribution",
                               hint="donne l'archive pyodide-<version>.tar.bz2 (pas pyodide-core) / give the "
                                    "pyodide-<version>.tar.bz2 archive (not pyodide-core)"))
    return locks[0].parent


def _unpack(archive: Path, folder: Path) -> None:
    """Unpack into a temporary folder renamed at the end, so an interrupted build leaves no half runtime."""
    partial = folder.with_name(f".part-{folder.name}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        if archive.suffix == ".zip":
            with zipfile.ZipFile(archive) as bundle:
                bundle.extractall(partial)
        else:
            with tarfile.open(archive) as bundle:
                bundle.extractall(partial, filter="data")
    except (tarfile.TarError, zipfile.BadZipFile, EOFError) as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise KitError(Problem(file=archive, line=None, field="--pyodide", found=str(error),
                               expected="une archive lisible / a readable archive",
                               hint="télécharge-la à nouveau / download it again")) from None
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
