"""What printing the kit on paper costs the evening before a session: how long `datatrail guide` and
`datatrail cards` take on this machine (with Debian's Chromium as the laptop's browser), how many A4 pages
each PDF has (the paper a youth worker prints) and how big the files are (a USB stick, an email).

Run: python benchmarks/paper.py [--repeat N]   (needs Chromium, as .ci/run installs it)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from kit.guide import build_cards, build_guide
from kit.i18n import LANGUAGES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as scratch:
        for language in LANGUAGES:
            for name, build in (("guide", build_guide), ("cards", build_cards)):
                out = Path(scratch) / f"{name}-{language}"
                times = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    if build is build_cards:
                        build(out, scenario="nantes", language=language)
                    else:
                        build(out, language=language)
                    times.append(time.perf_counter() - started)
                print(f"datatrail {name} --lang {language}: median {statistics.median(times):.1f} s "
                      f"(min {min(times):.1f}, max {max(times):.1f}, {repeat} runs)")
                for pdf in sorted(out.glob("*.pdf")):
                    pages, kilobytes = len(PdfReader(pdf).pages), pdf.stat().st_size / 1e3
                    print(f"  {pdf.name:<28} {pages:>3} pages A4  {kilobytes:>7.0f} kB")


if __name__ == "__main__":
    main()
