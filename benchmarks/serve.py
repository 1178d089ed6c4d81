"""How a room feels with `datatrail serve`: time to interactive, bytes per teen, memory per teen, and
15 teens joining within 30 s — on this machine, with Debian's Chromium as the teen's browser.

Run: python benchmarks/serve.py        (needs the test extra and Chromium, as .ci/run installs them)

- Time to interactive: from opening workshop 1 to its profile form on screen (widgets drawn, kernel
  connected). Cold: a fresh browser (empty cache) and a new kernel (`--no-preheat`); then again in
  that browser (cached page code, new kernel). Warm: as `datatrail serve` runs by default, a browser
  that has opened the workshop once, and the kernel Voilà preheated for it (median of 5 visits, each
  after the pool has refilled).
- Transferred: bytes over the network for a first visit and a revisit (Chrome's encodedDataLength,
  WebSocket frames excluded).
- Memory: resident memory of the kernel behind one teen's page after they created their double and
  every step was drawn (RSS counts shared libraries in full: an upper bound).
- Joiners: 15 teens arriving every 2 s, each loading the page (the server runs every cell) and then
  talking to its kernel over the WebSocket. Plain HTTP clients, not 15 browsers: the teens' phones do
  not share the laptop's 2 cores, a browser per teen on this machine would.
Targets (issue 3): cold <= 8 s, warm <= 3 s, <= 150 MB per session, first visit <= 5 MB, revisit
<= 1 MB, 15 joiners p95 <= 15 s.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import websocket
from playwright.sync_api import Page, expect, sync_playwright
from room import descendants, free_port

from kit.serve import room_url, start, wait_until_answering
from kit.voila_compat import kernel_id_in
from kit.workshops import workshops_root

CODE = "bench1"
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"]


def kernels(server_pid: int) -> set[int]:
    """The server's descendants: its kernels (forked from its template, or started as its children) and the
    template."""
    return set(descendants(server_pid)) - {server_pid}


def kernel_pid(server_pid: int, page: Page) -> int:
    """The process of the kernel behind a page (its command line names its connection file)."""
    kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    (pid,) = [pid for pid in kernels(server_pid)
              if f"kernel-{kernel}.json" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")]
    return pid


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def visit(page: Page, url: str) -> tuple[float, int]:
    """Seconds until the profile form shows, and bytes transferred meanwhile."""
    received = []
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    started = time.perf_counter()
    page.goto(url)
    expect(page.get_by_text("Crée ton profil")).to_be_visible(timeout=120_000)
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    session.detach()
    return elapsed, int(sum(received))


def join(base: str, workshop: str, results: list, index: int) -> None:
    """One teen: the rendered page, then a kernel_info round trip over the page's WebSocket."""
    started = time.perf_counter()
    try:
        page = urllib.request.urlopen(workshop, timeout=300).read().decode("utf-8")
        kernel = kernel_id_in(page)
        channel = websocket.create_connection(
            base.replace("http", "ws") + f"/api/kernels/{kernel}/channels?token={CODE}", timeout=300)
        request = {"header": {"msg_id": uuid.uuid4().hex, "msg_type": "kernel_info_request", "username": "",
                              "session": uuid.uuid4().hex, "version": "5.3"},
                   "parent_header": {}, "metadata": {}, "content": {}, "channel": "shell"}
        channel.send(json.dumps(request))
        while json.loads(channel.recv())["msg_type"] != "kernel_info_reply":
            pass
        channel.close()
        results[index] = time.perf_counter() - started
    except Exception as error:  # noqa: BLE001 — a failed joiner is a result to print, not a crash
        results[index] = error


def server(folder: Path, name: str, **options: object) -> tuple[subprocess.Popen, str]:
    """`datatrail serve`'s Voilà on a free port; its log in `folder`."""
    port = free_port()
    url = room_url("127.0.0.1", port, CODE)
    log = open(Path(folder) / f"{name}.log", "w")  # noqa: SIM115 — closed with the folder, after the server
    process = start(workshops_root(), host="127.0.0.1", port=port, code=CODE, url=url, output=log, **options)
    assert wait_until_answering(process, port), f"the {name} server did not start"
    return process, url.replace("accueil", "01_ma_journee")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=QUIET)
        phone = {"viewport": {"width": 390, "height": 844}, "locale": "fr-FR"}

        sober, workshop = server(folder, "no-preheat", preheat=False)
        context = browser.new_context(**phone)
        cold, cold_bytes = visit(context.new_page(), workshop)
        revisit, revisit_bytes = visit(context.new_page(), workshop)
        context.close()
        stop(sober)

        room, workshop = server(folder, "preheat")
        context = browser.new_context(**phone)
        visit(context.new_page(), workshop)  # the workshop's first visit: from then on the pool keeps a kernel
        time.sleep(10)  # the pool's kernel has started and run the page
        first, _ = visit(context.new_page(), workshop)
        teen = context.pages[1]
        mine = kernel_pid(room.pid, teen)
        teen.get_by_label("Ton pseudo").fill("lune42")
        teen.get_by_role("button", name="C'est parti !").click()
        expect(teen.get_by_text("Il reste 100 % de ta trace")).to_be_visible(timeout=120_000)
        memory = rss_mb(mine)
        warm = []
        for _ in range(5):
            time.sleep(10)  # the pool refills (1 s delay, a kernel start, the page run)
            warm.append(visit(context.new_page(), workshop)[0])
        browser.close()
        print(f"time to interactive, cold (empty cache, new kernel): {cold:5.1f} s   (target <= 8 s)")
        print(f"  then again (cached code, new kernel):                {revisit:5.1f} s")
        print(f"time to interactive, warm (cached code, preheated kernel): median {statistics.median(warm):4.1f} s, "
              f"max {max(warm):4.1f} s   (target <= 3 s)  [cached code, preheated, second visit: {first:4.1f} s]")
        print(f"transferred, first visit: {cold_bytes / 1e6:5.2f} MB   (target <= 5 MB)")
        print(f"transferred, revisit:     {revisit_bytes / 1e6:5.2f} MB   (target <= 1 MB)")
        print(f"kernel memory for one teen, all steps drawn: {memory:5.0f} MB RSS   (target <= 150 MB)")
        try:
            joiners(workshop)
        finally:
            stop(room)


def joiners(workshop: str) -> None:
    """15 teens, one every 2 s, on the preheated server."""
    base = workshop.split("/voila/")[0]
    results: list = [None] * 15
    threads = [threading.Thread(target=join, args=(base, workshop, results, index)) for index in range(15)]
    for thread in threads:
        thread.start()
        time.sleep(2)
    for thread in threads:
        thread.join()
    times = sorted(result for result in results if isinstance(result, float))
    failures = [result for result in results if not isinstance(result, float)]
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)] if times else float("nan")
    print(f"15 joiners, one every 2 s: {len(times)} reached their kernel, "
          f"median {statistics.median(times):.1f} s, p95 {p95:.1f} s, max {times[-1]:.1f} s   "
          f"(target p95 <= 15 s)" if times else "15 joiners: none reached their kernel")
    for failure in failures:
        print(f"  joiner failed: {failure!r}")


if __name__ == "__main__":
    main()
