"""What the teens answer lives in the room server's memory only: after a session in which the group screen
counted their answers, the files of the laptop are as before (no answer, no log of them, nothing left over)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from simulated_teens import teens_do

from kit.workshops import workshops_root


def _tree(*roots: Path) -> set[tuple[str, int]]:
    """Every file under `roots`, with its size; Python's own bytecode caches aside (they hold code, not data)."""
    return {(str(path), path.stat().st_size) for root in roots for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def test_a_session_leaves_the_files_as_they_were(serve_folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temporary.mkdir()
    monkeypatch.setenv("HOME", str(home))  # where Jupyter keeps its runtime files, unless told otherwise
    monkeypatch.setenv("TMPDIR", str(temporary))
    for variable in ("JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "XDG_DATA_HOME",
                     "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "IPYTHONDIR", "MPLCONFIGDIR"):
        monkeypatch.delenv(variable, raising=False)
    watched = (home, temporary, workshops_root(), Path.cwd())
    before = _tree(*watched)
    with serve_folder(workshops_root()) as room:
        teens_do(room.base, room.code, "01_ma_journee", range(5))
        assert os.environ["HOME"] == str(home)
    assert _tree(*watched) == before
