"""A client cannot run code of its own choosing on the facilitator's laptop: standalone Voilà drops
`execute_request` messages on the kernel websocket, while widget-level messages still flow."""

from __future__ import annotations

import json
import urllib.request
import uuid
from pathlib import Path

import websocket
from waiting import wait_for


def _message(msg_type: str, content: dict) -> str:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": uuid.uuid4().hex, "username": "ado",
              "version": "5.3", "date": "2026-03-16T10:00:00Z"}
    return json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                       "channel": "shell", "buffers": []})


def _replies_until(connection: websocket.WebSocket, last: str, seconds: float) -> list[str]:
    """The types of the messages received up to the first `last`."""
    seen: list[str] = []

    def received_last() -> bool:
        try:
            seen.append(json.loads(connection.recv())["header"]["msg_type"])
        except websocket.WebSocketTimeoutException:
            pass
        return last in seen

    wait_for(received_last, seconds, f"the kernel's {last}")
    return seen


def test_an_execute_request_runs_nothing(room, tmp_path: Path) -> None:
    page = urllib.request.urlopen(room.url.replace("accueil", "04_anonymat"), timeout=60).read().decode("utf-8")
    kernel = room.kernel_of(page)
    socket_url = room.base.replace("http", "ws") + f"/api/kernels/{kernel}/channels?token={room.code}"
    connection = websocket.create_connection(socket_url, timeout=1)
    try:
        marker = tmp_path / "pwned"
        connection.send(_message("execute_request", {
            "code": f"open({str(marker)!r}, 'w').write('x')", "silent": False, "store_history": False,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}))
        # The kernel answers its shell messages in turn: by its reply to this one, it has run or never seen the first.
        connection.send(_message("kernel_info_request", {}))
        replies = _replies_until(connection, "kernel_info_reply", 30)
    finally:
        connection.close()
    assert "kernel_info_reply" in replies  # the channel works: allowed messages get answers
    assert "execute_reply" not in replies and "execute_input" not in replies
    assert not marker.exists()
