"""Zip files with the same bytes for the same content: entries sorted, dated 1980-01-01, readable by all.

A wheel and a data package are zipped this way, so that building a site twice gives the same files
(and a USB stick copied twice needs no new copy).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

__all__ = ["write_zip"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, content in sorted(files.items()):
            entry = zipfile.ZipInfo(name, date_time=_EPOCH)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(entry, content)
    return path
