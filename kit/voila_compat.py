"""Every place where the room relies on how Voilà 0.5 works inside, rather than on what it documents.

`datatrail serve` configures Voilà's own server (`kit.serve`) and extends it (`kit.serve.app`, `kit.serve.room`).
Where that needs more than Voilà's configuration — its kernel pool's private state, a class looked up by name,
the way a page is streamed, its process's signal handler — the kit goes through the names below and nowhere
else, so that a Voilà upgrade is checked here: tests/serve/test_voila_compat.py holds each pin against the
installed Voilà (a real server, a real preheated kernel, a real page) and says which one broke. Each docstring
says what Voilà does that the kit relies on, and why the kit needs it.

Besides Python, the room rests on Voilà in its command line (`kit.serve.voila_command`: every option must reach a
trait of the real application, which the test checks), in its page template (`share/voila/templates/datatrail`:
the blocks it fills and the text it replaces in Voilà's "lab" template) and in that template's scripts (the
page's configuration in `jupyter-config-data`, its outputs in `application/vnd.voila.cell-output+json` scripts,
the `voila/api/shutdown/<kernel id>` address): the same test renders a page and checks each of them.

This module is read in teens' kernels too (`kit.serve.preheat`), and in the browser's copy of the kit: importing
Voilà there would cost each kernel 50 MB and 2.8 s, and the browser has no Voilà at all. So Voilà is imported only
when the server first uses one of its classes (`__getattr__`) or functions.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio
    from types import FrameType

    import jinja2
    import tornado.web

__all__ = ["IdentityProvider", "LoginHandler", "PageHandler", "VoilaApp",  # noqa: F822 — Voilà's, by `__getattr__`
           "fill_pool", "keep_ready", "keeps_ready", "kernel_id_in", "kernel_of", "login_handlers", "page_handlers",
           "page_templates", "pool_of", "preheat_allowed", "preheated", "query_address", "replace_pool_size",
           "request_summary", "request_variables", "set_at_creation", "signal_stop", "started", "use_template_cache",
           "waiting_kernels"]

# In teens' kernels: the teen's request, for a kernel that Voilà started before anyone asked for its page.


def preheated() -> bool:
    """True in a kernel that Voilà started before any teen asked for its page.

    Voilà 0.5 sets `VOILA_PREHEAT` to "True" in the environment of its pool's kernels (`fill_if_needed`) and to
    "False" in a page's own kernel (`VoilaHandler`)."""
    return os.environ.get("VOILA_PREHEAT") == "True"


def query_address() -> str:
    """The WebSocket over which a preheated kernel hears of the teen who took its page.

    Voilà 0.5 serves it at `voila/query/<kernel id>` under the server's address (`RequestInfoSocketHandler`), on
    the port and path its pool writes into the kernel's environment (`VOILA_APP_PORT`, `VOILA_SERVER_URL`); the
    kernel's id is set in the kernel by Voilà's renderer when it starts running the page (`VOILA_KERNEL_ID`).
    Voilà's own helper, `voila.utils.wait_for_request`, builds the same address but imports the whole server.
    Loopback: the kernel runs on the laptop, next to the server, however the server is bound.
    """
    return (f"ws://127.0.0.1:{os.environ['VOILA_APP_PORT']}{os.environ.get('VOILA_SERVER_URL', '/')}"
            f"voila/query/{os.environ['VOILA_KERNEL_ID']}")


def request_variables(message: str | bytes) -> dict[str, str]:
    """The teen's request from Voilà's message on `query_address`: in Voilà 0.5, one JSON object of the variables
    a page's own kernel finds in its environment (`QUERY_STRING`, `SCRIPT_NAME`…)."""
    return json.loads(message)


# In the server: Voilà's classes that the room extends, imported when first named.

#: Name in the kit → (module, class) in Voilà 0.5.
_EXTENDED = {
    # Voilà's application: the room adds to its settings, routes and signals, and replaces its stop.
    "VoilaApp": ("voila.app", "Voila"),
    # What serves a page: the room turns a page away when the laptop is full, and reads the page as it goes out
    # (Voilà 0.5's `get` writes the page through `write`, piece by piece, as text).
    "PageHandler": ("voila.tornado.handler", "TornadoVoilaHandler"),
    # The server's token check and its login form: the room's code page, and its anonymous teens (once the typed
    # code matched, Jupyter server's form calls the provider's `user_for_token`, which Voilà 0.5's lacks).
    "IdentityProvider": ("voila.voila_identity_provider", "VoilaIdentityProvider"),
    "LoginHandler": ("voila.voila_identity_provider", "VoilaLoginHandler"),
}


def __getattr__(name: str) -> type:
    """The classes of `_EXTENDED`, imported on first use (see the module docstring)."""
    if name not in _EXTENDED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _extended(name)


def _extended(name: str) -> type:
    module, attribute = _EXTENDED[name]
    return getattr(importlib.import_module(module), attribute)


def page_handlers(handlers: list[tuple], page: type) -> list[tuple]:
    """Voilà's routes (`VoilaApp.init_handlers`) with `page` serving the pages.

    Voilà 0.5 lists its routes as (pattern, class, options…) and serves pages (`voila/render/…`, or every address
    for a single notebook) with `PageHandler` itself; `page` must be a subclass of it, as it takes its options."""
    return _swapped(handlers, _extended("PageHandler"), page)


def login_handlers(handlers: list[tuple], login: type) -> list[tuple]:
    """The identity provider's routes (`IdentityProvider.get_handlers`) with `login` as the login form.

    Voilà 0.5 creates the identity provider with its own form, `login_handler_class=LoginHandler` (in
    `init_settings`), over any default of the provider's class: the form can only be swapped in its routes."""
    return _swapped(handlers, _extended("LoginHandler"), login)


def _swapped(handlers: list[tuple], voila: type, ours: type) -> list[tuple]:
    return [(path, ours if handler is voila else handler, *rest) for path, handler, *rest in handlers]


def page_templates(settings: dict) -> jinja2.Environment:
    """The Jinja environment of the page template's folders (the kit's template, then Voilà's), from the server's
    settings: Voilà 0.5 keeps it under `voila_jinja2_env`, and renders its login page from Jupyter server's
    templates instead."""
    return settings["voila_jinja2_env"]


def use_template_cache(cache: jinja2.BytecodeCache) -> None:
    """Every page that Voilà renders from now on, preheated or not, keeps its compiled templates in `cache`.

    Voilà 0.5 makes a new exporter for every page: `NotebookRenderer.initialize` looks `VoilaExporter` up in
    `voila.notebook_renderer` each time, and each exporter builds its Jinja environment, with no bytecode cache, in
    nbconvert's private `TemplateExporter._create_environment`. So every page compiled its templates again; the
    exporter put under that name is Voilà's own, whose environment keeps the compiled code in `cache`."""
    import voila.notebook_renderer
    from voila.exporter import VoilaExporter

    class CachedTemplatesExporter(VoilaExporter):
        def _create_environment(self) -> jinja2.Environment:
            environment = super()._create_environment()
            environment.bytecode_cache = cache
            return environment

    voila.notebook_renderer.VoilaExporter = CachedTemplatesExporter


def set_at_creation(settings: dict, *, transforms: list[type], log_function: Callable[[Any], None]) -> None:
    """Puts into Voilà's settings (`VoilaApp.init_settings`) what tornado takes only when its application is created.

    Voilà 0.5's `start` creates it as `tornado.web.Application(**settings)` from that dict, and applies the
    `tornado_settings` trait only afterwards: too late for output transforms, which tornado fixes at creation."""
    settings["transforms"] = transforms
    settings["log_function"] = log_function


def signal_stop(app: Any) -> Callable[[int, FrameType | None], None]:
    """Voilà's own response to a stop signal: in Voilà 0.5, the private `_handle_signal_stop`, which `initialize`
    registers for SIGTERM; it stops the server's loop, after which `listen` calls `stop`. The room calls it once
    for SIGTERM and SIGHUP alike."""
    return app._handle_signal_stop


def request_summary(handler: tornado.web.RequestHandler) -> str:
    """"GET /address (client)", as tornado's own request log writes it (Voilà's server is tornado's): tornado 6
    has it only in the private `RequestHandler._request_summary`."""
    return handler._request_summary()


# In the server: Voilà's pool of preheated kernels (`--preheat_kernel`), kept in private attributes.


def pool_of(manager: Any, notebook: str) -> list[asyncio.Future]:
    """The notebook's preheated kernels, in the order Voilà hands them out: the list itself, which the room may
    edit (an empty new list if the notebook has no pool yet).

    Voilà 0.5's pool manager (`VoilaKernelManager`, made by `voila_kernel_manager_factory`) keeps one list per
    notebook in the private `_pools`, each entry a task that starts a kernel and renders the page in it; a page
    takes the first entry (`get_rendered_notebook`), even one still starting."""
    return manager._pools.get(notebook, [])


def started(entry: asyncio.Future) -> bool:
    """True when the pool entry's kernel is up: its task finished without error (a cancelled or failed start never
    gives a kernel)."""
    return entry.done() and not entry.cancelled() and entry.exception() is None


def kernel_of(entry: asyncio.Future) -> str:
    """The id of a `started` entry's kernel: Voilà 0.5's task returns a dict that names it under `kernel_id`."""
    return entry.result()["kernel_id"]


def waiting_kernels(manager: Any) -> set[str]:
    """The kernels that are up and waiting in the pools, no teen's page yet; none when Voilà runs without
    preheating (its kernel manager then has no pools)."""
    return {kernel_of(entry) for pool in getattr(manager, "_pools", {}).values() for entry in pool if started(entry)}


def keeps_ready(manager: Any, notebook: str) -> bool:
    """True once the notebook's pool has a size of its own (`keep_ready`)."""
    return notebook in manager.kernel_pools_config


def keep_ready(manager: Any, notebook: str) -> None:
    """From now on, the pool keeps one kernel ready for the notebook, and starts it.

    Voilà 0.5 reads the pool sizes from its `kernel_pools_config` trait each time it fills a pool, the notebook's
    own entry before the "default" one: the room gives a size only to the workshops it has opened."""
    manager.kernel_pools_config[notebook] = {"pool_size": 1}
    fill_pool(manager, notebook)


def fill_pool(manager: Any, notebook: str) -> None:
    """Starts kernels until the notebook's pool has its size again, after Voilà's fill delay (Voilà 0.5:
    `fill_if_needed`, which Voilà itself calls when a page takes a kernel)."""
    manager.fill_if_needed(notebook_name=notebook)


def preheat_allowed(manager: Any, notebook: str) -> bool:
    """False for a notebook that must never be preheated: Voilà's own test of its `preheat_denylist` (and of
    checkpoint copies), in Voilà 0.5 the private `_notebook_filter`, so that the room reads the list as Voilà does."""
    return manager._notebook_filter(Path(notebook))


def replace_pool_size(manager: Any, count: Callable[[str], int]) -> None:
    """Voilà asks `count(notebook)`, at each page request, how many preheated pages of that notebook it may hand out.

    Voilà 0.5's page handler calls the manager's `get_pool_size` for that and, if it is not 0, takes the pool's
    first entry; its own `get_pool_size` counts kernels that are still starting. The method is replaced on this
    manager only."""
    manager.get_pool_size = count


#: Where Voilà 0.5's page template ("lab", `index.html.j2`) writes the page's kernel into the page's
#: configuration (`page_config_full | tojson`): `"kernelId": "<id>"`.
_KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')


def kernel_id_in(html: str) -> str | None:
    """The id of the page's kernel, if this part of a page's HTML holds the page's configuration."""
    found = _KERNEL_ID.search(html)
    return found.group(1) if found else None
