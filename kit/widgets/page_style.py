"""The kit's stylesheet (`page.css`), carried by the page itself.

Why in the page rather than in Voilà's template: the same workshops run in JupyterLite's console on the
static site, where no template of the kit's own wraps them; a `<style>` the page writes reaches both, and the
launcher. It comes with the page from the laptop or the site: nothing is asked of a third party.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["page_style"]


@cache
def page_style() -> str:
    """`<style>` holding `page.css`, read once per process (the room's kernels share it: they are forked)."""
    return f"<style>{Path(__file__).with_name('page.css').read_text(encoding='utf-8')}</style>"
