"""A session of `datatrail serve`: the room opened from the facilitator's terminal until it is stopped.

Laptop-only (the browser's copy of the kit leaves it out): it watches the room's processes and memory with
psutil, and stops the whole room — server, kernel template, kernels — however the terminal stops it: Ctrl-C,
SIGTERM, or SIGHUP when its window is closed.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from kit.page_env import LAUNCHER
from kit.scenario import load_scenario, resolve_scenario
from kit.serve import (
    forking_supported,
    lan_address,
    room_code,
    room_url,
    start,
    terminal_qr,
    wait_until_answering,
)
from kit.serve.address_check import warn_if_unreachable
from kit.serve.capacity import FORKED_PAGE_MB, SEPARATE_PAGE_MB, RoomCapacity
from kit.serve.group_screen import facilitator_code, group_url
from kit.workshops import workshops_root

__all__ = ["STOP_WITHIN_S", "room_size", "serve", "stop_room"]


def serve(*, local: bool, port: int, code: str | None = None, root: Path | None = None, preheat: bool = True,
          scenario: str | None = None, page: str = LAUNCHER, max_teens: int | None = None,
          group_k: int | None = None, ages: str | None = None, say: Callable[[str], None] = print) -> int:
    """Run the server until Ctrl-C, SIGTERM or the terminal's closing (SIGHUP); once it answers, print where
    teens connect, with a QR code, and how many teens the laptop holds, then warn if that address does not answer
    from the laptop itself (`kit.serve.address_check`; not with `local`). A `scenario` is checked first, so an
    educator's mistake shows here, with its line, not in every teen's page. `ages`: the session's age band
    (`kit.i18n.AGE_BANDS`; "11-13" gives plain texts), by default the texts for 11–17."""
    chosen = None
    if scenario is not None:
        chosen = resolve_scenario(scenario)
        load_scenario(chosen)
    code = code or room_code()
    facilitator = facilitator_code()
    bind = "127.0.0.1" if local else "0.0.0.0"
    host = "127.0.0.1" if local else lan_address()
    url = room_url(host, port, code)
    process = start(root or workshops_root(), host=bind, port=port, code=code, url=url, preheat=preheat,
                    scenario=chosen, max_teens=max_teens, group_k=group_k, facilitator=facilitator, ages=ages)
    with _stopped_by_signals():
        try:
            if not wait_until_answering(process, port):
                stop_room(process)
                say(f"Le serveur n'a pas démarré : le port {port} est peut-être déjà pris. "
                    f"Essaie datatrail serve --port {port + 1}\n"
                    f"The server did not start: port {port} may already be in use. "
                    f"Try datatrail serve --port {port + 1}")
                return 1
            say(f"Ateliers ouverts / workshops open: {url.replace(LAUNCHER, page)}")
            say(f"Code de la salle / room code: {code}")
            say(terminal_qr(url))
            say(room_size(max_teens))
            if page == LAUNCHER:
                say(f"Écran du groupe, pour toi seulement (ne projette pas ce terminal) / group screen, for you only "
                    f"(do not project this terminal): {group_url(host, port, facilitator)}")
            if not local:
                warn_if_unreachable(host, port, say)
            say("Ctrl-C pour arrêter / to stop")
            return process.wait()
        except _Stop:
            stop_room(process)
            return 0


def room_size(max_teens: int | None) -> str:
    """What the facilitator reads about the room's size: their own limit, or what the laptop's memory holds."""
    if max_teens is not None:
        return f"Jusqu'à {max_teens} ados à la fois (--max-teens) / up to {max_teens} teens at once"
    teens = RoomCapacity(page_mb=FORKED_PAGE_MB if forking_supported() else SEPARATE_PAGE_MB).room_left()
    return (f"Cet ordinateur a de la place pour environ {teens} ados à la fois ; au-delà, les suivants attendent "
            f"(--max-teens N pour choisir)\n"
            f"This laptop has room for about {teens} teens at once; beyond that, the next ones wait "
            f"(--max-teens N to choose)")


#: How long the server may take to end its kernels and exit before what is left of the room is killed.
STOP_WITHIN_S = 15


def stop_room(process: subprocess.Popen) -> None:
    """Stops the server and, whatever happens, every process of the room (kernels, their template): none is
    left behind holding memory or the port."""
    try:
        room = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        room = []
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=STOP_WITHIN_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for left in room:
        try:
            left.kill()
        except psutil.NoSuchProcess:
            continue


class _Stop(Exception):
    """Ctrl-C, SIGTERM or SIGHUP reached `datatrail serve`."""


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Turns Ctrl-C, SIGTERM and SIGHUP (the terminal window closed) into `_Stop` while the room is open."""

    def stop(signum: int, frame: object) -> None:
        raise _Stop

    asked = [signum for signum in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if signum]
    before = {signum: signal.signal(signum, stop) for signum in asked}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
