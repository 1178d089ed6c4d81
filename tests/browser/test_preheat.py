"""Preheated pages, `datatrail serve`'s default: once a workshop has been opened, Voilà keeps a kernel
that has already run its page, so the next teen's page opens at once; it must still open in that
teen's language and give its memory back."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kit.serve import LAUNCHER
from kit.workshops import workshops_root

WORKSHOP = "01_ma_journee.ipynb"


@pytest.fixture(scope="module")
def room(serve_folder) -> Iterator:
    """A room of this module's own, where workshop 1 has been opened once (so its pool keeps a kernel)
    and no other test takes the waiting page."""
    with serve_folder(workshops_root()) as opened:
        urllib.request.urlopen(opened.url.replace(LAUNCHER, WORKSHOP), timeout=120).read()
        yield opened


@pytest.fixture(scope="module")
def taken() -> set[str]:
    """Preheated kernels already handed to a page of this module."""
    return set()


def _preheated(room) -> set[str]:
    """Kernels Voilà started for its pool (it starts them with VOILA_PREHEAT=True; the process
    environment keeps its start values)."""
    found = set()
    for kernel, pid in room.kernels().items():
        try:
            if b"VOILA_PREHEAT=True" in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
                found.add(kernel)
        except OSError:
            continue
    return found


def _open(room, taken: set[str], page: Page, query: str = "") -> str:
    """Waits for a spare preheated kernel, opens workshop 1 and returns its kernel, checking it was that one."""
    deadline = time.monotonic() + 60
    while not _preheated(room) - taken:
        assert time.monotonic() < deadline, "the pool kept no kernel for the workshop after its first visit"
        time.sleep(0.2)
    time.sleep(2)  # Voilà hands a pool kernel out once its start is over
    page.goto(room.url.replace(LAUNCHER, WORKSHOP) + query)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=90_000)
    kernel = room.kernel_of(page.content())
    assert kernel in _preheated(room), "the page did not come from the preheated pool"
    taken.add(kernel)
    return kernel


@pytest.mark.parametrize(("query", "profile"), [("&lang=en", "Create your profile"), ("", "Crée ton profil")])
def test_a_preheated_page_opens_in_the_language_asked(room, taken: set[str], page: Page, query: str,
                                                     profile: str) -> None:
    _open(room, taken, page, query)
    expect(page.get_by_text(profile)).to_be_visible(timeout=30_000)


def test_leaving_a_preheated_page_frees_its_kernel(room, taken: set[str], page: Page) -> None:
    kernel = _open(room, taken, page)
    page.goto("about:blank")
    deadline = time.monotonic() + 30
    while kernel in room.kernels():
        assert time.monotonic() < deadline, "the preheated page's kernel still runs after the teen left"
        time.sleep(0.2)
