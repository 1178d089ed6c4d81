"""A build that cannot succeed says why and how to fix it, and leaves nothing half-written behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from offline import REFUSING_PROXY
from ruamel.yaml import YAML

from kit.site import DISTRIBUTION_VARIABLE, PINS, SiteReport


def _build(tmp_path: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kit", "build", "--out", str(tmp_path / "site"), *arguments],
                          capture_output=True, text=True, check=False, env={**os.environ, **(env or {})})


def _nothing_written(tmp_path: Path) -> bool:
    return not (tmp_path / "site").exists() and not list(tmp_path.glob(".part-*"))


def test_a_missing_full_distribution_is_named_with_where_to_get_it(tmp_path: Path) -> None:
    result = _build(tmp_path, "--pyodide", str(tmp_path / "pyodide-314.0.6.tar.bz2"))
    assert result.returncode == 2
    assert "--pyodide" in result.stderr and "introuvable / not found" in result.stderr
    assert "GitHub" in result.stderr and "Traceback" not in result.stderr
    assert _nothing_written(tmp_path)


def test_a_folder_that_is_not_a_pyodide_distribution_is_refused(tmp_path: Path) -> None:
    (tmp_path / "not-pyodide").mkdir()
    result = _build(tmp_path, "--pyodide", str(tmp_path / "not-pyodide"))
    assert result.returncode == 2 and "pyodide-lock.json" in result.stderr
    assert _nothing_written(tmp_path)


def test_a_distribution_for_another_python_is_refused_with_the_version_to_use(tmp_path: Path) -> None:
    old = tmp_path / "pyodide-0.26.4" / "pyodide"
    old.mkdir(parents=True)
    (old / "pyodide-lock.json").write_text(json.dumps({"info": {"python": "3.12.1"}, "packages": {}}))
    result = _build(tmp_path, "--pyodide", str(old.parent))
    assert result.returncode == 2
    assert "3.12.1" in result.stderr and "Pyodide 314.0.6" in result.stderr
    assert _nothing_written(tmp_path)


def test_a_folder_holding_other_files_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "photos.txt").write_text("someone's files")
    result = _build(tmp_path)
    assert result.returncode == 2 and "--out" in result.stderr
    assert (tmp_path / "site" / "photos.txt").read_text() == "someone's files"


def test_no_network_on_a_first_build_says_to_connect_once(tmp_path: Path) -> None:
    """An empty cache and no way out (a proxy that refuses): the message says what to do, not a traceback."""
    result = _build(tmp_path, env={"DATATRAIL_CACHE": str(tmp_path / "cache"), "https_proxy": "http://127.0.0.1:9",
                                   "HTTPS_PROXY": "http://127.0.0.1:9"})
    assert result.returncode == 2
    assert "registry.npmjs.org" in result.stderr and "connecte l'ordinateur à internet une fois" in result.stderr
    assert "Traceback" not in result.stderr
    assert _nothing_written(tmp_path)


def test_the_default_build_tries_pyodides_own_distribution_and_leaves_the_sandbox_site_when_it_cannot(
        tmp_path: Path, built_site: SiteReport) -> None:
    """No `--pyodide`: numpy and pandas are asked of the pinned address of Pyodide's distribution. Here it does not
    answer (a refusing proxy; npm's runtime and PyPI's wheels come from the cache `built_site` filled): the
    build names the address and why, in both languages, says how to finish later, and leaves the sandbox site."""
    env = {**os.environ, "https_proxy": REFUSING_PROXY, "HTTPS_PROXY": REFUSING_PROXY}
    env.pop(DISTRIBUTION_VARIABLE, None)
    result = subprocess.run([sys.executable, "-m", "kit", "build", "--out", str(tmp_path / "site")],
                            capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    pinned = YAML(typ="safe").load(PINS.read_text(encoding="utf-8"))["pyodide"]["full"]
    assert pinned == "https://cdn.jsdelivr.net/pyodide/v314.0.6/full/"
    assert f"{pinned}numpy-" in result.stdout
    assert "Je n'ai pas pu télécharger" in result.stdout and "I could not download" in result.stdout
    assert "relance la même commande" in result.stdout and "run the same command again" in result.stdout
    assert (tmp_path / "site" / "index.html").is_file() and "Traceback" not in result.stderr
