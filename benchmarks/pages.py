"""What a teen's clicks cost the laptop that serves the room (issue 14: one answer within 0.8 s, 30 kernels
on one machine): loading the scenario, « C'est parti ! » on a page, workshop 4's first press and a kernel's
peak memory there, and the bytes each figure sends to the phone.

Run: python benchmarks/pages.py [--repeat N]
Each measure runs in a fresh Python process, so that caches and peak memory (ru_maxrss) are its own (outside
a kernel, figures are displayed as text: that output is dropped). Workshop 4 is measured twice: in a fresh
process, the page then a second one; and in a kernel forked from a process that ran
`kit.workshops.page.prepare`, as the room's template does (`kit.serve.kernel_template`), counting the
memory the kernel holds of its own.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

SCENARIO = """
import contextlib, io, json, sys, time
repeat = int(sys.argv[1])
started = time.perf_counter()
from kit.scenario import load_scenario
load_scenario("nantes")
first = time.perf_counter() - started
again = []
for _ in range(repeat):
    started = time.perf_counter()
    load_scenario("nantes")
    again.append(time.perf_counter() - started)
import kit
kit.trail("warm-up")
trails = []
for number in range(repeat):
    started = time.perf_counter()
    kit.trail(f"lune{number}")
    trails.append(time.perf_counter() - started)
from kit.workshops.ma_journee import MaJournee
page = MaJournee()
page.start(), page.step_day(), page.step_trackers(), page.step_guess(), page.step_sobriety()
clicks = []
for number in range(repeat):
    page.picker.pseudonym.value = f"lune{number}"
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        page.picker.go.click()
    clicks.append(time.perf_counter() - started)
print(json.dumps({"first load": [first], "load again": again, "kit.trail": trails,
                  "workshop 1: C'est parti !": clicks}))
"""

ANONYMITY = """
import contextlib, gc, io, json, os, resource, sys, time
from kit.workshops.page import prepare
from kit.workshops.anonymat import Anonymat
from kit.widgets.plain_figure import MIME_TYPE, bundle

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def private_mb():
    fields = dict(line.split(":") for line in open("/proc/self/smaps_rollup").read().splitlines()[1:])
    return sum(int(fields[name].split()[0]) for name in ("Private_Clean", "Private_Dirty")) / 1024

def walk(figures):
    page = Anonymat()
    page.start()
    game, curve, panel = (step.children[1].children[0] for step in (page.step_guess(), page.step_curve(),
                                                                    page.step_protect()))
    with contextlib.redirect_stdout(io.StringIO()):
        started = time.perf_counter()
        game.start.click()
        first_press = time.perf_counter() - started
        for box in game.clues.children:
            box.value = True
        curve.measure.click()
        panel.measure.click()
    for name, part in (("guess who", game), ("unicity curve", curve), ("protect", panel)):
        figures[name] = len(json.dumps(bundle(part.figure)[MIME_TYPE]))
    return first_press

if sys.argv[1] == "fresh":
    figures = {}
    imported = peak_mb()
    first = walk(figures)
    peak_one = peak_mb()
    second = walk(figures)
    print(json.dumps({"imports_mb": imported, "peak_mb": peak_one, "peak_two_pages_mb": peak_mb(),
                      "first_press_s": first, "second_page_first_press_s": second, "figure_bytes": figures}))
else:
    started = time.perf_counter()
    prepare()
    prepared = time.perf_counter() - started
    gc.collect()
    gc.freeze()
    reader, writer = os.pipe()
    if os.fork() == 0:
        before = private_mb()
        first = walk({})
        os.write(writer, json.dumps({"prepare_s": prepared, "first_press_s": first,
                                     "private_mb": private_mb() - before}).encode())
        os._exit(0)
    os.close(writer)
    print(os.read(reader, 10_000).decode())
    os.wait()
"""

FIGURES = """
import json
import kit
from kit.scenario import load_scenario
from kit.widgets.citymap import city_map
from kit.widgets.plain_figure import MIME_TYPE, bundle
from kit.widgets.profile_card import profile_chart
from kit.widgets.timeline import day_timeline
from kit.widgets.trackers import tracker_sankey
scenario = load_scenario("nantes")
trail = kit.trail("lune42")
day = trail["location_pings"]["timestamp"].dt.date.iloc[0]
figures = {"workshop 1 day": day_timeline(trail, scenario, day, language="fr"),
           "workshop 1 map": city_map(scenario, language="fr"),
           "workshop 1 trackers": tracker_sankey(trail, scenario, language="fr"),
           "workshop 3 profile": profile_chart(trail["profiles"], scenario, language="fr")}
print(json.dumps({name: len(json.dumps(bundle(figure)[MIME_TYPE])) for name, figure in figures.items()}))
"""


def _run(code: str, *arguments: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print("Scenario and double (seconds: median, min, max)")
    for name, times in _run(SCENARIO, str(repeat)).items():
        print(f"  {name:<28} {statistics.median(times):6.3f}  {min(times):6.3f}  {max(times):6.3f}")
    anonymity = _run(ANONYMITY, "fresh")
    print("Workshop 4 (Anonyme, vraiment ?), one fresh process")
    print(f"  first press                 {anonymity['first_press_s']:6.2f} s")
    print(f"  a second page's first press {anonymity['second_page_first_press_s']:6.2f} s")
    print(f"  peak memory: imports {anonymity['imports_mb']:.0f} MB, one page walked {anonymity['peak_mb']:.0f} MB, "
          f"two pages {anonymity['peak_two_pages_mb']:.0f} MB")
    forked = _run(ANONYMITY, "forked")
    print("Workshop 4 in a kernel forked from a template process")
    print(f"  template's prepare()        {forked['prepare_s']:6.2f} s")
    print(f"  first press in the kernel   {forked['first_press_s']:6.2f} s")
    print(f"  kernel's own memory after walking the page  {forked['private_mb']:.0f} MB more")
    print("Bytes per figure (plotly JSON sent to the page)")
    for name, size in {**anonymity["figure_bytes"], **_run(FIGURES)}.items():
        print(f"  {name:<28} {size:>7,} B")


if __name__ == "__main__":
    main()
