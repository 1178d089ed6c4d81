"""The kit itself as a wheel for the browser's installer, written from the installed package.

`datatrail build` runs from an installed kit as well as from a source checkout, offline, so the wheel is
zipped here rather than built by a build backend (which would fetch itself from PyPI). It holds what the
browser's kernel runs: the package without the laptop server's templates, the scenarios and the workshop
notebooks. Its requirements are split as in `browser_packages.yaml`: the light part (scenario validator,
Faker) installs with the core runtime; the `workshops` extra needs numpy and pandas.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import kit
from kit.lite import DISTRIBUTION, WORKSHOPS_EXTRA, WORKSHOPS_MARKER
from kit.scenario import SCENARIO_FILE, available_scenarios, scenarios_root
from kit.site.archive import write_zip
from kit.workshops import available_workshops, workshops_root

__all__ = ["write_kit_wheel"]

_TAG = "py3-none-any"
# The Voilà server, its page templates, the site builder and the printed guide run on a laptop, never in the
# browser; the scenarios and notebooks of an installed kit are taken with the rest of them below.
_NOT_FOR_BROWSER = ("serve/share/", "serve/app.py", "serve/room.py", "serve/session.py", "serve/capacity.py",
                    "serve/forked_kernels.py", "serve/kernel_template.py", "serve/address_check.py", "cli.py",
                    "__main__.py", "site/", "guide/", "output.py", "_scenarios/", "_workshops/", "_guides/")


def write_kit_wheel(folder: Path, *, light: list[str], workshops: list[str], scenario: tuple[str, Path]) -> Path:
    """Write the wheel into `folder` and return its path; `scenario` is (id, file) of the site's scenario,
    bundled beside the kit's own (an educator's city as well as Nantes)."""
    files = dict(_package_files())
    for name in available_scenarios():
        files[f"kit/_scenarios/{name}/{SCENARIO_FILE}"] = (scenarios_root() / name / SCENARIO_FILE).read_bytes()
    files[f"kit/_scenarios/{scenario[0]}/{SCENARIO_FILE}"] = scenario[1].read_bytes()
    for stem in available_workshops():
        files[f"kit/_workshops/{stem}.ipynb"] = (workshops_root() / f"{stem}.ipynb").read_bytes()
    dist_info = f"data_trail_kit-{kit.__version__}.dist-info"
    files[f"{dist_info}/METADATA"] = _metadata(light, workshops).encode()
    files[f"{dist_info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: data-trail-kit {kit.__version__}\n"
                                   f"Root-Is-Purelib: true\nTag: {_TAG}\n").encode()
    record = f"{dist_info}/RECORD"
    files[record] = "".join(f"{name},sha256={_hash(content)},{len(content)}\n"
                            for name, content in sorted(files.items())).encode() + f"{record},,\n".encode()
    return write_zip(folder / f"data_trail_kit-{kit.__version__}-{_TAG}.whl", files)


def _package_files():
    package = Path(kit.__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package).as_posix()
        if path.is_file() and "__pycache__" not in path.parts and not relative.startswith(_NOT_FOR_BROWSER):
            yield f"kit/{relative}", path.read_bytes()


def _metadata(light: list[str], workshops: list[str]) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {DISTRIBUTION}", f"Version: {kit.__version__}",
             "Summary: Kit Traces de données, dans le navigateur / Data Trail Kit, in the browser",
             "License: MIT", f"Provides-Extra: {WORKSHOPS_EXTRA}"]
    lines += [f"Requires-Dist: {requirement}" for requirement in light]
    lines += [f"Requires-Dist: {requirement}; {WORKSHOPS_MARKER}" for requirement in workshops]
    return "\n".join(lines) + "\n"


def _hash(content: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
