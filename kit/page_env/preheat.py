"""What a preheated kernel waits for: the teen's request, which Voilà hands over once someone opens the page.

Once a workshop has been opened, `datatrail serve` keeps one kernel that has already run its page before the
next teen asks for it (Voilà's preheated kernels, `preheated`), so it cannot know that page's address yet
(`?lang=en`). Voilà tells such a kernel over a WebSocket of its own as soon as a teen takes the page
(`kit.voila_compat.query_address`). Voilà's helper for this, `voila.utils.wait_for_request`, imports the
whole server into the kernel: +50 MB and 2.8 s per kernel here; this reads the same message with the
`websockets` client alone.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from kit.voila_compat import preheated, query_address, request_variables

__all__ = ["preheated", "when_requested"]


def when_requested(then: Callable[[], None]) -> None:
    """Calls `then` in the kernel's own thread once the request's variables (`QUERY_STRING`…) are in
    `os.environ`.

    The waiting happens in a thread, so that the page's cells run on meanwhile (a cell waiting for a
    visitor would hit the cell time limit); `then` runs on the kernel's event loop, between messages,
    so widgets only ever change in the kernel's main thread.
    """
    from IPython import get_ipython
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    kernel_loop = get_ipython().kernel.io_loop
    address = query_address()

    def wait() -> None:
        try:
            with connect(address, open_timeout=30) as channel:
                os.environ.update(request_variables(channel.recv()))
        except (OSError, WebSocketException, ValueError):
            return  # the page stays as drawn (in French); a traceback here would land in the teen's page
        kernel_loop.add_callback(then)

    threading.Thread(target=wait, name="datatrail-waits-for-a-teen", daemon=True).start()
