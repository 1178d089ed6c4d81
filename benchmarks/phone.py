"""A teen's phone at the protocol level: what a Voilà page sends the laptop, without a browser on the laptop.

In a room the browsers run on the phones; a browser per simulated teen on the laptop would take the cores the
server and kernels need. This talks to the room's server exactly as a workshop page does (read in Voilà 0.5's
page code and ipywidgets 8's widget manager):
- the page: `GET /voila/render/<notebook>?token=…`, streamed while the kernel runs its cells; on a phone's
  first page, the page code too (the files a real browser asked for, recorded once in Chromium);
- the kernel's WebSocket: `kernel_info_request`, then the widget states in one `request_states` over the
  `jupyter.widget.control` comm (the page is ready when they have arrived);
- a tap: a `comm_msg` to the widget's model (`update` of a field's value, `custom` click of a button); it is
  answered when the kernel goes idle for it, after every widget update and output it caused was sent.

Widgets are found the way a teen finds them on screen: by what they say (description, label, option).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import websockets
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

from kit.voila_compat import kernel_id_in

__all__ = ["Phone", "Tap"]

#: The kernel WebSocket protocol Voilà's page asks for (binary frames; the server passes them on unparsed).
_PROTOCOL = "v1.kernel.websocket.jupyter.org"
#: Parallel downloads a phone's browser makes to one server (HTTP/1.1).
_CONNECTIONS_PER_HOST = 6


@dataclass
class Tap:
    """One thing a teen does: `action` on the widget `find` picks, answered once `expect` is on the page."""

    name: str
    find: Callable[[dict[str, dict]], str]
    #: The message's data, or how to make it from the widget's state.
    action: dict | Callable[[dict], dict]
    expect: str = ""
    #: The group screen's question this tap answers (`kit.group`), if any: its figure should count it.
    tells: str = ""


@dataclass
class Phone:
    base: str
    code: str
    #: The page code this phone has not downloaded yet (emptied by its first page).
    assets: list[str] = field(default_factory=list)
    models: dict[str, dict] = field(default_factory=dict)
    #: Every text the kernel sent since the page opened (widget values, outputs): what is on screen.
    screen: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def open(self, notebook: str, query: str = "") -> float:
        """Opens a page; seconds until it is ready to use (HTML streamed, widget states received)."""
        started = time.perf_counter()
        client = AsyncHTTPClient()
        page = await client.fetch(HTTPRequest(f"{self.base}/voila/render/{notebook}?token={self.code}{query}",
                                              request_timeout=600, decompress_response=True))
        html = page.body.decode("utf-8")
        await self._download_page_code(client)
        self.kernel = kernel_id_in(html)
        self.session = uuid.uuid4().hex
        address = self.base.replace("http", "ws", 1)
        self.channel = await websockets.connect(
            f"{address}/api/kernels/{self.kernel}/channels?session_id={self.session}&token={self.code}",
            subprotocols=[_PROTOCOL], max_size=None, open_timeout=600,
            proxy=None)  # the laptop's own server: a proxy set for the wider network must not stand in between
        self._replies: dict[str, asyncio.Future] = {}
        self._listener = asyncio.ensure_future(self._listen())
        await self._request("kernel_info_request", {}, channel="shell")
        control = uuid.uuid4().hex
        states = await self._send("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control",
                                                "data": {}}, metadata={"version": "1.0.0"})
        self._waiting_for_states = asyncio.get_running_loop().create_future()
        await self._wait_idle(states)
        await self._send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        await asyncio.wait_for(self._waiting_for_states, 600)
        await self._send("comm_close", {"comm_id": control, "data": {}})
        return time.perf_counter() - started

    async def tap(self, tap: Tap) -> float:
        """Does `tap`; seconds until the kernel has answered it. Raises if its result is not on the page."""
        model = tap.find(self.models)
        data = tap.action(self.models[model]) if callable(tap.action) else tap.action
        before = len(self.screen)
        started = time.perf_counter()
        await self._wait_idle(await self._send("comm_msg", {"comm_id": model, "data": data}))
        elapsed = time.perf_counter() - started
        if self.errors:
            raise RuntimeError(f"{tap.name}: the kernel reported {self.errors[-1]!r}")
        if tap.expect and not any(tap.expect in text for text in self.screen[before:]):
            raise RuntimeError(f"{tap.name}: « {tap.expect} » did not appear")
        return elapsed

    async def close(self) -> None:
        self._listener.cancel()
        await self.channel.close()

    async def _download_page_code(self, client: AsyncHTTPClient) -> None:
        pending, self.assets = self.assets, []

        async def download() -> None:
            while pending:
                await client.fetch(HTTPRequest(pending.pop(), request_timeout=600, decompress_response=False,
                                               headers={"Accept-Encoding": "gzip"}))

        await asyncio.gather(*(download() for _ in range(_CONNECTIONS_PER_HOST)))

    async def _send(self, msg_type: str, content: dict, channel: str = "shell", metadata: dict | None = None) -> str:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "username": "", "session": self.session, "date": "",
                  "version": "5.3"}
        self._replies[msg_id] = asyncio.get_running_loop().create_future()
        await self.channel.send(_encode(channel, [header, {}, metadata or {}, content]))
        return msg_id

    async def _request(self, msg_type: str, content: dict, *, channel: str) -> None:
        """Sends and waits for the reply (or the kernel's idle after it)."""
        await asyncio.wait_for(self._replies[await self._send(msg_type, content, channel)], 600)

    async def _wait_idle(self, msg_id: str) -> None:
        await asyncio.wait_for(self._replies[msg_id], 600)

    async def _listen(self) -> None:
        async for frame in self.channel:
            message = _decode(frame)
            kind, content = message["msg_type"], message["content"]
            parent = message["parent_header"].get("msg_id")
            if kind == "kernel_info_reply" or (kind == "status" and content["execution_state"] == "idle"):
                waiting = self._replies.get(parent)
                if waiting is not None and not waiting.done():
                    waiting.set_result(None)
            elif kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                self.models[content["comm_id"]] = dict(content["data"]["state"])
                self._see(content["data"]["state"])
            elif kind == "comm_close":
                self.models.pop(content["comm_id"], None)
            elif kind == "comm_msg":
                data = content["data"]
                if data.get("method") == "update_states":
                    for model, state in data["states"].items():
                        self.models[model] = dict(state["state"])
                    if not self._waiting_for_states.done():
                        self._waiting_for_states.set_result(None)
                elif data.get("method") in ("update", "echo_update"):
                    self.models.setdefault(content["comm_id"], {}).update(data["state"])
                    self._see(data["state"])
            elif kind in ("display_data", "execute_result", "update_display_data"):
                self._see(content["data"])
            elif kind == "error" or (kind == "stream" and content.get("name") == "stderr"):
                self.errors.append(content.get("ename", "") + content.get("text", ""))

    def _see(self, payload: Any) -> None:
        self.screen.append(json.dumps(payload, ensure_ascii=False))


def _encode(channel: str, parts: list[dict]) -> bytes:
    """A message in Jupyter's WebSocket protocol v1, as the page sends it: the number of offsets, the offsets
    (64-bit little-endian), the channel's name, then header, parent header, metadata and content as JSON."""
    chunks = [channel.encode(), *(json.dumps(part).encode() for part in parts)]
    offsets = [8 * (len(chunks) + 2)]
    for chunk in chunks:
        offsets.append(offsets[-1] + len(chunk))
    return b"".join([len(offsets).to_bytes(8, "little"), *(offset.to_bytes(8, "little") for offset in offsets),
                     *chunks])


def _decode(frame: bytes) -> dict:
    """A message the server sends in protocol v1 (see `_encode`); buffers, after the content, are left out."""
    count = int.from_bytes(frame[:8], "little")
    offsets = [int.from_bytes(frame[8 * (index + 1):8 * (index + 2)], "little") for index in range(count)]
    header, parent, metadata, content = (json.loads(frame[start:end]) for start, end in
                                         zip(offsets[1:5], offsets[2:6], strict=True))
    return {"msg_type": header["msg_type"], "header": header, "parent_header": parent, "metadata": metadata,
            "content": content}


def widget(model_name: str, *, first: bool = False, exact: bool = False, **says: str
           ) -> Callable[[dict[str, dict]], str]:
    """Finds the widget of `model_name` whose state has every `says` key containing its text (or equal to it,
    if `exact`): the newest one (a redrawn step replaces its widgets), or the `first` of several on the page."""

    def matches(value: object, text: str) -> bool:
        return str(value) == text if exact else text in str(value)

    def find(models: dict[str, dict]) -> str:
        found = [model for model, state in models.items() if state.get("_model_name") == model_name and all(
            matches(state.get(key, ""), text) for key, text in says.items())]
        if not found:
            raise LookupError(f"no {model_name} saying {says} on the page")
        return found[0] if first else found[-1]

    return find


def click(name: str, button: str, expect: str = "", *, first: bool = False) -> Tap:
    return Tap(name, widget("ButtonModel", first=first, exact=True, description=button),
               {"method": "custom", "content": {"event": "click"}}, expect)


def set_value(name: str, model_name: str, value: Any, expect: str = "", **says: str) -> Tap:
    return Tap(name, widget(model_name, **says), {"method": "update", "state": {"value": value}, "buffer_paths": []},
               expect)



def pick(name: str, model_name: str, index: int, expect: str = "", **says: str) -> Tap:
    """Picks the option at `index` (or the last one, if there are fewer): for lists that differ from teen to
    teen (their apps, their moments)."""
    return Tap(name, widget(model_name, **says), lambda state: {
        "method": "update", "state": {"index": min(index, len(state["_options_labels"]) - 1)}, "buffer_paths": []},
               expect)


def choose(name: str, model_name: str, option: str, expect: str = "", *, first: bool = False, **says: str) -> Tap:
    """Picks `option` in a drop-down or toggle buttons: the page sends the option's index, not its value."""
    return Tap(name, widget(model_name, first=first, **says), lambda state: {
        "method": "update", "state": {"index": state["_options_labels"].index(option)}, "buffer_paths": []}, expect)
