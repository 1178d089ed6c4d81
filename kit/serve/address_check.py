"""Does the room's address answer? The check `datatrail serve` runs once its server listens.

Phones reach the laptop at the local-network address printed with the QR code (`kit.serve.lan_address`).
From the laptop alone, three things that keep every phone out can be seen before the first teen arrives:
the laptop is on no network (Wi-Fi off, hotspot not started); the printed address is not, or no longer, one
of the laptop's own (it moved to another network); or its own address refuses or ignores connections to the
room's port (a firewall). Each has its likely cause and fix, said in the terminal in French then English.

The check is a TCP connection from the laptop to its own address, not an HTTP request: it tells the same thing
about the address and the firewall, an HTTP proxy set on the laptop cannot answer in the server's place, and
it works for `datatrail serve --static` too, whose server listens before it serves. A passing check does not
prove that phones get in: a connection from the laptop to itself never crosses the Wi-Fi, so a guest network
that isolates devices, or a firewall that lets the laptop's own connections through, only shows with a phone.
The facilitator guide's evening-before check stays the test; this one catches what it can, earlier.

It never stops the session: it only warns.
"""

from __future__ import annotations

import enum
import socket
from collections.abc import Callable, Collection

import psutil

from kit.i18n import LANGUAGES, text

__all__ = ["CHECK_TIMEOUT_S", "AddressProblem", "address_problem", "address_warning", "connection_problem",
           "laptop_addresses", "warn_if_unreachable"]

#: How long the laptop waits for its own address. A machine answers itself in milliseconds: a silence of
#: seconds is a firewall dropping the connection, or an address that is no longer this laptop's.
CHECK_TIMEOUT_S = 3.0


class AddressProblem(enum.Enum):
    """What keeps phones from the room's address; each value is the key of its message in the catalogs."""

    NO_NETWORK = "serve.address.no_network"
    NOT_THIS_LAPTOP = "serve.address.not_this_laptop"
    REFUSED = "serve.address.refused"
    NO_ANSWER = "serve.address.no_answer"


def laptop_addresses() -> set[str]:
    """The laptop's IPv4 addresses on its network interfaces, loopback and link-local (169.254.x.x, what an
    interface gives itself when no network answered it) left out: the addresses a phone could reach."""
    return {address.address for addresses in psutil.net_if_addrs().values() for address in addresses
            if address.family == socket.AF_INET and not address.address.startswith(("127.", "169.254."))}


def address_problem(host: str, addresses: Collection[str]) -> AddressProblem | None:
    """What is wrong with the printed address `host` given the laptop's `addresses`, before any connection."""
    if not addresses:
        return AddressProblem.NO_NETWORK
    if host not in addresses:
        return AddressProblem.NOT_THIS_LAPTOP
    return None


def connection_problem(host: str, port: int, *, timeout_s: float = CHECK_TIMEOUT_S) -> AddressProblem | None:
    """Connects to `host`:`port` from this machine: refused (something rejects it), no answer within
    `timeout_s` (something drops it, or nothing is at that address), or None once it is accepted."""
    try:
        socket.create_connection((host, port), timeout=timeout_s).close()
    except ConnectionRefusedError:
        return AddressProblem.REFUSED
    except OSError:  # a timeout, or no route to that address any more
        return AddressProblem.NO_ANSWER
    return None


def address_warning(problem: AddressProblem, *, host: str, port: int, addresses: Collection[str],
                    timeout_s: float = CHECK_TIMEOUT_S) -> str:
    """The warning for `problem`, in French then English: the likely cause, the fix, and that the session goes
    on. When the laptop's own address does not answer, the firewall's fix for each system, and the laptop's
    other networks if it is on several (a cable or a VPN beside the Wi-Fi): phones must be on the printed one."""
    others = sorted(set(addresses) - {host})
    values = {"address": host, "port": port, "seconds": f"{timeout_s:g}", "addresses": ", ".join(others)}
    keys = [problem.value]
    if problem in (AddressProblem.REFUSED, AddressProblem.NO_ANSWER):
        keys += ["serve.address.firewall_fix", *(["serve.address.other_networks"] if others else [])]
    keys.append("serve.address.goes_on")
    return "\n".join(text(key, language, **values) for language in LANGUAGES for key in keys)


def warn_if_unreachable(host: str, port: int, say: Callable[[str], None], *,
                        timeout_s: float = CHECK_TIMEOUT_S) -> AddressProblem | None:
    """Checks the room's address `host`:`port` from the laptop and, if phones cannot reach it, says why and
    what to do; returns the problem found, if any."""
    addresses = laptop_addresses()
    problem = address_problem(host, addresses) or connection_problem(host, port, timeout_s=timeout_s)
    if problem is not None:
        say(address_warning(problem, host=host, port=port, addresses=addresses, timeout_s=timeout_s))
    return problem
