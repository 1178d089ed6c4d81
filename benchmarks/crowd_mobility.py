"""How fast and how lean the city crowd is: rows, wall time, pings/s and peak memory of `crowd_pings`.

Run: python benchmarks/crowd_mobility.py
Each crowd is measured in a fresh Python process, so its peak resident memory (ru_maxrss, which
includes Python, numpy and pandas themselves) is its own; the tracemalloc peak is what generating the
crowd allocates on top. The unicity line times the estimator the anonymity workshop runs (4 points,
hour x antenna, 2,000 people tested). Target from the engine issue, on the 2-core reference machine:
at least 1,000,000 pings/s.
"""

from __future__ import annotations

import json
import subprocess
import sys

CROWDS = {
    "default crowd (2,000 residents)": None,
    "10x crowd (20,000 residents)": 20_000,
}

MEASURE = """
import json, resource, sys, time, tracemalloc
import numpy as np
from kit.analysis.unicity import unicity
from kit.engine.crowd import crowd_pings
from kit.engine.random import Stream, domain_rng
from kit.scenario import load_scenario

residents = json.loads(sys.argv[1])
scenario = load_scenario("nantes")
crowd_pings(scenario, domain_rng(scenario.meta.seed, Stream.CROWD), residents=10)  # warm-up: first calls
times = []
for _ in range(3):
    pings = None  # one crowd in memory at a time
    started = time.perf_counter()
    pings = crowd_pings(scenario, domain_rng(scenario.meta.seed, Stream.CROWD), residents=residents)
    times.append(time.perf_counter() - started)
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
unicity(pings, points=4, rng=np.random.default_rng(1), sample=2_000)
unicity_s = time.perf_counter() - started
del pings
tracemalloc.start()
rows = len(crowd_pings(scenario, domain_rng(scenario.meta.seed, Stream.CROWD), residents=residents))
traced_mb = tracemalloc.get_traced_memory()[1] / 1e6
print(json.dumps({"rows": rows, "seconds": min(times), "unicity_s": unicity_s, "rss_mb": rss_mb,
                  "traced_mb": traced_mb}))
"""


def main() -> None:
    for label, residents in CROWDS.items():
        result = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(residents)], capture_output=True,
                                text=True, check=True)
        figures = json.loads(result.stdout)
        print(f"\n{label}")
        print(f"  rows              {figures['rows']:>12,}")
        print(f"  wall time         {figures['seconds']:>12.2f} s   (best of 3)")
        print(f"  pings/s           {figures['rows'] / figures['seconds']:>12,.0f}")
        print(f"  peak memory       {figures['rss_mb']:>12.0f} MB  process (ru_maxrss)")
        print(f"                    {figures['traced_mb']:>12.0f} MB  allocated while generating (tracemalloc)")
        print(f"  unicity, 4 points {figures['unicity_s']:>12.2f} s   (2,000 people tested)")
    print()


if __name__ == "__main__":
    main()
