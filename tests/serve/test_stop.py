"""Stopping `datatrail serve` stops the whole room, however it is stopped: Ctrl-C in its terminal, SIGTERM
(`kill`, a shutdown), or SIGHUP (the terminal window closed). No kernel, template or server is left holding
memory, and the port is free at once for the next session."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request

import psutil
import pytest
from waiting import wait_for

#: `datatrail serve` started here, as a terminal starts it: no fixture does, so the tier is said.
pytestmark = pytest.mark.server
#: How each stop reaches the room: the terminal signals its whole foreground group; `kill` only the command.
STOPS = {"ctrl-c": (signal.SIGINT, "group"), "sigterm": (signal.SIGTERM, "command"),
         "terminal closed": (signal.SIGHUP, "group")}


@pytest.mark.parametrize("stop", STOPS)
def test_every_way_of_stopping_ends_every_process_of_the_room(stop: str, free_port) -> None:
    signum, target = STOPS[stop]
    port = free_port()
    # A session of its own, as a terminal gives the command: its signals reach this group, not pytest's.
    process = subprocess.Popen([sys.executable, "-m", "kit", "serve", "--local", "--port", str(port), "--code",
                                "salle7"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        while "Ctrl-C" not in (line := process.stdout.readline()):
            assert line, "datatrail serve ended before opening the room"
        workshop = f"http://127.0.0.1:{port}/voila/render/04_anonymat.ipynb?token=salle7"
        urllib.request.urlopen(workshop, timeout=120).read()  # a teen's page: its kernel, and a pool that fills
        # The teen's kernel and the one the pool keeps ready.
        wait_for(lambda: len(_kernels(process)) >= 2, 60, "the pool to keep a page ready")
        room = psutil.Process(process.pid).children(recursive=True)
        os.killpg(process.pid, signum) if target == "group" else process.send_signal(signum)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
    gone, alive = psutil.wait_procs(room, timeout=5)
    assert not alive, f"left running after {stop}: {[' '.join(left.cmdline()[:3]) for left in alive]}"
    with socket.socket() as again:  # as the next `datatrail serve` binds it (tornado sets SO_REUSEADDR)
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))


def _kernels(process: subprocess.Popen) -> list[psutil.Process]:
    return [child for child in psutil.Process(process.pid).children(recursive=True)
            if "ipykernel_launcher" in child.cmdline()]
