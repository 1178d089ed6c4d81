"""`datatrail serve` checks from the laptop that the room's address answers, and says why not and what to do.

Each failure is made with a real socket: a port nothing listens on refuses; a listening socket whose queue is
full lets a new connection wait unanswered, as a firewall that drops it would.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from kit.serve.address_check import (
    AddressProblem,
    address_problem,
    address_warning,
    connection_problem,
    laptop_addresses,
    warn_if_unreachable,
)

QUICK_S = 0.5


def _closed_port(host: str) -> int:
    """A port on `host` that nothing listens on (taken then given back)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@pytest.fixture
def listening() -> Iterator[int]:
    """A port that accepts connections on every address of this machine, as `datatrail serve` listens."""
    with socket.socket() as server:
        server.bind(("0.0.0.0", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.fixture
def silent() -> Iterator[int]:
    """A loopback port whose connection queue is full: a new connection gets no answer (Linux drops it)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=QUICK_S):  # fills the queue of one
            yield port


@pytest.fixture
def room_address() -> str:
    """This machine's own local-network address, as `datatrail serve` prints it."""
    addresses = laptop_addresses()
    assert addresses, "no local-network address on this machine"
    return sorted(addresses)[0]


def _warned(problem: AddressProblem, **where: object) -> tuple[str, str]:
    """The warning's French and English halves (French comes first)."""
    warning = address_warning(problem, **{"host": "10.0.0.5", "port": 8866, "addresses": {"10.0.0.5"}, **where})
    french, english = warning.split("\nWarning: ")
    return french, english


def test_a_port_nothing_listens_on_is_refused_and_the_fix_is_the_firewalls() -> None:
    port = _closed_port("127.0.0.1")
    assert connection_problem("127.0.0.1", port, timeout_s=QUICK_S) is AddressProblem.REFUSED
    french, english = _warned(AddressProblem.REFUSED, port=port)
    assert french.startswith(f"Attention : 10.0.0.5 refuse les connexions au port {port}")
    assert "autorise Python sur les réseaux privés" in french and f"sudo ufw allow {port}/tcp" in french
    assert "allow Python on private networks" in english and "allow Python to accept incoming connections" in english


def test_an_address_that_does_not_answer_in_time_is_said_with_the_seconds_waited(silent: int) -> None:
    assert connection_problem("127.0.0.1", silent, timeout_s=QUICK_S) is AddressProblem.NO_ANSWER
    french, english = _warned(AddressProblem.NO_ANSWER, timeout_s=QUICK_S)
    assert "ne répond pas au port 8866 en 0.5 s" in french and "Pare-feu et protection du réseau" in french
    assert "does not answer on port 8866 within 0.5 s" in english


def test_an_address_that_accepts_is_no_problem(listening: int) -> None:
    assert connection_problem("127.0.0.1", listening, timeout_s=QUICK_S) is None


def test_a_laptop_on_no_network_is_told_to_join_the_wifi_or_start_its_hotspot() -> None:
    assert address_problem("127.0.0.1", set()) is AddressProblem.NO_NETWORK
    french, english = _warned(AddressProblem.NO_NETWORK, host="127.0.0.1", addresses=set())
    assert "Connecte-le au wifi de la salle, ou lance son partage de connexion" in french
    assert "Connect it to the room's Wi-Fi, or start its hotspot" in english
    assert "Windows" not in french + english  # no firewall advice for a laptop with no network


def test_an_address_the_laptop_does_not_have_is_said_with_the_ones_it_has() -> None:
    assert address_problem("192.168.1.20", {"10.0.0.5"}) is AddressProblem.NOT_THIS_LAPTOP
    assert address_problem("10.0.0.5", {"10.0.0.5"}) is None
    french, english = _warned(AddressProblem.NOT_THIS_LAPTOP, host="192.168.1.20")
    assert "192.168.1.20 n'est pas une adresse de cet ordinateur (les siennes : 10.0.0.5)" in french
    assert "192.168.1.20 is not one of this laptop's addresses (its own: 10.0.0.5)" in english


def test_a_laptop_on_two_networks_is_told_phones_must_be_on_the_printed_ones() -> None:
    """A cable or a hotspot beside the Wi-Fi: the address printed may be on a network the phones are not on."""
    french, english = _warned(AddressProblem.NO_ANSWER, addresses={"10.0.0.5", "192.168.137.1"})
    assert "aussi sur un autre réseau (192.168.137.1) : les téléphones doivent être sur celui de 10.0.0.5" in french
    assert "on another network too (192.168.137.1): phones must be on the one of 10.0.0.5" in english
    assert "192.168.137.1" not in _warned(AddressProblem.NO_ANSWER)[0]


def test_every_warning_says_the_session_goes_on() -> None:
    for problem in AddressProblem:
        french, english = _warned(problem)
        assert "Le serveur tourne quand même" in french and "The server runs anyway" in english


def test_the_laptops_own_address_is_checked_and_a_refusal_said(room_address: str, listening: int) -> None:
    """The check as `datatrail serve` runs it, on this machine's own address: silent while the port listens,
    the firewall's cause and fix once it refuses."""
    said: list[str] = []
    assert warn_if_unreachable(room_address, listening, said.append, timeout_s=QUICK_S) is None
    assert said == []
    closed = _closed_port(room_address)
    assert warn_if_unreachable(room_address, closed, said.append, timeout_s=QUICK_S) is AddressProblem.REFUSED
    assert len(said) == 1 and f"{room_address} refuse les connexions au port {closed}" in said[0]


def test_serve_started_normally_warns_of_nothing(datatrail_until_ctrl_c) -> None:
    """On a machine whose address answers, the terminal shows the room and no warning before "Ctrl-C"."""
    port = _closed_port("127.0.0.1")
    with datatrail_until_ctrl_c("serve", "--no-preheat", "--port", str(port), stop_within_s=30) as process:
        printed = []
        for line in process.stdout:
            printed.append(line)
            if "Ctrl-C pour arrêter" in line:
                break
    text = "".join(printed)
    assert "Ateliers ouverts" in text and "Ctrl-C pour arrêter" in text
    assert "Attention" not in text and "Warning" not in text
