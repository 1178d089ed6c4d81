"""The scenario loader and validator must work where numpy and pandas are not installed (in the
browser, before Pyodide's scientific packages load): educators' checks should not need them, nor Babel
(the pages' formats, installed with the workshops)."""

from __future__ import annotations

import subprocess
import sys

BLOCK_SCIENTIFIC_STACK = """
import sys
for name in ("numpy", "pandas", "faker", "babel"):
    sys.modules[name] = None  # any import of them now fails
import kit
from kit.scenario import load_scenario
scenario = load_scenario("nantes")
print(scenario.meta.id, len(scenario.places))
"""


def test_scenario_loads_without_numpy_pandas_faker_or_babel() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_SCIENTIFIC_STACK], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("nantes ")


BLOCK_LAPTOP_SERVER = """
import sys
for name in ("psutil", "jupyter_client", "jupyter_server", "voila", "zmq", "tornado"):
    sys.modules[name] = None  # not in the browser's Python (Pyodide)
import kit.page_env, kit.page_env.preheat, kit.serve, kit.widgets.language, kit.widgets.launcher
print("ok")
"""


def test_pages_import_the_room_constants_without_the_laptop_server() -> None:
    """Pages read the room's constants from `kit.page_env` in the static site too, where the server, its kernel
    template and psutil do not exist (kit/site/kit_wheel.py leaves them out); `kit.serve` still imports there."""
    result = subprocess.run([sys.executable, "-c", BLOCK_LAPTOP_SERVER], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
