"""A room of teens on one laptop: N simulated phones join a workshop one every 2 s and do what a teen does.

Run: python benchmarks/room.py                      (15 then 30 teens into workshop 1)
     python benchmarks/room.py --teens 30 --workshop 04
     python benchmarks/room.py --alone              (one teen, every workshop's main interactions)

`datatrail serve` as a youth worker starts it (its defaults), on loopback. As the guides say, the workshop is
opened once before the group arrives. Then each teen's phone (`phone.py`, the protocol a page speaks, no
browser on the laptop: in a room the browsers run on the phones) opens the workshop, reads for a moment and
taps through the workshop's main interactions, a few seconds apart, and stays on the page until the end.

Printed, per room: how many teens got through every tap; page ready (page asked → widgets usable) and
tap → result (a tap sent → the kernel has sent all it caused) as p50 / p95 over every teen; the laptop's
memory at its peak, for the server and all its kernels. Memory is PSS (a page shared by several processes
counts once, split between them, so forked kernels are not counted many times over); for comparison with
earlier figures, the sum of RSS (shared pages counted in every process); and how far the memory the system
says is available fell from before the server started (what the laptop really gave).
The group screen is open all along, as in a debrief: a facilitator's page asking for its figures every second
(`kit.serve.group_screen`); printed, how long each of those requests took, and answer → screen: from a tap that
answers a figure's question to the screen counting it (the figure's answers received reach that tap's rank),
with the page's one-second polling included.
`--alone` prints each interaction's latency for one teen alone on the server (median and max of 5 teens,
one after the other), the figure the issue asks to keep under 0.8 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from tornado.httpclient import AsyncHTTPClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from phone import Phone, Tap, choose, click, pick, set_value, widget

from kit.serve import room_url, start, wait_until_answering
from kit.serve.group_screen import FACILITATOR_HEADER, GROUP_PATH
from kit.workshops import workshops_root

CODE = "bench1"
FACILITATOR = "benchscreen1"


def _double(pseudonym: str) -> list[Tap]:
    return [set_value("pseudo", "TextModel", pseudonym, description="Ton pseudo"),
            click("persona", "C'est parti !", expect=f"Voici la trace de données de {pseudonym}")]


def _telling(question: str, tap: Tap) -> Tap:
    """`tap`, which answers the group screen's `question` (`kit.group`): its figure should count it."""
    return replace(tap, tells=question)


def _clue(models: dict[str, dict]) -> str:
    return widget("CheckboxModel", description="Vers ")(models)


#: Each workshop's main interactions, in the order a teen meets them (French pages, as by default).
SCRIPTS: dict[str, list[Tap]] = {
    "01_ma_journee": [
        *_double("lune42"),
        Tap("day change", widget("DropdownModel", _options_labels="2026-03-17"),
            {"method": "update", "state": {"index": 1}, "buffer_paths": []}, expect="Le 17 mars"),
        choose("home guess", "DropdownModel", "Chantenay", description="Quartier"),
        _telling("found", click("home check", "Vérifier", expect="quartier")),
        set_value("sobriety switch", "CheckboxModel", True, description="Couper la localisation"),
        choose("language switch", "ToggleButtonsModel", "EN", expect="Your day", description="Langue"),
    ],
    "02_consentement": [
        *_double("lune42"),
        _telling("banners", click("banner click", "Tout accepter", expect="Bandeau 2 sur", first=True)),
        choose("banner design", "ToggleButtonsModel", "caché dans « Personnaliser »", expect="Le modèle prédit : 72 %",
               description="Bouton « Refuser »"),
        pick("rights letter", "DropdownModel", 1, expect="données", description="Lettre pour l'appli"),
    ],
    "03_profilage": [
        *_double("lune42"),
        pick("auction replay", "DropdownModel", 5, expect="millisecondes", _options_labels=" pubs)"),
        _telling("blur", set_value("blur: no phone at night", "CheckboxModel", True, expect="Maintenant",
                                   description="Pas de téléphone la nuit")),
        set_value("blur: refuse cookies", "CheckboxModel", True, expect="Maintenant",
                  description="Refuser les cookies"),
    ],
    "04_anonymat": [
        click("Guess-Who start", "Lancer le jeu", expect="personne mystère"),
        Tap("Guess-Who clue", _clue, {"method": "update", "state": {"value": True}, "buffer_paths": []},
            expect="indice(s)"),
        click("Guess-Who another", "Autre personne mystère", expect="personne mystère"),
        choose("curve resolution", "DropdownModel", "4", description="Heures par tranche"),
        click("curve measure", "Mesurer sur toute la ville", expect="4 indices"),
        choose("protection: k", "DropdownModel", "10", description="Se cacher parmi"),
        _telling("protection", click("protection publish", "Publier les données protégées",
                                     expect="groupe d'au moins 10")),
    ],
    "05_cantine": [
        choose("school", "DropdownModel", "Collège de l'Erdre", expect="Cette école compte", first=True,
               description="École"),
        set_value("guess", "BoundedIntTextModel", 400, description="Ton idée"),
        _telling("guess", click("guess check", "Vérifier", expect="Ton écart :")),
        set_value("forecast: menu", "CheckboxModel", True, description="le menu"),
        _telling("forecast", click("forecast", "Calculer ma prévision", expect="repas")),
        choose("ethics card", "ToggleButtonsModel", "pas utile", _options_labels="pas utile"),
        click("ethics check", "Vérifier mon tri", expect="Cartes bien rangées"),
    ],
    "06_charte": [
        _telling("commitments", set_value("commitment", "CheckboxModel", True, description="On garde le n°1")),
        choose("label: app", "DropdownModel", "Chatou", expect="Chatou : note", description="Appli à noter"),
        choose("label: criterion", "DropdownModel", "2 — tout en Europe", expect="Chatou : note",
               description="Données en Europe"),
        set_value("poster: group", "TextModel", "Les 4e B", description="Nom du groupe"),
        click("poster", "Faire l'affiche", expect="Les 4e B"),
    ],
}
#: Typing a field's value is not a result a teen waits for: not counted in tap → result.
_NOT_WAITED = {"pseudo", "guess", "poster: group", "commitment", "forecast: menu", "home guess", "protection: k",
               "curve resolution", "ethics card"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory_mb(pids: list[int]) -> tuple[float, float, float]:
    """PSS, RSS and USS (pages of their own: what one more such process costs) of `pids`, summed, in MB."""
    pss = rss = uss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                field, value = line.split(":", 1) if ":" in line else ("", "")
                if field == "Pss":
                    pss += int(value.split()[0])
                elif field == "Rss":
                    rss += int(value.split()[0])
                elif field in ("Private_Clean", "Private_Dirty"):
                    uss += int(value.split()[0])
        except OSError:
            continue
    return pss / 1024, rss / 1024, uss / 1024


def available_mb() -> float:
    """What the system says it can still give without swapping (MemAvailable)."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class MemoryWatch(threading.Thread):
    """Samples the server's process tree every second; keeps the peak, and the largest drop of the system's
    available memory since `before` (taken before the room's server started)."""

    def __init__(self, root: int, before: float) -> None:
        super().__init__(daemon=True)
        self.root, self.peak, self.kernels, self.before, self.drop = root, (0.0, 0.0), 0, before, 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(1):
            pids = descendants(self.root)
            sample = memory_mb(pids)
            if sample[0] > self.peak[0]:
                self.peak = sample
            self.kernels = max(self.kernels, len(pids) - 1)
            self.drop = max(self.drop, self.before - available_mb())


@dataclass
class Teen:
    number: int
    kernel: str = ""
    ready: float | None = None
    taps: dict[str, float] = field(default_factory=dict)
    #: When each tap that answers the group screen was done (monotonic clock), by question.
    answered: dict[str, float] = field(default_factory=dict)
    failure: str = ""


async def teen_session(base: str, workshop: str, teen: Teen, think_s: float, hold: asyncio.Event,
                       code: str = CODE) -> None:
    """`teen` opens `workshop` and does its script in `SCRIPTS`, then stays on the page until `hold` is set."""
    phone = Phone(base, code)
    try:
        teen.ready = await phone.open(f"{workshop}.ipynb")
        teen.kernel = phone.kernel
        for tap in SCRIPTS[workshop]:
            await asyncio.sleep(think_s)
            if tap.name == "pseudo":
                tap = set_value("pseudo", "TextModel", f"ado{teen.number}", description="Ton pseudo")
            elif tap.name == "persona":
                tap = click("persona", "C'est parti !", expect=f"Voici la trace de données de ado{teen.number}")
            teen.taps[tap.name] = await phone.tap(tap)
            if tap.tells:
                teen.answered[tap.tells] = time.monotonic()
        await hold.wait()
    except Exception as error:  # noqa: BLE001 — a teen who failed is a result to print
        teen.failure = f"{type(error).__name__}: {error}"
    finally:
        if hasattr(phone, "channel"):
            await phone.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else float("nan")


@dataclass
class GroupScreen:
    """The facilitator's group screen, as its page asks: once a second. Keeps each request's time and, for each
    question, when the screen first counted each number of answers."""

    base: str
    workshop: str
    requests: list[float] = field(default_factory=list)
    counted: dict[str, dict[int, float]] = field(default_factory=dict)

    async def watch(self, stop: asyncio.Event) -> None:
        client = AsyncHTTPClient()
        while not stop.is_set():
            asked = time.monotonic()
            answer = await client.fetch(f"{self.base}{GROUP_PATH}/donnees", headers={FACILITATOR_HEADER: FACILITATOR})
            self.requests.append(time.monotonic() - asked)
            for figure in json.loads(answer.body)["workshops"][self.workshop]:
                seen = self.counted.setdefault(figure["question"], {})
                for rank in range(1, figure["answers"] + 1):
                    seen.setdefault(rank, time.monotonic())
            await asyncio.sleep(max(0.0, 1 - (time.monotonic() - asked)))

    def delays(self, answered: dict[str, list[float]]) -> list[float]:
        """For each question, its n-th answer (in the order the taps were done) to the screen's n-th count."""
        return [self.counted.get(question, {}).get(rank, float("inf")) - done
                for question, times in answered.items() for rank, done in enumerate(sorted(times), start=1)]


@dataclass
class Room:
    process: subprocess.Popen
    base: str


def open_room(folder: Path, **options: object) -> Room:
    port = free_port()
    url = room_url("127.0.0.1", port, CODE)
    log = open(folder / f"server-{port}.log", "w")  # noqa: SIM115 — kept open for the server's life
    process = start(workshops_root(), host="127.0.0.1", port=port, code=CODE, url=url, output=log,
                    facilitator=FACILITATOR, **options)
    assert wait_until_answering(process, port), "the room's server did not start"
    return Room(process, f"http://127.0.0.1:{port}")


def close_room(room: Room) -> None:
    room.process.terminate()
    try:
        room.process.wait(30)
    except subprocess.TimeoutExpired:
        room.process.kill()
        room.process.wait()


async def opened_beforehand(room: Room, workshop: str) -> None:
    """The youth worker opens the workshop once, as the guides say; the pool then keeps a page ready."""
    phone = Phone(room.base, CODE)
    await phone.open(f"{workshop}.ipynb")
    await phone.close()
    await asyncio.sleep(15)


async def run_room(teens: int, workshop: str, every_s: float, think_s: float) -> None:
    AsyncHTTPClient.configure(None, max_clients=4 * teens)
    with tempfile.TemporaryDirectory() as folder:
        before = available_mb()
        room = open_room(Path(folder))
        try:
            await opened_beforehand(room, workshop)
            watch = MemoryWatch(room.process.pid, before)
            watch.start()
            hold = asyncio.Event()
            screen = GroupScreen(room.base, workshop)
            screen_open = asyncio.ensure_future(screen.watch(hold))
            group = [Teen(number) for number in range(teens)]
            tasks = []
            for teen in group:
                tasks.append(asyncio.ensure_future(teen_session(room.base, workshop, teen, think_s, hold)))
                await asyncio.sleep(every_s)
            while not all(teen.failure or len(teen.taps) == len(SCRIPTS[workshop]) for teen in group):
                await asyncio.sleep(0.5)
            await asyncio.sleep(2)  # one more memory sample with everyone on their page
            await asyncio.sleep(2)  # the screen's next request, for the last answers
            hold.set()
            await asyncio.gather(*tasks, screen_open)
            watch.stopped.set()
            watch.join()
        finally:
            close_room(room)
    report(teens, workshop, group, watch, screen)


def report(teens: int, workshop: str, group: list[Teen], watch: MemoryWatch, screen: GroupScreen) -> None:
    done = [teen for teen in group if not teen.failure]
    ready = [teen.ready for teen in group if teen.ready is not None]
    waited = [seconds for teen in done for name, seconds in teen.taps.items() if name not in _NOT_WAITED]
    first = [teen.taps[SCRIPTS[workshop][1].name] for teen in done if SCRIPTS[workshop][1].name in teen.taps]
    print(f"| {teens} teens, {workshop} | {len(done)}/{teens} | {statistics.median(ready):.1f} s / "
          f"{percentile(ready, 0.95):.1f} s | {statistics.median(waited):.2f} s / {percentile(waited, 0.95):.2f} s "
          f"| {watch.peak[0] / 1024:.2f} GB PSS ({watch.peak[1] / 1024:.2f} GB RSS summed; the system's available "
          f"memory fell by {watch.drop / 1024:.2f} GB), {watch.kernels} processes |")
    print(f"    first result tap ({SCRIPTS[workshop][1].name}): p50 {statistics.median(first):.2f} s, "
          f"p95 {percentile(first, 0.95):.2f} s" if first else "")
    for name in dict.fromkeys(name for teen in done for name in teen.taps):
        values = [teen.taps[name] for teen in done if name in teen.taps]
        print(f"    {name:28s} p50 {statistics.median(values):5.2f} s  p95 {percentile(values, 0.95):5.2f} s  "
              f"max {max(values):5.2f} s")
    answered: dict[str, list[float]] = {}
    for teen in done:
        for question, done_at in teen.answered.items():
            answered.setdefault(question, []).append(done_at)
    delays = screen.delays(answered)
    print(f"    group screen: its requests p50 {statistics.median(screen.requests):.3f} s, p95 "
          f"{percentile(screen.requests, 0.95):.3f} s; answer → screen p50 "
          + (f"{statistics.median(delays):.2f} s, p95 {percentile(delays, 0.95):.2f} s, max {max(delays):.2f} s "
             f"({len(delays)} answers)" if delays else "— (no tap of this workshop answers the screen)"))
    for teen in group:
        if teen.failure:
            print(f"    teen {teen.number} failed: {teen.failure}")


async def run_alone(repeats: int) -> None:
    """One teen at a time: each workshop's interactions, `repeats` teens one after the other; and the memory
    of the teen's kernel once every interaction is done (PSS: what the page adds to the laptop)."""
    AsyncHTTPClient.configure(None, max_clients=16)
    with tempfile.TemporaryDirectory() as folder:
        room = open_room(Path(folder))
        try:
            print("| workshop | interaction | one teen: median | max |")
            print("|---|---|---|---|")
            memory: dict[str, list[tuple[float, float, float]]] = {}
            for workshop in SCRIPTS:
                await opened_beforehand(room, workshop)
                runs: list[Teen] = []
                for number in range(repeats):
                    teen, hold = Teen(number), asyncio.Event()
                    session = asyncio.ensure_future(teen_session(room.base, workshop, teen, 0.5, hold))
                    while not (teen.failure or len(teen.taps) == len(SCRIPTS[workshop])):
                        await asyncio.sleep(0.2)
                    memory.setdefault(workshop, []).append(memory_mb([kernel_pid(room.process.pid, teen.kernel)]))
                    hold.set()
                    await session
                    runs.append(teen)
                    await asyncio.sleep(5)  # the pool refills between teens, as between arrivals in a room
                failures = [teen.failure for teen in runs if teen.failure]
                ready = [teen.ready for teen in runs if teen.ready is not None]
                print(f"| {workshop} | page ready | {statistics.median(ready):.2f} s | {max(ready):.2f} s |")
                for tap in SCRIPTS[workshop]:
                    values = [teen.taps[tap.name] for teen in runs if tap.name in teen.taps]
                    if values:
                        print(f"| {workshop} | {tap.name} | {statistics.median(values):.2f} s | {max(values):.2f} s |")
                for failure in failures:
                    print(f"  failed: {failure}")
            print("\n| workshop | the teen's kernel, all interactions done (max of the teens): its own pages (USS) "
                  "| PSS | RSS |")
            print("|---|---|---|---|")
            for workshop, samples in memory.items():
                pss, rss, uss = (max(sample[part] for sample in samples) for part in range(3))
                print(f"| {workshop} | {uss:.0f} MB | {pss:.0f} MB | {rss:.0f} MB |")
        finally:
            close_room(room)


def kernel_pid(server: int, kernel: str) -> int:
    """The process of a kernel of the server (its command line names its connection file)."""
    for pid in descendants(server):
        try:
            if f"kernel-{kernel}.json" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                return pid
        except OSError:
            continue
    raise LookupError(f"no process for kernel {kernel}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teens", type=int, action="append", help="room size (repeatable; default 15 and 30)")
    parser.add_argument("--workshop", default="01", help="workshop number or stem (default 01)")
    parser.add_argument("--every", type=float, default=2.0, help="seconds between two arrivals")
    parser.add_argument("--think", type=float, default=3.0, help="seconds a teen reads before each tap")
    parser.add_argument("--alone", action="store_true", help="one teen, every workshop's interactions")
    parser.add_argument("--repeats", type=int, default=5, help="teens one after the other, with --alone")
    options = parser.parse_args()
    print(f"{os.cpu_count()} cores; {Path('/proc/meminfo').read_text().splitlines()[0]}")
    if options.alone:
        asyncio.run(run_alone(options.repeats))
        return
    (workshop,) = [stem for stem in SCRIPTS if stem.startswith(options.workshop)]
    print("| room | all got through | page ready p50 / p95 | tap → result p50 / p95 | laptop memory (peak) |")
    print("|---|---|---|---|---|")
    for teens in options.teens or [15, 30]:
        asyncio.run(run_room(teens, workshop, options.every, options.think))
        time.sleep(5)


if __name__ == "__main__":
    main()
