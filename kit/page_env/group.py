"""What a page tells the room's group screen: a teen's answer, without their pseudonym, over loopback.

In a room (`datatrail serve`), the server gives its kernels the address of its answers' door and the room's
secret (both only on the laptop, in variables). A page calls `tell(workshop, question, answer)` when the teen
answers something the group looks at during the debrief; the answer goes in the background, so that a slow or
stopped server never holds a teen's tap, and nothing is written anywhere. Outside a room (the static site,
tests, a notebook opened by hand) `tell` does nothing, and `in_a_room()` is False: pages then do not say that
the answer counts.

The page is named by its kernel's id, random and known only to the laptop, so that the server can replace a
teen's earlier answer and tell which workshops have teens in them; never by the pseudonym.
"""

from __future__ import annotations

import json
import os
import queue
import re
import secrets
import sys
import threading
import urllib.request

__all__ = ["GROUP_SECRET_VARIABLE", "GROUP_URL_VARIABLE", "SECRET_HEADER", "in_a_room", "tell"]

#: The address of the room server's answers' door, on loopback.
GROUP_URL_VARIABLE = "DATATRAIL_GROUP_URL"
#: The room's secret: the server accepts answers only with it (another program on the laptop cannot add any).
GROUP_SECRET_VARIABLE = "DATATRAIL_GROUP_SECRET"
#: The HTTP header that carries the secret.
SECRET_HEADER = "X-Datatrail-Room-Secret"
#: A server that does not answer within this is left alone: the group screen is a bonus, the teen's page is not.
_TIMEOUT_S = 2

#: Straight to loopback: a proxy set for the laptop's browsing must not see (or refuse) the room's answers.
_LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))

_sender: tuple[int, queue.SimpleQueue] | None = None
_page: tuple[int, str] | None = None


def in_a_room() -> bool:
    """True when this page's answers reach a group screen (served by `datatrail serve`)."""
    return bool(os.environ.get(GROUP_URL_VARIABLE) and os.environ.get(GROUP_SECRET_VARIABLE))


def tell(workshop: str, question: str, answer: object) -> None:
    """Sends `answer` (JSON: a number, a text, a list or a mapping of them) to the group screen as this page's
    answer to `question` of `workshop` (a stem, `01_ma_journee`); a later answer replaces it. Returns at once."""
    if in_a_room():
        _queue().put({"page": page_id(), "workshop": workshop, "question": question, "answer": answer})


def page_id() -> str:
    """This page's name for the server: its kernel's id (from the connection file's name), else a random one.
    Worked out in the page's own process: the room's kernels are forked from one template."""
    global _page
    if _page is None or _page[0] != os.getpid():
        _page = (os.getpid(), _kernel_id() or secrets.token_hex(16))
    return _page[1]


def _kernel_id() -> str | None:
    kernel = sys.modules.get("ipykernel.kernelapp")
    app = kernel.IPKernelApp.instance() if kernel and kernel.IPKernelApp.initialized() else None
    found = re.search(r"kernel-([0-9a-f-]{36})\.json$", getattr(app, "connection_file", "") or "")
    return found.group(1) if found else None


def _queue() -> queue.SimpleQueue:
    """The answers waiting to go, sent one after the other by this process's own thread."""
    global _sender
    if _sender is None or _sender[0] != os.getpid():
        waiting: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=_send_forever, args=(waiting,), name="datatrail-group", daemon=True).start()
        _sender = (os.getpid(), waiting)
    return _sender[1]


def _send_forever(waiting: queue.SimpleQueue) -> None:
    while True:
        message = waiting.get()
        request = urllib.request.Request(os.environ[GROUP_URL_VARIABLE], data=json.dumps(message).encode(),
                                         method="POST", headers={"Content-Type": "application/json",
                                                                 SECRET_HEADER: os.environ[GROUP_SECRET_VARIABLE]})
        try:
            _LOOPBACK.open(request, timeout=_TIMEOUT_S).close()
        except OSError:
            continue  # the room's server is stopping or busy: this answer is not shown, the page goes on
