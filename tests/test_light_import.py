"""The scenario loader and validator must work where numpy and pandas are not installed (in the
browser, before Pyodide's scientific packages load): educators' checks should not need them."""

from __future__ import annotations

import subprocess
import sys

BLOCK_SCIENTIFIC_STACK = """
import sys
for name in ("numpy", "pandas", "faker"):
    sys.modules[name] = None  # any import of them now fails
import kit
from kit.scenario import load_scenario
scenario = load_scenario("nantes")
print(scenario.meta.id, len(scenario.places))
"""


def test_scenario_loads_without_numpy_pandas_or_faker() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_SCIENTIFIC_STACK], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("nantes ")
