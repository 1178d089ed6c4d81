"""`datatrail serve`: the workshops in app mode, from the facilitator's laptop to the room.

This configures standalone Voilà rather than reimplementing it (`kit.serve.app` adds compression,
caching and a steadier pool of preheated kernels). Standalone (not as a Jupyter server extension)
because it only lets browsers send widget messages over the kernel websocket: teens can use the
widgets but cannot run code of their choosing on the laptop. The room code is Voilà's token: the
QR code and the printed address carry it, and a browser without it gets a friendly refusal page from
the kit's template, which also removes the only third-party request of Voilà's page template.
"""

from __future__ import annotations

import io
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

import segno

from kit.page_env import LAUNCHER, page_variables

__all__ = ["PROVISIONER", "forking_supported", "lan_address", "room_code",
           "room_url", "start", "terminal_qr", "voila_command", "wait_until_answering"]

#: The kernel provisioner that forks teens' kernels from the room's template (`kit.serve.forked_kernels`),
#: as named in the package's entry points.
PROVISIONER = "datatrail-forked-kernels"
#: Letters and digits nobody confuses when typing from a projector (no 0/O, 1/l/I).
_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_TEMPLATES = Path(__file__).resolve().parent / "share"


def room_code(length: int = 6) -> str:
    """A short random code for this session's room."""
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))


def lan_address() -> str:
    """The laptop's address on the local network, as teens' phones will reach it (IPv4, not loopback).

    First the machine's own name resolution; many laptops map their name to 127.0.1.1 there, so then
    the address the system would send from on its default route: "connecting" a UDP socket only looks
    the route up, nothing is sent on the network.
    """
    try:
        candidates = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        candidates = set()
    usable = sorted(address for address in candidates if not address.startswith("127."))
    if usable:
        return usable[0]
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737): routed like the wider network, never used
            routed = probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    return routed if not routed.startswith(("127.", "0.")) else "127.0.0.1"


def forking_supported() -> bool:
    """Fork and pidfd (Linux 5.3 and later): elsewhere (Windows, macOS) kernels start as programs of their own."""
    return hasattr(os, "fork") and hasattr(os, "pidfd_open") and sys.platform == "linux"


def room_url(host: str, port: int, code: str) -> str:
    return f"http://{host}:{port}/voila/render/{LAUNCHER}?token={code}"


#: How long a browser keeps page code without asking: a session and its debrief. Not longer, since some
#: of these files keep their name when Voilà, the kit or a built site is upgraded between sessions.
SESSION_CACHE_S = 4 * 60 * 60


#: A kernel whose page lost its connection (phone locked, tab crashed) is shut down after this long
#: without activity: long enough for a debrief with phones away, short enough to give the memory back
#: during a session. Pages that are closed or left free their kernel at once (the template's
#: release_kernel.js); connected kernels are never culled.
CULL_AFTER_S = 30 * 60


#: A cell still running after this long is stopped and the page shows its friendly error: a teen
#: sees "reload" instead of a spinner that never ends. Workshop cells take a second or two.
CELL_TIMEOUT_S = 120


def voila_command(root: Path, *, host: str, port: int, code: str, cull_after_s: int = CULL_AFTER_S,
                  cell_timeout_s: int = CELL_TIMEOUT_S, preheat: bool = True, max_teens: int | None = None,
                  group_k: int | None = None) -> list[str]:
    """The Voilà command line: app mode, the kit's template, no tracebacks, no browser opened here.

    `preheat`: once a workshop has been opened, it keeps one kernel that has already run its page,
    waiting for the next teen (Voilà's pool, started on demand by `kit.serve.app`), so a page opens at
    once; it costs the laptop a page per workshop in use (~60 MB with forked kernels, ~150 MB without).
    The launcher draws in a second anyway and is never preheated.

    `max_teens`: teens' pages open at once; by default, as many as the laptop's memory holds
    (`kit.serve.capacity`). `group_k`: answers a figure of the group screen waits for (`kit.group.board`).
    """
    return [
        sys.executable, "-m", "kit.serve.app", str(root),
        "--no-browser",
        "--Voila.log_level=WARN",  # the facilitator's terminal keeps the room's address, warnings and errors
        "--Voila.port_retries=0",  # a busy port is an error: moving elsewhere would make the printed QR code lie
        f"--Voila.ip={host}",
        f"--port={port}",
        f"--token={code}",
        "--template=datatrail",
        "--Voila.identity_provider_class=kit.serve.room.RoomIdentityProvider",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.strip_sources=True",
        f"--VoilaExecutor.timeout={cell_timeout_s}",
        "--VoilaExecutor.interrupt_on_timeout=True",
        # Jupyter's notebook trust store (a database and a key in the user's data folder) kept in memory: the
        # room's pages are the kit's own notebooks, and a session leaves the laptop's files as they were.
        "--NotebookNotary.db_file=:memory:",
        f"--NotebookNotary.secret={secrets.token_hex(32)}",
        "--HTMLExporter.language_code=fr",  # pages are French first: screen readers pick the right voice
        # Youth-centre wifi is slow: leave out page code a served page does not use, the JupyterLite
        # kernel's (installed for `datatrail build`) and code highlighting's (pages show no code);
        # kit.serve.app compresses the rest and lets phones keep it for the session.
        "--VoilaConfiguration.extension_denylist=@jupyterlite/pyodide-kernel-extension",
        "--VoilaConfiguration.extension_denylist=jupyterlab_pygments",
        f"--MappingKernelManager.cull_idle_timeout={cull_after_s}",
        f"--MappingKernelManager.cull_interval={min(60, cull_after_s)}",
        "--MappingKernelManager.cull_connected=False",
        # A kernel that dies (killed for memory) is given up, not restarted: a restarted kernel has none of the
        # page's widgets and would only hold memory; its page says it stopped (kernel_lost.js), a reload gives
        # a new one.
        "--KernelRestarter.restart_limit=0",
        *(["--preheat_kernel=True", "--pool_size=0", f"--VoilaKernelManager.preheat_denylist={LAUNCHER}"]
          if preheat else []),
        *([f"--KernelProvisionerFactory.default_provisioner_name={PROVISIONER}"] if forking_supported() else []),
        *([f"--RoomVoila.max_teens={max_teens}"] if max_teens is not None else []),
        *([f"--RoomVoila.group_k={group_k}"] if group_k is not None else []),
    ]


def voila_environment(url: str, scenario: Path | None = None, facilitator: str | None = None,
                      ages: str | None = None) -> dict[str, str]:
    """The server's environment: the kit's template on Jupyter's data path, the room's address for the
    launcher, if given the session's scenario (an absolute path: kernels start in another folder), its age
    band (`kit.i18n.AGE_BANDS`) and the facilitator's code (`kit.serve.group_screen`: the server takes it out
    before any kernel starts)."""
    from kit.serve.group_screen import FACILITATOR_CODE_VARIABLE

    environment = dict(os.environ)
    if facilitator is not None:
        environment[FACILITATOR_CODE_VARIABLE] = facilitator
    environment["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(_TEMPLATES), environment.get("JUPYTER_PATH")]))
    environment.update(page_variables(room_address=url, ages=ages,
                                      scenario=None if scenario is None else str(scenario.resolve())))
    return environment


def start(root: Path, *, host: str, port: int, code: str, url: str, output: IO | None = None,
          scenario: Path | None = None, facilitator: str | None = None, ages: str | None = None,
          **options: object) -> subprocess.Popen:
    """Start the room's Voilà server in the background (`options` go to `voila_command`); `facilitator` is the
    group screen's code (by default the server draws one nobody knows: no group screen); `ages` the session's
    age band (by default the texts for 11–17)."""
    return subprocess.Popen(voila_command(root, host=host, port=port, code=code, **options),
                            env=voila_environment(url, scenario, facilitator, ages), stdout=output,
                            stderr=subprocess.STDOUT if output else None)


def wait_until_answering(process: subprocess.Popen, port: int, seconds: float = 60) -> bool:
    """True once the server answers HTTP on `port`; False if it stopped (a busy port) or never answered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=1).close()
            return True
        except urllib.error.HTTPError:
            return True  # it answered, even if only to refuse
        except OSError:
            time.sleep(0.3)
    return False


def terminal_qr(url: str) -> str:
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()
