"""Voilà as the room runs it: Voilà's own application, with compressed responses, page code that
phones keep for the session, preheated pages for the workshops the room uses, handed out only when they
are ready, kernels forked from a template (`kit.serve.forked_kernels`), a door that opens only while the
laptop has memory for one more page (`kit.serve.capacity`), and a stop that ends the whole room at once.

Templates compiled once: Voilà builds a new exporter, with a new Jinja environment, for every page, and so
compiles the page's templates again for each teen (a fifth of the server's time when 30 teens join within
15 s); the room's pages keep the compiled code for the server's life (`_CompiledTemplates`).

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

What of this rests on Voilà's internals goes through `kit.voila_compat`.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from itertools import takewhile
from pathlib import Path
from types import FrameType

import jinja2
import jinja2.bccache
import tornado.web
from jupyter_core.utils import run_sync
from tornado import httputil
from tornado.log import access_log
from tornado.web import GZipContentEncoding, OutputTransform
from traitlets import Integer

from kit import voila_compat
from kit.group.board import DEFAULT_K, MIN_K, Board
from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES, text
from kit.serve import PROVISIONER, SESSION_CACHE_S
from kit.serve.capacity import FORKED_PAGE_MB, SEPARATE_PAGE_MB, RoomCapacity
from kit.serve.forked_kernels import KernelTemplate
from kit.serve.group_screen import FACILITATOR_CODE_VARIABLE, facilitator_code, group_handlers, open_answers_door

__all__ = ["CODE_PATHS", "RoomPageHandler", "RoomVoila", "SessionCache", "pages_open", "ready_pages"]

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
    own kernel has. A waiting kernel that died (the room gives dead kernels up, and forgets them) leaves
    the pool, which starts another: Voilà would hand it to the next teen, whose page would be lost at once.
    """

    def count(notebook: str) -> int:
        if not voila_compat.keeps_ready(manager, notebook) and _preheatable(manager, notebook):
            voila_compat.keep_ready(manager, notebook)
        pool = voila_compat.pool_of(manager, notebook)
        dead = [kernel for kernel in pool
                if voila_compat.started(kernel) and voila_compat.kernel_of(kernel) not in manager]
        if dead:
            pool[:] = [kernel for kernel in pool if kernel not in dead]
            voila_compat.fill_pool(manager, notebook)
        return len(list(takewhile(voila_compat.started, pool)))

    return count


def _preheatable(manager: object, notebook: str) -> bool:
    """A notebook of the served folder (not any address a browser makes up) that is not denylisted."""
    path = Path(manager.root_dir) / notebook
    return path.suffix == ".ipynb" and path.is_file() and voila_compat.preheat_allowed(manager, notebook)


def pages_open(manager: object) -> int:
    """Teens' pages with a kernel: every kernel but those waiting in Voilà's pool."""
    return len(set(manager.list_kernel_ids()) - voila_compat.waiting_kernels(manager))


class RoomPageHandler(voila_compat.PageHandler):
    """A page, if the laptop has memory for one more (`RoomCapacity`); otherwise, the room-full page in the
    teen's language, with status 503 and a minute to wait.

    A page that shows no widget (the launcher: links and a QR code) needs no kernel once drawn: its kernel
    is shut down as soon as the page is sent, instead of holding memory while the tab stays open behind the
    teen's workshop (kernel_lost.js leaves such pages alone)."""

    room_full = False
    _kernel: str | None = None
    _widgets = False

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        if self.settings["room_capacity"].admits(pages_open(self.kernel_manager)):
            await super().get(path)
            if self._kernel is not None and not self._widgets and self._kernel in self.kernel_manager:
                await self.kernel_manager.shutdown_kernel(self._kernel, now=True)
            return
        language = self.get_argument("lang", DEFAULT_LANGUAGE)
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self.room_full = True
        self.set_status(503)
        self.set_header("Retry-After", "60")
        self.finish(self.render_template("room_full.html", language=language, **{
            part: text(f"room.full.{part}", language) for part in ("title", "message", "why", "retry")}))

    def write(self, chunk: str | bytes | dict) -> None:
        """Notes, as the page goes out, its kernel (in the page's configuration) and whether it shows widgets."""
        if isinstance(chunk, str):
            if self._kernel is None:
                self._kernel = voila_compat.kernel_id_in(chunk)
            self._widgets = self._widgets or _WIDGET_VIEW in chunk
        super().write(chunk)


#: The output type of a widget.
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled code of each page template, kept in memory (Jinja checks it against the source)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class RoomVoila(voila_compat.VoilaApp):
    max_teens = Integer(None, allow_none=True, config=True,
                        help="Teens' pages open at once, in place of the estimate from the laptop's memory.")
    group_k = Integer(DEFAULT_K, config=True,
                      help=f"Answers a figure of the group screen waits for (at least {MIN_K}).")

    _stopping = False

    def initialize(self, argv: list[str] | None = None) -> None:
        super().initialize(argv)
        # Closing the terminal window sends SIGHUP: stop the room as Ctrl-C and SIGTERM do.
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._stop_once)

    def _stop_once(self, sig: int, frame: FrameType | None) -> None:
        """Once: a closed terminal sends SIGHUP to `datatrail serve` and to this server, and `datatrail serve`
        then asks it to stop as well; a second stop would cut the first one's shutdown of the kernels short."""
        if not self._stopping:
            self._stopping = True
            voila_compat.signal_stop(self)(sig, frame)

    def init_settings(self) -> dict:
        forked = self.config.KernelProvisionerFactory.get("default_provisioner_name") == PROVISIONER
        # Before any kernel (or their template) starts: they inherit the answers' door, never the facilitator's code.
        secret = open_answers_door(self.port)
        # And keep IPython's profile (with its history of the notebooks' cells) in the room's own folder, which
        # `stop` removes: a session leaves the laptop's files as they were (tests/serve/test_group_memory_only.py).
        os.environ["IPYTHONDIR"] = str(Path(self.connection_dir) / "ipython")
        code = os.environ.pop(FACILITATOR_CODE_VARIABLE, None) or facilitator_code()
        if forked:
            KernelTemplate.start(Path(self.root_dir))
        voila_compat.use_template_cache(_CompiledTemplates())
        settings = super().init_settings()
        voila_compat.set_at_creation(settings, transforms=[GZipContentEncoding, SessionCache],
                                     log_function=_log_request)
        settings["room_capacity"] = RoomCapacity(page_mb=FORKED_PAGE_MB if forked else SEPARATE_PAGE_MB,
                                                 max_teens=self.max_teens, say=_say)
        settings.update(group_board=Board(self.group_k), room_secret=secret, facilitator_code=code)
        if self.voila_configuration.preheat_kernel:
            voila_compat.replace_pool_size(self.kernel_manager, ready_pages(self.kernel_manager))
        return settings

    def init_handlers(self) -> list:
        return group_handlers() + voila_compat.page_handlers(super().init_handlers(), RoomPageHandler)

    def stop(self) -> None:
        """Ends every kernel at once (a teen's page has nothing to save: nothing is kept), then the template,
        so that the room's processes are gone and its port free as soon as the server exits."""
        self._stopping = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        run_sync(self.kernel_manager.shutdown_all)(now=True)
        template = KernelTemplate.current()
        if template is not None:
            template.stop()
        shutil.rmtree(self.connection_dir, ignore_errors=True)


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """Tornado's request log, without the room-full pages: the terminal has said it once, in plain words,
    and a teen pressing « Réessayer » should not fill it with errors."""
    if getattr(handler, "room_full", False):
        return
    status = handler.get_status()
    log = access_log.info if status < 400 else access_log.warning if status < 500 else access_log.error
    log("%d %s %.2fms", status, voila_compat.request_summary(handler), 1000.0 * handler.request.request_time())


def _say(message: str) -> None:
    """To the facilitator's terminal, in plain words (the server's log shows only warnings)."""
    print(message, flush=True)


if __name__ == "__main__":
    RoomVoila.launch_instance()
