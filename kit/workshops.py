"""Where the workshop notebooks are: in the source tree, or copied into the installed package."""

from __future__ import annotations

from pathlib import Path

__all__ = ["available_workshops", "workshops_root"]


def workshops_root() -> Path:
    package = Path(__file__).resolve().parent
    installed = package / "_workshops"
    return installed if installed.is_dir() else package.parent / "workshops"


def available_workshops() -> list[str]:
    """Workshop stems ("01_ma_journee", …) in teaching order."""
    return sorted(path.stem for path in workshops_root().glob("[0-9][0-9]_*.ipynb"))
