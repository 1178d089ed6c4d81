"""`datatrail serve --static DIR`: serve a site built by `datatrail build` from the laptop, to the room.

The built site needs no server of its own, only one that sends files with the right types (browsers
refuse WebAssembly and JavaScript modules sent as `text/plain`). Python's file server does, once told
the types; it writes no log of who asked for what.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kit.errors import KitError, Problem
from kit.output import SITE_MARKER
from kit.serve import SESSION_CACHE_S, lan_address, terminal_qr
from kit.serve.address_check import warn_if_unreachable

__all__ = ["serve_static", "static_server"]

#: The site's code and packages (JupyterLite's bundles, its extensions, Pyodide, the wheels).
SESSION_CACHED = ("build/", "extensions/", "static/", "pypi/")


class _SiteFiles(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json",
                      ".whl": "application/zip", ".ipynb": "application/json"}

    def end_headers(self) -> None:
        """Code and packages are kept by browsers for the session: each phone fetches the ~30 MB once, not at
        every visit. Pages and settings are not, so a rebuilt site shows at once."""
        if self.path.lstrip("/").startswith(SESSION_CACHED):
            self.send_header("Cache-Control", f"max-age={SESSION_CACHE_S}")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Nothing kept about who opened what."""


class _RoomServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A phone that locks or leaves mid-download is not an error worth a traceback in the terminal."""


def static_server(folder: Path, *, host: str, port: int) -> ThreadingHTTPServer:
    """A server for the site in `folder` (not started), once the folder is checked to be a built site."""
    if not (folder / SITE_MARKER).is_file():
        raise KitError(Problem(file=folder, line=None, field="--static", found="pas un site du kit / not a kit site",
                               expected="un dossier construit par `datatrail build` / a folder built by it",
                               hint="construis-le d'abord : datatrail build --out DOSSIER / build it first"))
    return _RoomServer((host, port), functools.partial(_SiteFiles, directory=str(folder)))


def serve_static(folder: Path, *, local: bool, port: int,
                 say: Callable[[str], None] = functools.partial(print, flush=True)) -> int:
    """Serve until Ctrl-C and print the address with a QR code (and a warning if it does not answer)."""
    try:
        server = static_server(folder, host="127.0.0.1" if local else "0.0.0.0", port=port)
    except OSError:
        say(f"Le port {port} est peut-être déjà pris : essaie --port {port + 1}\n"
            f"Port {port} may already be in use: try --port {port + 1}")
        return 1
    host = "127.0.0.1" if local else lan_address()
    url = f"http://{host}:{port}/"
    say(f"Site ouvert / site open: {url}")
    say(terminal_qr(url))
    if not local:
        warn_if_unreachable(host, port, say)  # the server listens already: the connection waits in its queue
    say("Ctrl-C pour arrêter / to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
