"""Leaving a page frees its kernel at once: a room of teens opening page after page must not fill
the laptop's memory with kernels nobody looks at any more."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from waiting import wait_for


@pytest.mark.parametrize("entry", ["qr_code", "typed_code"])
def test_leaving_a_page_shuts_its_kernel_down(room, page: Page, entry: str) -> None:
    """Whether the teen came with the QR code's address (code in the URL) or typed the code (cookie). (The
    launcher itself gives its kernel back as soon as it is drawn: tests/serve/test_pages_without_widgets.py.)"""
    if entry == "qr_code":
        page.goto(room.url)
    else:
        page.goto(f"{room.base}/voila/render/accueil.ipynb")
        page.get_by_label("Code de la salle").fill(room.code)
        page.get_by_role("button", name="Entrer").click()
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=60_000)
    page.goto(page.url.replace("accueil.ipynb", "04_anonymat.ipynb"))
    expect(page.get_by_role("button", name="Lancer le jeu")).to_be_visible(timeout=60_000)
    kernel = room.kernel_of(page.content())
    assert kernel in room.kernels()
    page.goto("about:blank")
    wait_for(lambda: kernel not in room.kernels(), 30, "the workshop's kernel to stop once its page was left")
