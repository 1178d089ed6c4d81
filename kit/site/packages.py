"""Which Python packages a site carries, and where each one comes from.

Starting from what the kernel installs when it starts and what the kit asks for, every requirement is
followed to a file: a package of the Pyodide distribution (copied from it), a pure-Python wheel of a
package Pyodide lists but the core runtime lacks (taken from PyPI and entered in the site's lock with
PyPI's own hash, since Pyodide's hashes are for its own builds), or a wheel for the kernel's installer
(piplite) when Pyodide does not list the package at all. A package built for the browser that the
runtime lacks (numpy, pandas in npm's core runtime) is taken from Pyodide's own distribution for that
version (its address, or a mirror laid out the same way), checked against the sha256 the lock lists and kept
in the cache; never from anywhere else. When that address does not answer, such a package is reported as
missing, with the address and why, and the site is built without it.
The site's lock keeps only the packages the site carries, so that a teen's `%pip install` of anything
else says "not found" at once instead of failing on a missing file.
"""

from __future__ import annotations

import copy
import json
import re
import urllib.parse
import zipfile
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement

from kit.errors import KitError, Problem
from kit.site.downloads import Unreachable, cached_download
from kit.site.runtime import Runtime

__all__ = ["Packages", "normalize", "select_packages"]

_PURE = re.compile(r"-(py3|py2\.py3)-none-any\.whl$")


def normalize(name: str) -> str:
    """A package name as indexes compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Packages:
    """What a site carries besides the runtime, and what it lacks."""

    lock: dict
    runtime_files: list[str] = field(default_factory=list)
    lock_wheels: list[Path] = field(default_factory=list)
    index_wheels: list[Path] = field(default_factory=list)
    #: package → the package that needs it, for packages built for the browser that the site lacks
    missing: dict[str, str] = field(default_factory=dict)
    #: The distribution's address that did not answer, and why (None: it answered, or none was asked).
    unreachable: Unreachable | None = None


def select_packages(runtime: Runtime, *, roots: list[str], pins: dict[str, str], provided: set[str],
                    distribution: str | None = None) -> Packages:
    """Follow `roots` through the runtime's lock, the `pins` (name → version, taken from PyPI) and what the
    kernel brings itself (`provided`); a package built for the browser that the runtime lacks comes from
    `distribution` (the address of Pyodide's packages for the runtime's version, ending with "/")."""
    # Pyodide resolves a package's `depends` by the lock's own keys: keep them as they are.
    keys = {normalize(key): key for key in runtime.lock["packages"]}
    pins = {normalize(name): version for name, version in pins.items()}
    environment = _browser_environment(runtime.python)
    chosen: dict[str, dict] = {}
    packages = Packages(lock={**runtime.lock, "packages": chosen})
    queue = [(normalize(root), root) for root in roots]
    seen: set[str] = set()
    while queue:
        name, needed_by = queue.pop(0)
        if name in seen or name in provided:
            continue
        seen.add(name)
        if name in keys:
            entry = copy.deepcopy(runtime.lock["packages"][keys[name]])
            if runtime.has_file(entry["file_name"]):
                packages.runtime_files.append(entry["file_name"])
            elif _PURE.search(entry["file_name"]):
                version = pins.get(name, entry["version"])
                wheel, sha256 = _pypi_wheel(name, version, needed_by)
                entry.update(file_name=wheel.name, sha256=sha256, version=version)
                packages.lock_wheels.append(wheel)
            elif wheel := _from_distribution(distribution, entry, packages):
                packages.lock_wheels.append(wheel)
            else:
                packages.missing[name] = normalize(needed_by)
                continue
            chosen[keys[name]] = entry
            queue += [(normalize(dependency), name) for dependency in entry.get("depends", [])]
        elif name in pins:
            wheel, _ = _pypi_wheel(name, pins[name], needed_by)
            packages.index_wheels.append(wheel)
            queue += [(normalize(requirement.name), name) for requirement in _requirements(wheel, environment)]
        else:
            raise KitError(Problem(
                file=Path(__file__).with_name("browser_packages.yaml"), line=None, field="pypi",
                found=f"{name} (demandé par / needed by {needed_by})",
                expected="chaque paquet que le navigateur charge, listé par Pyodide ou épinglé ici / every "
                         "package the browser loads, listed by Pyodide or pinned here",
                hint=f"ajoute « {name}: \"VERSION\" » sous pypi / add `{name}: \"VERSION\"` under pypi"))
    packages.runtime_files.sort()
    packages.lock_wheels.sort()
    packages.index_wheels.sort()
    return packages


#: A distribution that does not answer within this (a room's wifi without internet) is given up, not waited on.
_DISTRIBUTION_TIMEOUT_S = 20


def _from_distribution(distribution: str | None, entry: dict, packages: Packages) -> Path | None:
    """The package's file from Pyodide's distribution, checked against the lock's sha256 and kept in the cache
    (a `KitError` names a file whose hash is wrong). None without a distribution, or when it did not answer:
    the first failure is kept, and the other packages are not tried, since they would fail the same way."""
    if distribution is None or packages.unreachable is not None:
        return None
    try:
        return cached_download(urllib.parse.urljoin(distribution, entry["file_name"]), algorithm="sha256",
                               expected=entry["sha256"], folder="pyodide/packages", timeout_s=_DISTRIBUTION_TIMEOUT_S)
    except Unreachable as error:
        packages.unreachable = error
        return None


def _pypi_wheel(name: str, version: str, needed_by: str) -> tuple[Path, str]:
    """The pure-Python wheel of `name==version` from PyPI, and its sha256 as PyPI published it."""
    listing = f"https://pypi.org/pypi/{name}/json"
    files = _pypi_files(listing, name, version, refresh=False) or _pypi_files(listing, name, version, refresh=True)
    wheels = [entry for entry in files if _PURE.search(entry["filename"])]
    if not wheels:
        raise KitError(Problem(file=None, line=None, field=f"{name} {version}",
                               found=f"pas de wheel pur Python sur PyPI / no pure-Python wheel on PyPI "
                                     f"(demandé par / needed by {needed_by})",
                               expected="un wheel py3-none-any / a py3-none-any wheel",
                               hint="donne avec --pyodide la distribution complète de Pyodide, qui le contient "
                                    "/ give Pyodide's full distribution with --pyodide, which has it"))
    sha256 = wheels[0]["digests"]["sha256"]
    # Registry mirrors answer with addresses relative to the listing.
    url = urllib.parse.urljoin(listing, wheels[0]["url"])
    return cached_download(url, algorithm="sha256", expected=sha256, folder="pypi"), sha256


def _pypi_files(listing: str, name: str, version: str, *, refresh: bool) -> list[dict]:
    """The files of one release, from PyPI's listing of the package (kept, and fetched again only when it
    does not know the release yet)."""
    kept = cached_download(listing, algorithm="sha256", expected=None, folder="pypi", name=f"{name}.json",
                           refresh=refresh)
    return json.loads(kept.read_text(encoding="utf-8"))["releases"].get(version, [])


def _browser_environment(python: str) -> dict[str, str]:
    """Marker values inside Pyodide, to read a wheel's requirements as the browser's installer will."""
    return {"python_version": ".".join(python.split(".")[:2]), "python_full_version": python,
            "sys_platform": "emscripten", "platform_system": "Emscripten", "platform_machine": "wasm32",
            "implementation_name": "cpython", "platform_python_implementation": "CPython", "os_name": "posix",
            "extra": ""}


def _requirements(wheel: Path, environment: dict[str, str]) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as bundle:
        metadata = next(name for name in bundle.namelist() if name.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(bundle.read(metadata).decode("utf-8"))
    requirements = [Requirement(text) for text in headers.get_all("Requires-Dist") or []]
    return [requirement for requirement in requirements
            if requirement.marker is None or requirement.marker.evaluate(environment)]
