"""Shared fixtures: the default scenario, and a real Voilà server started as `datatrail serve` starts it."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from kit.scenario import load_scenario
from kit.scenario.model import Scenario
from kit.serve import room_url, voila_command, voila_environment
from kit.workshops import workshops_root


@pytest.fixture(scope="session")
def nantes() -> Scenario:
    return load_scenario("nantes")


@dataclass(frozen=True)
class Room:
    base: str
    code: str
    url: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Room]:
    port, code = _free_port(), "abc234"
    url = room_url("127.0.0.1", port, code)
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    with log.open("w") as handle:
        process = subprocess.Popen(voila_command(workshops_root(), host="127.0.0.1", port=port, code=code),
                                   env=voila_environment(url), stdout=handle, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={code}", timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.3)
        else:
            process.kill()
            pytest.fail(f"Voilà did not start within 60 s:\n{log.read_text()}")
        yield Room(base, code, url)
        process.terminate()
        process.wait(timeout=30)
