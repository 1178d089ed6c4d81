"""Voilà as the room runs it: Voilà's own application, with compressed responses, page code that
phones keep for the session, and preheated pages for the workshops the room uses, handed out only
when they are ready.

Both are tornado output transforms, which tornado fixes when the application is created: Voilà hands
its `tornado_settings` over only afterwards, too late for `compress_response`.
- Compression: uncompressed, plotly.js alone is 4.8 MB of the 9.8 MB a phone downloads on its first
  visit over youth-centre wifi.
- Caching: Voilà lets browsers keep its page code but ask again each time whether it changed, and
  tells them not to keep the widgets' code at all; opening a workshop meant about 100 such questions
  to the laptop, in chains (a file names the next ones), each a round trip over the room's wifi.

Preheated pages: Voilà's pool would keep a kernel per workshop from the start (about 150 MB each, six
workshops, for a session that uses one or two): here a workshop's pool starts empty, and the first
visit of a workshop asks it to keep one kernel ready from then on. And Voilà's pool counts a kernel
that is still starting as available, and a teen who takes it waits for it; as each taken kernel is
replaced only once it has started, 15 teens arriving within 30 s queued behind one another (median
38 s to reach their page, against 2.6 s without the pool). A page only comes from the pool when its
kernel is up; otherwise the teen gets a kernel of their own at once, as without preheating.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from itertools import takewhile
from pathlib import Path

from tornado import httputil
from tornado.web import GZipContentEncoding, OutputTransform
from voila.app import Voila

from kit.serve import SESSION_CACHE_S

__all__ = ["CODE_PATHS", "RoomVoila", "SessionCache", "ready_pages"]

#: Where Voilà serves page code: its own, its templates' (with the kit's), and the widget extensions'.
CODE_PATHS = ("/voila/static/", "/voila/templates/", "/voila/labextensions/")


class SessionCache(OutputTransform):
    """Lets browsers reuse page code for `SESSION_CACHE_S` without asking the laptop again."""

    def __init__(self, request: httputil.HTTPServerRequest) -> None:
        self._code = request.path.startswith(CODE_PATHS)

    def transform_first_chunk(self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes,
                              finishing: bool) -> tuple[int, httputil.HTTPHeaders, bytes]:
        if self._code and status_code in (200, 304):
            headers["Cache-Control"] = f"max-age={SESSION_CACHE_S}"
        return status_code, headers, chunk


def ready_pages(manager: object) -> Callable[[str], int]:
    """Voilà's page handler asks this, at each page request, how many preheated kernels of the notebook
    are ready, and takes the first one when it is not 0 (see the module docstring).

    Counts the kernels that are up from the front of the pool. At a workshop's first request, asks the
    pool to keep one kernel for it from then on; it starts after Voilà's fill delay, once this page's
    own kernel has. Voilà keeps its pool in private attributes: this reads them, it does not change them.
    """

    def count(notebook: str) -> int:
        if notebook not in manager.kernel_pools_config and _preheatable(manager, notebook):
            manager.kernel_pools_config[notebook] = {"pool_size": 1}
            manager.fill_if_needed(notebook_name=notebook)
        pool = manager._pools.get(notebook, [])  # noqa: SLF001
        return len(list(takewhile(_up, pool)))

    return count


def _preheatable(manager: object, notebook: str) -> bool:
    """A notebook of the served folder (not any address a browser makes up) that is not denylisted."""
    path = Path(manager.root_dir) / notebook
    return path.suffix == ".ipynb" and path.is_file() and manager._notebook_filter(Path(notebook))  # noqa: SLF001


def _up(kernel: asyncio.Future) -> bool:
    return kernel.done() and not kernel.cancelled() and kernel.exception() is None


class RoomVoila(Voila):
    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["transforms"] = [GZipContentEncoding, SessionCache]  # handed to tornado's Application
        if self.voila_configuration.preheat_kernel:
            self.kernel_manager.get_pool_size = ready_pages(self.kernel_manager)
        return settings


if __name__ == "__main__":
    RoomVoila.launch_instance()
