"""Files a site build takes from the package registries (npm, PyPI), kept in a cache and checked by hash.

A youth worker may build the site once at the library, on good wifi, and again in the youth centre with no
network: every download lands in a cache folder (`~/.cache/data-trail-kit`, or `DATATRAIL_CACHE`) and a
file already there is not fetched again. Each file is checked against the hash the registry published, so
a broken or tampered download never ends up on a USB stick handed to teens.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from kit.errors import KitError, Problem

__all__ = ["Unreachable", "cache_dir", "cached_download", "digest"]

_TIMEOUT_S = 60


class Unreachable(KitError):
    """The address did not answer with the file (no network, a name that does not resolve, an error status):
    unlike a file whose hash is wrong, a build may go on without it and say so."""

    def __init__(self, problem: Problem, *, url: str, reason: str) -> None:
        super().__init__(problem)
        self.url, self.reason = url, reason


def cache_dir() -> Path:
    """Where downloads are kept between builds."""
    if os.environ.get("DATATRAIL_CACHE"):
        return Path(os.environ["DATATRAIL_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "data-trail-kit"


def digest(path: Path, algorithm: str) -> str:
    """The file's hash as registries write it: hex for sha256 (PyPI), base64 for sha512 (npm)."""
    hasher = hashlib.new(algorithm)
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest() if algorithm == "sha256" else base64.b64encode(hasher.digest()).decode()


def cached_download(url: str, *, algorithm: str, expected: str | None, folder: str, name: str = "",
                    refresh: bool = False, timeout_s: float = _TIMEOUT_S) -> Path:
    """The file at `url` (kept as `name`, else its own name), from the cache or downloaded into it, once its
    hash is the expected one (`expected=None`: any file of that name already in the cache will do, unless
    `refresh`). `Unreachable` if the address does not give the file; a `KitError` if its hash is wrong."""
    target = cache_dir() / folder / (name or url.rsplit("/", 1)[-1])
    if target.is_file() and not refresh and (expected is None or digest(target, algorithm) == expected):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".part-", delete=False) as partial:
        try:
            with urllib.request.urlopen(url, timeout=timeout_s) as response:
                while block := response.read(1 << 20):
                    partial.write(block)
        except (urllib.error.URLError, OSError, ValueError) as error:
            partial.close()
            os.unlink(partial.name)
            reason = str(getattr(error, "reason", error))
            raise Unreachable(Problem(
                file=target, line=None, field=url, found=reason,
                expected="un accès au dépôt de paquets pour la première construction / "
                         "access to the package registry for the first build",
                hint=f"connecte l'ordinateur à internet une fois, puis relance : les fichiers restent dans "
                     f"{target.parent} / connect once and build again: files are kept in {target.parent}"),
                url=url, reason=reason) from None
    found = digest(Path(partial.name), algorithm)
    if expected is not None and found != expected:
        os.unlink(partial.name)
        raise KitError(Problem(
            file=target, line=None, field=url, found=f"{algorithm} {found}", expected=f"{algorithm} {expected}",
            hint="le fichier téléchargé est abîmé ou a changé : relance plus tard, ou signale-le aux "
                 "mainteneurs du kit / the download is damaged or changed: try again later, or tell the "
                 "kit's maintainers"))
    os.chmod(partial.name, 0o644)  # a web server reading the site as another user must be able to send it
    os.replace(partial.name, target)
    return target
