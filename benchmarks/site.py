"""What the static site (`datatrail build`) costs a room: its size on a USB stick or a host, and how long a
teen waits before Python answers in the browser — on this machine, with Debian's Chromium as the teen's browser.

Run: python benchmarks/site.py [--site DIR] [--repeat N]   (needs the test extra and Chromium, as .ci/run
installs them; without --site it builds the default site, core Pyodide runtime, into a temporary folder)

- Sizes: the built folder by part; the kit's own part is its wheel and the workshops' files (`files/`).
- First interactive: served as `datatrail serve --static` serves it, from opening the sandbox console to its
  output ("nantes 45 13 …") on screen: Pyodide started, the kit and Faker installed from the site. Cold: a
  fresh browser profile on disk (empty cache); revisit: the same profile again; workshop: then 01_ma_journee (fr),
  until its message box (the core runtime has no numpy) shows. Every request not to 127.0.0.1 fails (no name
  resolves) and is counted: a site for rooms without internet asks nothing of anyone else.
- Transferred: bytes the server sent (headers included), counted on its socket: the browser's own count
  misses what Pyodide's web worker and JupyterLite's service worker fetch.
Targets: kit's own part <= 10 MB, first workshop interactive <= 20 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, expect, sync_playwright

from kit.serve.static import static_server
from kit.site import build_site
from kit.site.landing import sandbox_url, workshop_url

TIMEOUT_MS = 180_000
#: Outside the laptop no name resolves, so such requests fail (Playwright's routing would abort them too, but
#: it turns the HTTP cache off and the revisit would download everything again).
QUIET = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def megabytes(paths) -> float:
    return sum(path.stat().st_size for path in paths if path.is_file()) / 1e6


def sizes(site: Path) -> dict[str, float]:
    every = [path for path in site.rglob("*") if path.is_file()]
    kit = [*site.glob("pypi/data_trail_kit-*.whl"), *(site / "files").rglob("*")]
    apart = {site / "static" / "pyodide", site / "pypi", site / "files", site / "build", site / "extensions"}
    return {"total": megabytes(every), "runtime": megabytes((site / "static" / "pyodide").rglob("*")),
            "build": megabytes((site / "build").rglob("*")), "extensions": megabytes((site / "extensions").rglob("*")),
            "other": megabytes(path for path in every if not apart & set(path.parents)),
            "wheels": megabytes(set((site / "pypi").rglob("*")) - set(kit)), "kit": megabytes(kit)}


class _Counted:
    """A client's socket that adds what the server sends to `sent` (the handler writes with `sendall`)."""

    def __init__(self, connection, sent: list[int]) -> None:
        self._connection, self._sent = connection, sent

    def sendall(self, data) -> None:
        self._sent[0] += len(data)
        self._connection.sendall(data)

    def __getattr__(self, name: str):
        return getattr(self._connection, name)


def visit(context: BrowserContext, url: str, shown, sent: list[int], seen: list[str]) -> tuple[float, float, int]:
    """Seconds until `shown(page)` is visible, MB sent by the server and requests meanwhile (a new tab)."""
    page = context.new_page()
    sent[0], requests = 0, len(seen)
    started = time.perf_counter()
    page.goto(url)
    expect(shown(page)).to_be_visible(timeout=TIMEOUT_MS)
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    page.close()
    return elapsed, sent[0] / 1e6, len(seen) - requests


def measure(site: Path, repeat: int) -> tuple[dict[str, list[tuple[float, float, int]]], int]:
    """Each visit's (seconds, MB, requests) per kind of visit, `repeat` times, and the requests aborted."""
    sent, seen, aborted = [0], [], []
    server = static_server(site, host="127.0.0.1", port=0)
    finish = server.finish_request
    server.finish_request = lambda connection, address: finish(_Counted(connection, sent), address)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    def note(request) -> None:
        seen.append(request.url)
        if urlsplit(request.url).scheme not in ("data", "blob") and urlsplit(request.url).hostname != "127.0.0.1":
            aborted.append(request.url)

    def sandbox(page):
        return page.locator(".jp-OutputArea-output", has_text="nantes").first

    def workshop(page):
        return page.get_by_role("alert").filter(has_text="numpy").first

    visits = {"cold": [], "revisit": [], "workshop": []}
    try:
        with sync_playwright() as playwright:
            for _ in range(repeat):
                # A profile on disk, as on a phone: Playwright's default contexts keep their cache in memory,
                # where an entry as large as Pyodide's 9.6 MB WebAssembly file is not kept.
                with tempfile.TemporaryDirectory() as profile:
                    context = playwright.chromium.launch_persistent_context(
                        profile, executable_path="/usr/bin/chromium", args=QUIET,
                        viewport={"width": 1024, "height": 768}, locale="fr-FR")
                    context.on("request", note)
                    visits["cold"].append(visit(context, base + sandbox_url("nantes"), sandbox, sent, seen))
                    visits["revisit"].append(visit(context, base + sandbox_url("nantes"), sandbox, sent, seen))
                    visits["workshop"].append(visit(context, base + workshop_url("01_ma_journee", "fr"), workshop,
                                                    sent, seen))
                    context.close()
    finally:
        server.shutdown()
        server.server_close()
    return visits, len(aborted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build one into a temporary folder)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh browser contexts (default: 3)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        built = None
        if arguments.site is None:
            started = time.perf_counter()
            arguments.site = build_site(Path(folder) / "site", scenario="nantes", pyodide=None, language="fr").out
            built = time.perf_counter() - started
        size = sizes(arguments.site)
        visits, aborted = measure(arguments.site, arguments.repeat)
    print(f"build (core runtime): {f'{built:.1f} s' if built is not None else f'skipped, --site {arguments.site}'}")
    print(f"site: {size['total']:.1f} MB in all")
    print(f"  Pyodide runtime + packages (static/pyodide): {size['runtime']:6.1f} MB")
    print(f"  JupyterLite app: {size['build'] + size['extensions'] + size['other']:.1f} MB (build/ "
          f"{size['build']:.1f}, extensions/ {size['extensions']:.1f}, other {size['other']:.1f})")
    print(f"  piplite wheels (pypi/, without the kit's):   {size['wheels']:6.1f} MB")
    print(f"  the kit's own part (its wheel + files/):     {size['kit']:6.1f} MB   (target <= 10 MB)")
    print(f"requests outside 127.0.0.1 (aborted): {aborted}   (must be 0)")
    labels = {"cold": "first interactive (core runtime), cold", "revisit": "  then again, same profile (cached)",
              "workshop": "first workshop interactive (01_ma_journee)"}
    print(f"\n{'visit, ' + str(arguments.repeat) + ' repetitions':<45} {'median s':>8} {'max s':>6} "
          f"{'median MB':>9} {'requests':>8}   target")
    for kind, label in labels.items():
        seconds, sent, requests = zip(*visits[kind])
        print(f"{label:<45} {statistics.median(seconds):8.1f} {max(seconds):6.1f} {statistics.median(sent):9.1f} "
              f"{statistics.median(requests):8.0f}   first workshop interactive <= 20 s")


if __name__ == "__main__":
    main()
