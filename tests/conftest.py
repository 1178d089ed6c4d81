"""Shared fixtures: the default scenario, a real Voilà server started as `datatrail serve` starts it, and a
static site built as `datatrail build` builds it, served as `datatrail serve --static` serves it.

And the tiers: each test is marked by what it uses (`browser`, `server`, `notebook`, `network`, see pyproject),
so that `.ci/run` can run the fast rest first; a test that uses more than its markers say fails."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil
import pytest
from nbclient import NotebookClient
from offline import REFUSING_PROXY, UNREACHABLE_DISTRIBUTION

from kit.guide.printer import BROWSER_VARIABLE
from kit.scenario import load_scenario
from kit.scenario.model import Scenario
from kit.serve import room_url, start, wait_until_answering
from kit.serve.group_screen import group_url
from kit.serve.static import static_server
from kit.site import DISTRIBUTION_VARIABLE, SiteReport, build_site
from kit.voila_compat import kernel_id_in
from kit.workshops import workshops_root

#: The fixtures that put a test in a slow tier, whether it asks for them or a fixture it uses does.
TIER_FIXTURES = {
    "server": {"room", "serve_folder", "datatrail_until_ctrl_c"},
    "browser": {"browser"},
    "notebook": {"run_in_kernel"},
    "network": {"built_site"},  # npm's Pyodide runtime and PyPI's wheels, downloaded once into the user's cache
}
#: The folders whose tests all belong to a tier, whatever they use.
TIER_FOLDERS = {"browser": "browser", "notebooks": "notebook"}
#: The browser that prints the guide and cards, for a test outside the `browser` tier.
NO_BROWSER = "/no-browser-outside-the-browser-tier"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        folder = item.path.relative_to(here).parts[0]
        tiers = {tier for tier, names in TIER_FIXTURES.items() if names & set(item.fixturenames)}
        for tier in sorted(tiers | ({TIER_FOLDERS[folder]} if folder in TIER_FOLDERS else set())):
            item.add_marker(tier)


@pytest.fixture(scope="session")
def _no_downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("no-downloads")


@pytest.fixture(autouse=True)
def _tiers_kept(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _no_downloads: Path) -> Iterator[None]:
    """A test runs without what the tiers it is not marked with would give it, so that one that needs it
    fails rather than passes here by chance: outside `network`, an empty download cache and no way to the
    registries (a clean CI machine has none of their files); outside `browser`, no browser to print with.
    And once it ran, a test that used a tier's fixture without its marker fails: a fixture asked for with
    `request.getfixturevalue` escapes `pytest_collection_modifyitems`, which sees only arguments."""
    if request.node.get_closest_marker("network") is None:
        monkeypatch.setenv("DATATRAIL_CACHE", str(_no_downloads))
        for variable in ("https_proxy", "HTTPS_PROXY"):
            monkeypatch.setenv(variable, REFUSING_PROXY)
    if request.node.get_closest_marker("browser") is None:
        monkeypatch.setenv(BROWSER_VARIABLE, NO_BROWSER)
    yield
    used = set(request.fixturenames)
    unmarked = [tier for tier, names in TIER_FIXTURES.items()
                if names & used and request.node.get_closest_marker(tier) is None]
    if unmarked:
        pytest.fail(f"{request.node.nodeid} uses {', '.join(sorted(used & set().union(*TIER_FIXTURES.values())))} "
                    f"but is not marked {', '.join(unmarked)}: mark it (@pytest.mark.{unmarked[0]}), or ask for the "
                    f"fixture as an argument so that tests/conftest.py marks it", pytrace=False)


@pytest.fixture(scope="session")
def nantes() -> Scenario:
    return load_scenario("nantes")


@dataclass(frozen=True)
class Room:
    base: str
    code: str
    url: str
    pid: int
    log: Path
    #: The group screen's code (`kit.serve.group_screen`), printed only to the facilitator.
    facilitator: str = "ecrangroupe42"

    @property
    def group_url(self) -> str:
        return group_url("127.0.0.1", int(self.base.rsplit(":", 1)[1]), self.facilitator)

    def diagnose(self) -> str:
        """The end of the server's log and the Python stacks of the server and its kernels: what a
        stalled page was waiting for, readable in a CI report."""
        parts = ["--- voila.log (end) ---", "\n".join(self.log.read_text(errors="replace").splitlines()[-15:])]
        spy = shutil.which("py-spy")
        for pid in [self.pid, *self.kernels().values()]:
            if spy is None:
                parts.append(f"--- pid {pid}: py-spy not installed ---")
                continue
            dump = subprocess.run([spy, "dump", "--pid", str(pid)], capture_output=True, text=True, timeout=60,
                                  check=False)
            parts.append(f"--- pid {pid} ---\n{_main_thread(dump.stdout)}{dump.stderr}")
        return "\n".join(parts)

    def kernels(self) -> dict[str, int]:
        """The server's kernels, id to process: its descendants (kernels are forked from the room's template,
        a child of the server; or, without forking, its children), read from /proc (a kernel's command line
        names its connection file, `kernel-<id>.json`)."""
        parents, commands = {}, {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                commands[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue

        def descends(pid: int) -> bool:
            while pid > 1:
                pid = parents.get(pid, 0)
                if pid == self.pid:
                    return True
            return False

        found = {}
        for pid, command in commands.items():
            named = re.search(r"kernel-([0-9a-f-]+)\.json", command)
            if named and descends(pid):
                found[named.group(1)] = pid
        return found

    def preheated(self) -> set[str]:
        """The kernels the pool keeps ready, once Voilà would hand them out: they have started to draw their page,
        whose first cell opens a socket to the server to wait for its teen's request (`kit.serve.preheat`);
        Voilà starts drawing once the kernel's start is over. A kernel handed out has closed that socket."""
        port = int(self.base.rsplit(":", 1)[1])
        waiting = set()
        for kernel, pid in self.kernels().items():
            try:
                sockets = psutil.Process(pid).net_connections(kind="tcp")
            except psutil.NoSuchProcess:
                continue
            if any(found.raddr and found.raddr.port == port and found.status == psutil.CONN_ESTABLISHED
                   for found in sockets):
                waiting.add(kernel)
        return waiting

    @staticmethod
    def kernel_of(page: str) -> str:
        """The id of the kernel behind a rendered page (Voilà writes it into the page's configuration)."""
        return kernel_id_in(page)


def _main_thread(dump: str) -> str:
    """A py-spy dump cut to its command line and main thread: the one running the server or the cell."""
    kept = []
    for line in dump.splitlines():
        if line.startswith("Thread ") and kept and any(seen.startswith("Thread ") for seen in kept):
            break
        if not line.startswith("Python v"):
            kept.append(line)
    return "\n".join(kept) + "\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(root: Path, log_dir: Path, **options) -> Iterator[Room]:
    """`datatrail serve`'s Voilà on a free local port, serving `root`, until the block ends (`options` go
    to `voila_command`)."""
    code, log = "abc234", log_dir / "voila.log"
    for attempt in range(3):
        # A port free when probed may be taken before Voilà binds it (another test's kernel picks its ports in
        # the same range): then another port, rather than a failure that says nothing about the kit.
        port = _free_port()
        url = room_url("127.0.0.1", port, code)
        handle = log.open("w")
        process = start(root, host="127.0.0.1", port=port, code=code, url=url, output=handle,
                        facilitator=Room.facilitator, **options)
        if wait_until_answering(process, port):
            break
        process.kill()
        process.wait(timeout=30)
        handle.close()
        if attempt == 2 or "no available port" not in log.read_text():
            pytest.fail(f"Voilà did not start within 60 s:\n{log.read_text()}")
    with handle:
        try:
            yield Room(f"http://127.0.0.1:{port}", code, url, process.pid, log)
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="session")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Room]:
    """The room a youth worker opens: the kit's workshops."""
    with serving(workshops_root(), tmp_path_factory.mktemp("voila")) as opened:
        yield opened


@pytest.fixture(scope="session")
def serve_folder(tmp_path_factory: pytest.TempPathFactory):
    """Opens a room on any folder of notebooks: `with serve_folder(path) as room: ...`."""
    return lambda root, **options: serving(root, tmp_path_factory.mktemp("voila"), **options)


@pytest.fixture(scope="session")
def run_in_kernel() -> Callable[..., NotebookClient]:
    """`run_in_kernel(notebook, folder=…, env=…)`: the notebook run top to bottom in a real kernel started in
    `folder` (as Voilà starts a page's, next to its notebook) with `env`, its outputs written into its cells;
    returns the client (the notebook as `nb`, its widgets' `widget_state`). A cell that fails fails the test."""

    def run(notebook: nbformat.NotebookNode, *, folder: Path | None = None, env: dict[str, str] | None = None
            ) -> NotebookClient:
        client = NotebookClient(notebook, timeout=180, kernel_name="python3",
                                resources={"metadata": {"path": str(folder)}} if folder else {})
        client.execute(**({"env": env} if env else {}))
        return client

    return run


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    """The default site: Nantes, npm's core Pyodide runtime (downloads kept in the user's cache), and a
    distribution that does not answer for numpy and pandas."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DISTRIBUTION_VARIABLE, UNREACHABLE_DISTRIBUTION)
        return build_site(tmp_path_factory.mktemp("build") / "site", scenario="nantes", pyodide=None, language="fr")


@contextmanager
def serving_site(folder: Path) -> Iterator[str]:
    """The site served on a free local port as `datatrail serve --static` serves it; yields its address."""
    server = static_server(folder, host="127.0.0.1", port=_free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def serve_site():
    """Serves any built site: `with serve_site(folder) as url: ...`."""
    return serving_site


@pytest.fixture(scope="session")
def free_port():
    """`free_port()`: a local port nothing listens on."""
    return _free_port


@pytest.fixture(scope="session")
def site_url(built_site: SiteReport) -> Iterator[str]:
    with serving_site(built_site.out) as url:
        yield url


@contextmanager
def _ctrl_c_on_exit(*arguments: str, stop_within_s: float) -> Iterator[subprocess.Popen]:
    """`python -m kit ARGUMENTS` (stdout readable), stopped with Ctrl-C when the block ends; its exit status is
    then `process.returncode`. Ctrl-C reaches it as in a terminal even when the tests run as a background job
    (which starts with SIGINT ignored, and Python keeps it ignored); one that does not stop is killed, and the
    block fails, rather than the suite waiting for ever."""
    process = subprocess.Popen([sys.executable, "-m", "kit", *arguments], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=stop_within_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
        finally:
            process.stdout.close()


@pytest.fixture(scope="session")
def datatrail_until_ctrl_c():
    """`with datatrail_until_ctrl_c("serve", …, stop_within_s=30) as process: …`, the command as a youth worker
    runs it in a terminal and stops it."""
    return _ctrl_c_on_exit
