"""Preheated pages, `datatrail serve`'s default: once a workshop has been opened, Voilà keeps a kernel
that has already run its page, so the next teen's page opens at once; it must still open in that
teen's language and give its memory back."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from waiting import wait_for

from kit.page_env import LAUNCHER
from kit.workshops import workshops_root

WORKSHOP = "01_ma_journee"


@pytest.fixture(scope="module")
def room(serve_folder) -> Iterator:
    """A room of this module's own, where workshop 1 has been opened once (so its pool keeps a kernel)
    and no other test takes the waiting page."""
    with serve_folder(workshops_root()) as opened:
        urllib.request.urlopen(opened.url.replace(LAUNCHER, f"{WORKSHOP}.ipynb"), timeout=120).read()
        yield opened


def _open(room, open_workshop, lang: str | None = None) -> str:
    """Waits for the pool's kernel, opens workshop 1 and returns its kernel, checking it was that one: a
    kernel that was already running before the teen asked for the page."""
    waiting = wait_for(room.preheated, 60, "the pool to keep a kernel ready for the workshop")
    page = open_workshop(WORKSHOP, lang=lang)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=90_000)
    kernel = room.kernel_of(page.content())
    assert kernel in waiting, "the page did not come from the preheated pool"
    return kernel


@pytest.mark.parametrize(("lang", "profile"), [("en", "Create your profile"), (None, "Crée ton profil")])
def test_a_preheated_page_opens_in_the_language_asked(room, page: Page, open_workshop, lang: str | None,
                                                     profile: str) -> None:
    _open(room, open_workshop, lang)
    expect(page.get_by_text(profile)).to_be_visible(timeout=30_000)


def test_leaving_a_preheated_page_frees_its_kernel(room, page: Page, open_workshop) -> None:
    kernel = _open(room, open_workshop)
    page.goto("about:blank")
    wait_for(lambda: kernel not in room.kernels(), 30, "the preheated page's kernel to stop once the teen left")
