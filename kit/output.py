"""Folders the kit writes for people (a site, a guide, printable cards): complete or not there at all.

A youth worker may press Ctrl-C, fill a USB stick or point `--out` at the wrong folder. Each command
therefore writes into a fresh folder next to the target and swaps it in only once it is complete, and it
replaces an existing folder only if the same command made it (a marker file says so): someone's own
files are never deleted.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kit.errors import KitError, Problem

__all__ = ["SITE_MARKER", "replaced_folder"]

#: The marker of a site `datatrail build` made: also how `datatrail serve --static` knows a folder is one.
SITE_MARKER = ".datatrail-site"


@contextmanager
def replaced_folder(out: Path, *, marker: str, command: str) -> Iterator[Path]:
    """Yield an empty folder to fill; on success it becomes `out` (and carries `marker`), else it vanishes."""
    _check_out(out, marker=marker, command=command)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".part-{out.name}-", dir=out.parent))
    try:
        fresh = work / "new"
        fresh.mkdir()
        yield fresh
        (fresh / marker).write_text(f"Construit par / built by {command}\n", encoding="utf-8")
        if out.exists():
            out.rename(work / "previous")
        fresh.rename(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_out(out: Path, *, marker: str, command: str) -> None:
    """Refuse to replace a folder this command did not make: it may hold someone's files."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / marker).is_file())):
        raise KitError(Problem(file=out, line=None, field="--out",
                               found=f"un dossier qui n'a pas été fait par {command} / a folder {command} did not make",
                               expected=f"un dossier vide, nouveau, ou déjà fait par {command} "
                                        f"/ an empty or new folder, or one made by {command}",
                               hint="choisis un autre dossier avec --out / pick another folder with --out"))
