"""A page that shows no widget needs no kernel once drawn (`kit.serve.app.RoomPageHandler`): the launcher's
tab stays open behind every teen's workshop, and its kernel would hold memory for nothing all session."""

from __future__ import annotations

import urllib.request

from waiting import wait_for

from kit.page_env import LAUNCHER


def _rendered(room, notebook: str) -> str:
    return urllib.request.urlopen(room.url.replace(LAUNCHER, notebook), timeout=120).read().decode()


def _launcher_drawn_and_given_back(room) -> None:
    kernel = room.kernel_of(page := _rendered(room, LAUNCHER))
    assert "Choisis un atelier" in page
    wait_for(lambda: kernel not in room.kernels(), 10, "the launcher's kernel to stop once its page was sent")


def test_the_launcher_gives_its_kernel_back_once_drawn(room) -> None:
    _launcher_drawn_and_given_back(room)


def test_a_workshop_page_keeps_its_kernel(room) -> None:
    kernel = room.kernel_of(_rendered(room, "04_anonymat.ipynb"))
    # Drawn after it, the launcher has given its own back: the room has had the time to give this one back too.
    _launcher_drawn_and_given_back(room)
    assert kernel in room.kernels()
