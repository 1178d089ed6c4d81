"""A kernel whose page went away without saying so (phone off, tab crashed) is culled once idle, so a
long session does not fill the laptop's memory; the serving command carries the setting."""

from __future__ import annotations

import urllib.request

from waiting import wait_for

from kit.serve import CULL_AFTER_S, voila_command
from kit.workshops import workshops_root


def test_serve_culls_disconnected_kernels_after_half_an_hour() -> None:
    command = voila_command(workshops_root(), host="127.0.0.1", port=8866, code="abc234")
    assert CULL_AFTER_S == 1800
    assert "--MappingKernelManager.cull_idle_timeout=1800" in command
    assert "--MappingKernelManager.cull_connected=False" in command  # a teen's open page keeps its kernel


def test_an_abandoned_kernel_is_culled(serve_folder) -> None:
    with serve_folder(workshops_root(), cull_after_s=3) as room:
        # A workshop page rendered, never connected again (the launcher gives its kernel back at once anyway).
        page = urllib.request.urlopen(room.url.replace("accueil", "04_anonymat"), timeout=60).read().decode()
        kernel = room.kernel_of(page)
        assert kernel in room.kernels()
        wait_for(lambda: kernel not in room.kernels(), 30, "the abandoned kernel to be culled")
