"""Preheated pages, `datatrail serve`'s default: Voilà ran the workshop before any teen asked for it,
so the page opens at once; it must still open in the teen's language and give its memory back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kit.serve import LAUNCHER
from kit.workshops import workshops_root


@pytest.fixture(scope="module")
def room(serve_folder) -> Iterator:
    """A room of this module's own, so that no other test has taken its waiting page."""
    with serve_folder(workshops_root()) as opened:
        yield opened


def _open(room, page: Page, query: str = "") -> str:
    """Opens workshop 1 and returns the id of the kernel behind the page, after checking it was preheated
    (Voilà starts those with VOILA_PREHEAT=True; the process environment keeps its start values)."""
    page.goto(room.url.replace(LAUNCHER, "01_ma_journee.ipynb") + query)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=90_000)
    kernel = room.kernel_of(page.content())
    environment = Path(f"/proc/{room.kernels()[kernel]}/environ").read_bytes().split(b"\0")
    assert b"VOILA_PREHEAT=True" in environment, "the page did not come from the preheated pool"
    return kernel


@pytest.mark.parametrize(("query", "profile"), [("&lang=en", "Create your profile"), ("", "Crée ton profil")])
def test_a_preheated_page_opens_in_the_language_asked(room, page: Page, query: str, profile: str) -> None:
    _open(room, page, query)
    expect(page.get_by_text(profile)).to_be_visible(timeout=30_000)


def test_leaving_a_preheated_page_frees_its_kernel(room, page: Page) -> None:
    kernel = _open(room, page)
    page.goto("about:blank")
    deadline = time.monotonic() + 30
    while kernel in room.kernels():
        assert time.monotonic() < deadline, "the preheated page's kernel still runs after the teen left"
        time.sleep(0.2)
