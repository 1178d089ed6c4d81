"""How fast and how lean `datatrail generate` is: wall time per step, rows/s, peak memory.

Run: python benchmarks/generate.py
Each configuration runs in a fresh Python process, so peak memory (ru_maxrss) is its own. Targets from
the engine issue, on the 2-core reference machine: default scenario <= 2 s, peak memory <= 500 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys

CONFIGURATIONS = {
    "default scenario (30 teens, 2,000 residents)": {},
    "10x crowd (30 teens, 20,000 residents)": {"crowd_size": 20_000},
}

MEASURE = """
import json, resource, sys, tempfile, time
from pathlib import Path
from kit.engine.package import write_package
from kit.engine.pipeline import generate
from kit.scenario import load_scenario

options = json.loads(sys.argv[1])
starts = []
started = time.perf_counter()
def progress(step):
    starts.append((step, time.perf_counter()))
scenario = load_scenario("nantes")
loaded = time.perf_counter()
tables = generate(scenario, progress=progress, **options)
generated = time.perf_counter()
steps = [(step, end - begin) for (step, begin), (_, end) in zip(starts, starts[1:] + [("", generated)])]
with tempfile.TemporaryDirectory() as folder:
    write_package(tables, scenario, seed=scenario.meta.seed, out=Path(folder) / "pkg")
written = time.perf_counter()
print(json.dumps({
    "load_s": loaded - started, "generate_s": generated - loaded, "write_s": written - generated,
    "total_s": written - started, "rows": {name: len(table) for name, table in tables.items()},
    "steps": steps, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def main() -> None:
    for label, options in CONFIGURATIONS.items():
        result = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(options)], capture_output=True,
                                text=True, check=True)
        figures = json.loads(result.stdout)
        rows = sum(figures["rows"].values())
        print(f"\n{label}")
        print(f"  load scenario   {figures['load_s']:6.2f} s")
        print(f"  generate        {figures['generate_s']:6.2f} s")
        print(f"  write package   {figures['write_s']:6.2f} s")
        print(f"  total           {figures['total_s']:6.2f} s   {rows:,} rows   "
              f"{rows / figures['total_s']:,.0f} rows/s   peak memory {figures['peak_mb']:.0f} MB")
        for step, seconds in figures["steps"]:
            count = figures["rows"].get(step)
            print(f"    {step:<20} {seconds:6.2f} s" + (f" {count:>10,} rows  {count / seconds:>12,.0f} rows/s"
                                                      if count else ""))
    print()


if __name__ == "__main__":
    main()
