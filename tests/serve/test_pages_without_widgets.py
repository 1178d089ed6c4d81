"""A page that shows no widget needs no kernel once drawn (`kit.serve.app.RoomPageHandler`): the launcher's
tab stays open behind every teen's workshop, and its kernel would hold memory for nothing all session."""

from __future__ import annotations

import time
import urllib.request

from kit.page_env import LAUNCHER


def _rendered(room, notebook: str) -> str:
    return urllib.request.urlopen(room.url.replace(LAUNCHER, notebook), timeout=120).read().decode()


def test_the_launcher_gives_its_kernel_back_once_drawn(room) -> None:
    page = _rendered(room, LAUNCHER)
    assert "Choisis un atelier" in page
    kernel = room.kernel_of(page)
    deadline = time.monotonic() + 10
    while kernel in room.kernels():
        assert time.monotonic() < deadline, "the launcher's kernel still runs once its page was sent"
        time.sleep(0.2)


def test_a_workshop_page_keeps_its_kernel(room) -> None:
    kernel = room.kernel_of(_rendered(room, "04_anonymat.ipynb"))
    time.sleep(2)
    assert kernel in room.kernels()
