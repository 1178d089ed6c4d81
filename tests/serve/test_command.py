"""`datatrail serve` as a youth worker runs it: it says where to connect, and that address works."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request

import pytest
from waiting import wait_for

from kit.page_env import LAUNCHER
from kit.serve import lan_address, voila_command
from kit.workshops import workshops_root


@pytest.mark.parametrize("where", ["--local", "room"])
def test_serve_prints_the_room_address_and_a_qr_code_then_stops_on_ctrl_c(where: str, datatrail_until_ctrl_c) -> None:
    """`--local`: this computer's screen only. Otherwise the address is the laptop's on the local network
    (what a teen's phone is given) and the server answers there, not only on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = ["--local"] if where == "--local" else ["--no-preheat"]  # a preheated workshop would only cost time
    with datatrail_until_ctrl_c("serve", *options, "--port", str(port), "--code", "salle7",
                                stop_within_s=30) as process:
        lines = [process.stdout.readline() for _ in range(3)]
        host = "127.0.0.1" if where == "--local" else lan_address()
        assert where == "--local" or not host.startswith("127."), "no local-network address on this machine"
        url = f"http://{host}:{port}/voila/render/accueil.ipynb?token=salle7"
        assert url in lines[0] and "salle7" in lines[1]
        assert "█" in lines[2]  # the QR code, drawn in the terminal
        assert "Choisis un atelier" in wait_for(lambda: _page(url), 60, "the server to answer at the printed address")
    assert process.returncode == 0


def _page(url: str) -> str | None:
    """The page at `url`, or None while nothing answers there."""
    try:
        return urllib.request.urlopen(url, timeout=60).read().decode("utf-8")
    except OSError:
        return None


@pytest.mark.server  # `datatrail serve` itself, up to the port it cannot take
def test_a_busy_port_is_said_in_plain_words_not_moved_silently() -> None:
    """Voilà would quietly take another port, and the printed QR code would point nowhere."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "kit", "serve", "--local", "--port", str(port)],
                                capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert f"le port {port} est peut-être déjà pris" in result.stdout
    assert f"port {port} may already be in use" in result.stdout
    assert "Ateliers ouverts" not in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_the_printed_address_reaches_the_laptop_even_when_its_name_means_loopback(monkeypatch) -> None:
    """Many laptops map their own name to 127.0.1.1: the QR code must still carry a network address."""
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: [(0, 0, 0, "", ("127.0.1.1", 0))])
    address = lan_address()
    assert not address.startswith("127.")
    with socket.socket() as server:  # listening everywhere, as `datatrail serve` does
        server.bind(("0.0.0.0", 0))
        server.listen()
        with socket.socket() as phone:
            phone.settimeout(5)
            phone.connect((address, server.getsockname()[1]))


def test_each_workshop_keeps_a_page_ready_unless_the_laptop_is_short_of_memory() -> None:
    """Pools start empty (a workshop keeps a kernel ready once opened, tests/serve/test_pool.py); the
    launcher draws in a second and is never preheated (tests/browser/test_preheat.py opens them)."""
    command = voila_command(workshops_root(), host="127.0.0.1", port=8866, code="abc234")
    preheating = {"--preheat_kernel=True", "--pool_size=0", f"--VoilaKernelManager.preheat_denylist={LAUNCHER}"}
    assert preheating <= set(command)
    sober = voila_command(workshops_root(), host="127.0.0.1", port=8866, code="abc234", preheat=False)
    assert not [part for part in sober if "preheat" in part or "pool_size" in part]
    help_text = subprocess.run([sys.executable, "-m", "kit", "serve", "--help"], capture_output=True, text=True,
                               timeout=60, check=True).stdout
    assert "--no-preheat" in help_text
