"""The group screen's own door (`kit.serve.group_screen`): printed to the facilitator only, opened by their code
only; the room's code does not open it and their code is no room code; the answers' door takes nothing from a
browser."""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request

import pytest
from waiting import wait_for

from kit.page_env.group import SECRET_HEADER
from kit.serve.group_screen import ANSWERS_PATH, FACILITATOR_HEADER, GROUP_PATH


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        with refused:
            return refused.code, refused.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments: object) -> None:
        return None


def test_serve_prints_the_group_screen_under_the_qr_code_and_only_its_code_opens_it(datatrail_until_ctrl_c) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with datatrail_until_ctrl_c("serve", "--local", "--no-preheat", "--port", str(port), "--code", "salle7",
                                stop_within_s=30) as process:
        lines = []
        while not any("Écran du groupe" in line for line in lines):
            lines.append(process.stdout.readline())
            assert lines[-1], f"serve stopped before printing the group screen: {lines}"
        qr_at = next(index for index, line in enumerate(lines) if "█" in line)
        group_line = lines[-1]
        assert "group screen, for you only" in group_line and "ne projette pas ce terminal" in group_line
        assert next(index for index, line in enumerate(lines) if "Écran du groupe" in line) > qr_at
        address = re.search(r"(http://127\.0\.0\.1:\d+/datatrail/groupe\?code=(\w+))", group_line)
        assert address, group_line
        url, code = address.groups()
        assert code != "salle7" and len(code) >= 10
        status, page = wait_for(lambda: _answering(url), 60, "the group screen to answer")
        assert status == 200 and "Écran du groupe" in page
        base = f"http://127.0.0.1:{port}"
        assert _get(f"{base}{GROUP_PATH}?code=salle7")[0] == 403, "the room's code opens the group screen"
        assert _get(f"{base}{GROUP_PATH}")[0] == 403
        status, refused = _get(f"{base}{GROUP_PATH}/donnees", {FACILITATOR_HEADER: "salle7"})
        assert status == 403 and "code" in refused
        status, _ = _get(f"{base}/voila/render/accueil.ipynb?token={code}")
        assert status in (302, 403), "the facilitator's code opens the room"
        status, launcher = _get(f"{base}/voila/render/accueil.ipynb?token=salle7")
        assert status == 200 and code not in launcher, "the launcher shows the facilitator's code"
    assert process.returncode == 0


def _answering(url: str) -> tuple[int, str] | None:
    try:
        return _get(url)
    except OSError:
        return None


def test_the_screen_s_data_carries_the_room_status_and_every_workshop(room) -> None:
    status, sent = _get(room.group_url.replace(GROUP_PATH, f"{GROUP_PATH}/donnees"))
    data = json.loads(sent)
    assert status == 200 and set(data) == {"language", "room", "texts", "workshops"}
    assert len(data["room"]["workshops"]) == 6


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "guessed"}])
def test_the_answers_door_refuses_anyone_without_the_room_s_secret(room, headers: dict[str, str]) -> None:
    """Kernels have the secret; a browser, even on the laptop, does not (and a phone cannot reach loopback)."""
    body = json.dumps({"page": "x", "workshop": "02_consentement", "question": "banner", "answer": "accept"})
    request = urllib.request.Request(f"{room.base}{ANSWERS_PATH}", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    refused.value.close()
    assert refused.value.code == 403
