"""Each place where the room relies on Voilà's internals (`kit.voila_compat`), held against the installed
Voilà: its own application in this process, configured by `datatrail serve`'s command line, with a real preheated
kernel, a real page taken from the pool by a teen's request, and the room's code page. Each test names the pin
it checks, so that a Voilà upgrade that breaks one says which."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import shutil
import signal
import socket
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import nbformat
import pytest
import voila.exporter
import voila.notebook_renderer
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.ioloop import AsyncIOLoopKernelManager, AsyncIOLoopKernelRestarter
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from third_party import touches
from tornado.httpclient import AsyncHTTPClient
from tornado.web import GZipContentEncoding
from traitlets.utils.importstring import import_item
from voila.execute import VoilaExecutor
from voila.voila_kernel_manager import voila_kernel_manager_factory
from websockets.asyncio.client import connect

import kit
from kit import voila_compat
from kit.page_env import LAUNCHER
from kit.serve import voila_command, voila_environment

CODE = "abc234"
#: The workshop the fixture preheats, a notebook nobody opened, and the launcher (never preheated).
NOTEBOOK, UNOPENED = "page.ipynb", "unopened.ipynb"
#: Long enough for a kernel to start on a busy 2-core machine.
WAIT_S = 120


@dataclass
class Served:
    """What the room's Voilà did, step by step, as the fixture drove it."""

    app: voila_compat.VoilaApp
    port: int
    template_cache: Path
    sigterm_handler: object = None
    #: Voilà's own `get_pool_size` while the preheated kernel was still starting.
    counted_while_starting: int = -1
    kernel: str = ""
    pool_while_up: list = field(default_factory=list)
    waiting_while_up: set[str] = field(default_factory=set)
    known_while_up: bool = False
    #: What `preheated()` and `query_address()` said inside the preheated kernel.
    in_kernel: str = ""
    login_page: str = ""
    login_answer: tuple[int, str] = (0, "")
    asked: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)
    page: str = ""
    encoding: str = ""
    request: dict = field(default_factory=dict)
    pool_after: list = field(default_factory=list)
    waiting_in_line: asyncio.Future | None = None
    shutdown_status: int = 0
    kernel_after_shutdown: bool = True


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("room")
    for name in (NOTEBOOK, UNOPENED, LAUNCHER):
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("answer = 41 + 1\nanswer")])
        notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, root / name)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The forked kernels' provisioner is the kit's own, tested in test_forked_kernels.py.
    arguments = [argument for argument in voila_command(root, host="127.0.0.1", port=port, code=CODE)[3:]
                 if not argument.startswith("--KernelProvisionerFactory.")]
    facts = Served(app=None, port=port, template_cache=tmp_path_factory.mktemp("templates"))

    class Page(voila_compat.PageHandler):
        def write(self, chunk: str | bytes | dict) -> None:
            if isinstance(chunk, str):
                facts.written.append(chunk)
            super().write(chunk)

    class Server(voila_compat.VoilaApp):
        """Voilà's application with the room's pins, and none of the room's own logic."""

        def init_settings(self) -> dict:
            settings = super().init_settings()
            voila_compat.set_at_creation(settings, transforms=[GZipContentEncoding], log_function=lambda handler:
                                         facts.logged.append(voila_compat.request_summary(handler)))
            return settings

        def init_handlers(self) -> list:
            return voila_compat.page_handlers(super().init_handlers(), Page)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sigterm = signal.getsignal(signal.SIGTERM)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", voila_environment("")["JUPYTER_PATH"])
        patch.setattr(voila.notebook_renderer, "VoilaExporter", voila.notebook_renderer.VoilaExporter)
        voila_compat.use_template_cache(jinja2.FileSystemBytecodeCache(str(facts.template_cache)))
        app = facts.app = Server()
        app.initialize(arguments)
        facts.sigterm_handler = signal.getsignal(signal.SIGTERM)
        patch.setattr(app, "listen", lambda: None)  # Voilà's would run the loop until the server stops
        app.start()
        listening = app.app.listen(port, "127.0.0.1")
        try:
            loop.run_until_complete(asyncio.wait_for(_drive(facts), WAIT_S))
            yield facts
        finally:
            signal.signal(signal.SIGTERM, sigterm)
            listening.stop()
            loop.run_until_complete(asyncio.wait_for(app.kernel_manager.shutdown_all(now=True), WAIT_S))
            AsyncHTTPClient().close()
            shutil.rmtree(app.connection_dir, ignore_errors=True)
            loop.close()
            asyncio.set_event_loop(None)


async def _drive(facts: Served) -> None:
    """A workshop opened once (its pool keeps a kernel from then on), the code page, then the next teen's page
    in English, taken from the pool, and the page freeing its kernel as the teen leaves."""
    manager = facts.app.kernel_manager
    base = f"http://127.0.0.1:{facts.port}"
    voila_compat.keep_ready(manager, NOTEBOOK)
    facts.counted_while_starting = manager.get_pool_size(NOTEBOOK)
    (entry,) = voila_compat.pool_of(manager, NOTEBOOK)
    await asyncio.wait([entry])
    facts.kernel = voila_compat.kernel_of(entry)
    facts.pool_while_up = list(voila_compat.pool_of(manager, NOTEBOOK))
    facts.waiting_while_up = voila_compat.waiting_kernels(manager)
    facts.known_while_up = facts.kernel in manager.list_kernel_ids()
    facts.in_kernel = await _in_kernel(manager, facts.kernel, "from kit.voila_compat import preheated, "
                                                               "query_address\nprint(preheated(), query_address())")
    http = AsyncHTTPClient()

    login = await http.fetch(f"{base}/login", raise_error=False)
    facts.login_page = login.body.decode()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', facts.login_page).group(1)
    cookies = "; ".join(cookie.split(";")[0] for cookie in login.headers.get_list("Set-Cookie"))
    typed = await http.fetch(f"{base}/login?next=/voila/render/{NOTEBOOK}", method="POST", raise_error=False,
                             follow_redirects=False, headers={"Cookie": cookies},
                             body=urllib.parse.urlencode({"_xsrf": xsrf, "password": CODE}))
    facts.login_answer = (typed.code, typed.headers.get("Location", ""))

    def count(notebook: str) -> int:
        facts.asked.append(notebook)
        return 1

    voila_compat.replace_pool_size(manager, count)
    # A second entry, never ready: Voilà must take the first one. It leaves the pool whatever happens, since
    # Voilà's shutdown waits for every entry.
    facts.waiting_in_line = asyncio.get_running_loop().create_future()
    voila_compat.pool_of(manager, NOTEBOOK).append(facts.waiting_in_line)
    try:
        async with connect(facts.in_kernel.split()[-1], open_timeout=30) as channel:
            page = await http.fetch(f"{base}/voila/render/{NOTEBOOK}?token={CODE}&lang=en", request_timeout=WAIT_S,
                                    decompress_response=False, headers={"Accept-Encoding": "gzip"})
            facts.request = voila_compat.request_variables(await asyncio.wait_for(channel.recv(), 30))
        facts.pool_after = list(voila_compat.pool_of(manager, NOTEBOOK))
    finally:
        facts.waiting_in_line.cancel()
        pool = voila_compat.pool_of(manager, NOTEBOOK)
        pool[:] = [entry for entry in pool if entry is not facts.waiting_in_line]
    facts.encoding = page.headers.get("Content-Encoding", "")
    facts.page = gzip.decompress(page.body).decode() if facts.encoding == "gzip" else page.body.decode()

    # What the kit template's release_kernel.js asks when the teen leaves the page.
    shutdown = await http.fetch(f"{base}/voila/api/shutdown/{facts.kernel}?token={CODE}", method="POST", body="",
                                raise_error=False)
    facts.shutdown_status = shutdown.code
    facts.kernel_after_shutdown = facts.kernel in manager


async def _in_kernel(manager: object, kernel: str, code: str) -> str:
    """What `code` prints in the kernel, once Voilà has told the kernel its id (it does so when it starts
    running the page: until then the code fails, and is run again, once a second at most: Voilà's client starts
    only after a quiet moment of the kernel's broadcasts, which each run interrupts). A client of its own, with a
    session of its own: one made by the kernel's manager would share Voilà's, and take the kernel's replies to it."""
    client = AsyncKernelClient()
    client.load_connection_info(manager.get_kernel(kernel).get_connection_info())
    client.start_channels()
    printed: list[str] = []
    try:
        while True:
            printed.clear()
            reply = await client.execute_interactive(code, timeout=WAIT_S, output_hook=lambda message: printed.append(
                message["content"].get("text", "")))
            if reply["content"]["status"] == "ok":
                return "".join(printed).strip()
            await asyncio.sleep(1)
    finally:
        client.stop_channels()


def test_every_option_of_the_room_command_line_reaches_a_trait_of_voila(served: Served) -> None:
    """`kit.serve.voila_command`: an option for a class or trait that Voilà no longer has is silently ignored, so
    each `--Class.trait` must name a configurable trait of an object the server made that way (Voilà's page
    exporter and executor are made with the application's configuration, as `NotebookRenderer` makes them; the
    notebook trust store is the one its contents manager checks each page with)."""
    app = served.app
    manager = app.kernel_manager
    kernel = import_item(manager.kernel_manager_class)(parent=manager)
    assert isinstance(kernel, AsyncIOLoopKernelManager)  # whose restarter is the one made below
    made = [app, app.voila_configuration, manager, voila.exporter.VoilaExporter(config=app.config),
            VoilaExecutor(nbformat.v4.new_notebook(), config=app.config),
            AsyncIOLoopKernelRestarter(kernel_manager=kernel, parent=kernel), app.contents_manager.notary]
    for section, traits in app.config.items():
        owners = [owner for owner in made if section in {cls.__name__ for cls in type(owner).__mro__}]
        assert owners, f"--{section}.… reaches no object of Voilà's"
        for name in traits:
            assert any(name in owner.class_trait_names(config=True) for owner in owners), \
                f"--{section}.{name}: no such configurable trait in Voilà"


def test_voila_stops_on_sigterm_with_the_handler_the_room_calls_once(served: Served) -> None:
    """`signal_stop`: the room registers its own handler for SIGTERM and SIGHUP, which calls Voilà's once."""
    assert served.sigterm_handler == voila_compat.signal_stop(served.app)


def test_a_workshop_gets_a_pool_of_its_own_once_opened(served: Served) -> None:
    """`keep_ready`, `keeps_ready`, `fill_pool`: pools start empty (`--pool_size=0`); Voilà reads a notebook's own
    size when it fills its pool."""
    manager = served.app.kernel_manager
    assert voila_compat.keeps_ready(manager, NOTEBOOK) and not voila_compat.keeps_ready(manager, UNOPENED)
    assert voila_compat.pool_of(manager, UNOPENED) == []
    assert served.pool_while_up and voila_compat.started(served.pool_while_up[0])


def test_voila_counts_a_kernel_that_is_still_starting(served: Served) -> None:
    """Why the room replaces `get_pool_size` (`replace_pool_size`, `kit.serve.app.ready_pages`): a teen handed such
    a kernel waits for it. If Voilà stops doing this, the room's count may no longer be needed."""
    assert served.counted_while_starting == 1


def test_the_pool_entries_name_their_kernels_and_the_room_knows_which_wait(served: Served) -> None:
    """`pool_of`, `started`, `kernel_of`, `waiting_kernels`: a started entry names a kernel of the manager (and
    the page it became carries that kernel, test below)."""
    assert served.known_while_up
    assert served.waiting_while_up == {served.kernel}


def test_without_preheating_no_kernel_waits() -> None:
    """`waiting_kernels` on Voilà's kernel manager without preheating, which has no pools."""
    manager = voila_kernel_manager_factory(AsyncMappingKernelManager, preheat_kernel=False, default_pool_size=0)()
    assert voila_compat.waiting_kernels(manager) == set()


def test_the_denylist_is_read_as_voila_reads_it(served: Served) -> None:
    """`preheat_allowed`: the launcher (`--VoilaKernelManager.preheat_denylist`) and checkpoint copies never."""
    manager = served.app.kernel_manager
    assert voila_compat.preheat_allowed(manager, NOTEBOOK)
    assert not voila_compat.preheat_allowed(manager, LAUNCHER)
    assert not voila_compat.preheat_allowed(manager, f".ipynb_checkpoints/{NOTEBOOK}")


def test_a_preheated_kernel_knows_it_and_where_to_hear_of_its_teen(served: Served) -> None:
    """`preheated`, `query_address`, run inside the kernel; the fixture then listens there as the kernel does."""
    assert served.in_kernel == f"True ws://127.0.0.1:{served.port}/voila/query/{served.kernel}"


def test_the_teens_request_reaches_the_preheated_kernel(served: Served) -> None:
    """`request_variables`: the English page's address, as a page's own kernel would find it."""
    assert "lang=en" in served.request["QUERY_STRING"].split("&")


def test_voila_asks_the_rooms_count_and_hands_out_the_pools_first_kernel(served: Served) -> None:
    """`replace_pool_size`, and `pool_of`'s order: the page came from the pool's first entry, not its last."""
    assert served.asked == [NOTEBOOK]
    assert voila_compat.kernel_id_in(served.page) == served.kernel
    assert served.pool_after == [served.waiting_in_line]


def test_the_page_goes_out_through_the_room_handlers_write(served: Served) -> None:
    """`page_handlers`, `PageHandler` and `kernel_id_in`: all of the page, as text, through `write`."""
    assert "".join(served.written) == served.page
    assert voila_compat.kernel_id_in("".join(served.written)) == served.kernel


def test_tornado_keeps_what_is_given_at_creation(served: Served) -> None:
    """`set_at_creation` (the page is compressed) and `request_summary` (in the room's log function)."""
    assert served.encoding == "gzip"
    assert f"GET /voila/render/{NOTEBOOK}?token={CODE}&lang=en (127.0.0.1)" in served.logged


def test_pages_keep_their_compiled_templates_in_the_given_cache(served: Served) -> None:
    """`use_template_cache`: the page's templates were compiled into the cache, by an exporter of Voilà's."""
    assert issubclass(voila.notebook_renderer.VoilaExporter, voila.exporter.VoilaExporter)
    assert any(served.template_cache.iterdir())


def test_the_room_code_page_replaces_voilas_login_form_and_lets_the_code_in(served: Served) -> None:
    """`login_handlers`, `page_templates`, `IdentityProvider` and `LoginHandler` (`kit.serve.room`): the kit's page
    from the template's folder, and Jupyter server's form calling `user_for_token` once the code matched."""
    assert "Il manque le code de la salle" in served.login_page
    assert served.login_answer == (302, f"/voila/render/{NOTEBOOK}")


def test_the_page_scripts_find_what_they_read_and_the_address_they_call(served: Served) -> None:
    """The kit template's scripts: kernel_lost.js and release_kernel.js read the page's configuration and its
    outputs; release_kernel.js asks Voilà's shutdown address when the teen leaves."""
    config = json.loads(served.page.split('<script id="jupyter-config-data" type="application/json">')[1]
                        .split("</script>")[0])
    assert config["kernelId"] == served.kernel and config["baseUrl"] == "/"
    assert '<script type="application/vnd.voila.cell-output+json">' in served.page
    assert "42" in served.page.split('<script type="application/vnd.voila.cell-output+json">')[1]
    assert served.shutdown_status == 204 and not served.kernel_after_shutdown


def test_the_kit_template_fills_voilas_blocks_and_replaces_text_that_is_there(served: Served) -> None:
    """share/voila/templates/datatrail/index.html.j2: a block that Voilà's "lab" template no longer has, or a text
    it no longer writes, would be dropped silently (a third-party address back in the page, no main landmark)."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(served.app.template_paths))
    ours = environment.parse(environment.loader.get_source(environment, "index.html.j2")[0])
    blocks, sources = set(), []
    parent = ours.find(jinja2.nodes.Extends).template.value
    while parent:
        source = environment.loader.get_source(environment, parent)[0]
        sources.append(source)
        tree = environment.parse(source)
        blocks |= {block.name for block in tree.find_all(jinja2.nodes.Block)}
        extends = tree.find(jinja2.nodes.Extends)
        parent = extends.template.value if extends else None
    assert {block.name for block in ours.find_all(jinja2.nodes.Block)} <= blocks
    replacements = [[argument.value for argument in node.args] for node in ours.find_all(jinja2.nodes.Filter)
                    if node.name == "replace"]
    assert replacements
    for old, new in replacements:
        assert any(old in source for source in sources), f"Voilà's template no longer writes {old!r}"
        assert old not in served.page.replace(new, "") and new in served.page


#: What only `kit.voila_compat` may name of Voilà (and of what Voilà runs on) in the kit.
_VOILA_INTERNALS = {"_pools", "_notebook_filter", "_handle_signal_stop", "_create_environment", "_request_summary",
                    "kernel_pools_config", "fill_if_needed", "get_pool_size", "voila_jinja2_env", "VOILA_PREHEAT",
                    "VOILA_KERNEL_ID", "VOILA_APP_PORT", "VOILA_SERVER_URL"}


def test_no_other_module_of_the_kit_touches_voila() -> None:
    """One place to read when Voilà is upgraded: no other module imports Voilà or names its internals."""
    assert touches(Path(kit.__file__).parent, besides="voila_compat.py", modules={"voila"},
                   names=_VOILA_INTERNALS) == {}
