"""A builder's own Pyodide distribution (`--pyodide`) as a folder, an archive or an address: found, checked, and
only the packages the workshops use taken from it.

No full distribution can be downloaded here (it is published on GitHub, not on a package registry), so these
tests make one from npm's core runtime with numpy and pandas files added: what is checked is how the kit finds
and picks files, not numpy itself (the browser test with a real distribution needs DATATRAIL_PYODIDE_FULL)."""

from __future__ import annotations

import functools
import json
import shutil
import tarfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kit.site import PINS
from kit.site.packages import select_packages
from kit.site.runtime import core_runtime, given_runtime

#: Every test starts from npm's core runtime, downloaded once into the user's cache.
pytestmark = pytest.mark.network
PINS_DATA = YAML(typ="safe").load(PINS.read_text(encoding="utf-8"))
SCIENTIFIC = ("numpy", "pandas")


@pytest.fixture(scope="module")
def full_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pyodide-314.0.6.tar.bz2` laid out as Pyodide's releases are (`pyodide/…`), numpy and pandas included."""
    core = core_runtime(PINS_DATA["pyodide"])
    folder = tmp_path_factory.mktemp("release")
    shutil.copytree(core.folder, folder / "pyodide")
    for name in SCIENTIFIC:
        (folder / "pyodide" / core.lock["packages"][name]["file_name"]).write_bytes(b"a built wheel")
    archive = folder / "pyodide-314.0.6.tar.bz2"
    with tarfile.open(archive, "w:bz2") as bundle:
        bundle.add(folder / "pyodide", arcname="pyodide")
    return archive


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATATRAIL_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _selected(runtime):
    return select_packages(runtime, roots=[*PINS_DATA["kernel"], *PINS_DATA["kit"]["light"],
                                           *PINS_DATA["kit"]["workshops"]],
                           pins=PINS_DATA["pypi"], provided={"ipykernel", "piplite", "pyodide-kernel",
                                                             "widgetsnbextension"})


def test_an_archive_is_unpacked_once_and_numpy_and_pandas_come_from_it(full_archive: Path, cache: Path) -> None:
    runtime = given_runtime(str(full_archive), expected_python="3.14")
    assert runtime.python.startswith("3.14.") and cache in runtime.folder.parents
    packages = _selected(runtime)
    assert packages.missing == {}
    assert {runtime.lock["packages"][name]["file_name"] for name in SCIENTIFIC} <= set(packages.runtime_files)
    # pandas' own needs follow it, and nothing the workshops do not use is taken (the lock lists 356 packages)
    assert {"python-dateutil", "pytz", "numpy", "pandas"} <= set(packages.lock["packages"])
    assert len(packages.lock["packages"]) < 40
    assert given_runtime(str(full_archive), expected_python="3.14").folder == runtime.folder


def test_an_unpacked_folder_is_used_where_it_is(full_archive: Path, tmp_path: Path, cache: Path) -> None:
    with tarfile.open(full_archive) as bundle:
        bundle.extractall(tmp_path / "unpacked", filter="data")
    runtime = given_runtime(str(tmp_path / "unpacked"), expected_python="3.14")
    assert runtime.folder == tmp_path / "unpacked" / "pyodide"


def test_an_address_is_downloaded_into_the_cache(full_archive: Path, cache: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SimpleHTTPRequestHandler,
                                                                     directory=str(full_archive.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        runtime = given_runtime(f"http://127.0.0.1:{server.server_address[1]}/{full_archive.name}",
                                expected_python="3.14")
    finally:
        server.shutdown()
        server.server_close()
    assert (cache / "pyodide" / full_archive.name).is_file()
    assert json.loads((runtime.folder / "pyodide-lock.json").read_text())["info"]["python"].startswith("3.14.")
