"""The packages npm's core runtime lacks (numpy, pandas) come from Pyodide's own distribution for that version:
checked against the sha256 of the runtime's lock, kept in the cache so that a second build needs no network,
a tampered file refused by name, and an address that does not answer reported rather than fatal.

A local HTTP server laid out like the distribution (files named as the lock names them) stands in for Pyodide's;
the runtime is a test lock listing one package built for the browser, with the hash of the bytes served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.output import SITE_MARKER
from kit.site.downloads import cache_dir
from kit.site.packages import select_packages
from kit.site.runtime import Runtime

WHEEL = "lessons-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl"
CONTENT = b"a wheel built for the browser"


def _runtime(tmp_path: Path, content: bytes = CONTENT) -> Runtime:
    """A core runtime (no package files beside its lock) whose lock lists `lessons` with `content`'s hash."""
    folder = tmp_path / "core"
    folder.mkdir(exist_ok=True)
    entry = {"name": "lessons", "version": "1.0", "file_name": WHEEL, "depends": [], "imports": ["lessons"],
             "install_dir": "site", "package_type": "package", "sha256": hashlib.sha256(content).hexdigest()}
    return Runtime(folder=folder, lock={"info": {"python": "3.14.2"}, "packages": {"lessons": entry}})


def _select(runtime: Runtime, distribution: str):
    return select_packages(runtime, roots=["lessons"], pins={}, provided=set(), distribution=distribution)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty cache of its own: what one fetched must not serve another."""
    monkeypatch.setenv("DATATRAIL_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def served(tmp_path: Path) -> Path:
    (tmp_path / "served" / "full").mkdir(parents=True)
    (tmp_path / "served" / "full" / WHEEL).write_bytes(CONTENT)
    (tmp_path / "served" / SITE_MARKER).write_text("")  # the kit's static server serves only folders it marks
    return tmp_path / "served"


@pytest.fixture
def distribution(serve_site):
    """`distribution(folder)`: `folder` served on the loopback as Pyodide's distribution is (address ending "/")."""
    @contextmanager
    def serving(folder: Path) -> Iterator[str]:
        with serve_site(folder) as address:
            yield address + "full/"

    return serving


def test_a_package_the_core_runtime_lacks_is_fetched_checked_and_kept(tmp_path: Path, served: Path,
                                                                     distribution) -> None:
    runtime = _runtime(tmp_path)
    with distribution(served) as address:
        packages = _select(runtime, address)
    assert not packages.missing and packages.unreachable is None
    assert [wheel.read_bytes() for wheel in packages.lock_wheels] == [CONTENT]
    assert packages.lock_wheels[0].parent.is_relative_to(cache_dir())
    assert packages.lock["packages"]["lessons"]["sha256"] == hashlib.sha256(CONTENT).hexdigest()


def test_a_second_build_needs_no_network(tmp_path: Path, served: Path, distribution) -> None:
    runtime = _runtime(tmp_path)
    with distribution(served) as address:
        _select(runtime, address)
    packages = _select(runtime, address)  # the server is gone: the address refuses
    assert not packages.missing and packages.unreachable is None
    assert packages.lock_wheels[0].read_bytes() == CONTENT


def test_a_tampered_file_is_refused_by_name_and_nothing_of_it_stays(tmp_path: Path, served: Path,
                                                                   distribution) -> None:
    (served / "full" / WHEEL).write_bytes(b"something else")
    with distribution(served) as address, pytest.raises(KitError) as refused:
        _select(_runtime(tmp_path), address)
    assert WHEEL in refused.value.format() and "sha256" in refused.value.format()
    kept = cache_dir() / "pyodide" / "packages"
    assert not (kept / WHEEL).exists() and not list(kept.glob(".part-*"))


def test_an_address_that_does_not_answer_leaves_the_package_missing_and_says_where_and_why(
        tmp_path: Path, served: Path, distribution) -> None:
    with distribution(served) as address:
        pass  # the server is gone: its port refuses
    packages = _select(_runtime(tmp_path), address)
    assert packages.missing == {"lessons": "lessons"}
    assert packages.unreachable is not None and packages.unreachable.url == address + WHEEL
    assert "refused" in packages.unreachable.reason.lower()
    assert "lessons" not in packages.lock["packages"]
