"""`kit.lite.open_workshop`, what the site's console runs, in a real kernel: the workshop notebook's cells run
in the asked language, and a package the site lacks gives the teen a message instead of a traceback.

The browser's installer (`piplite`) exists only in Pyodide: here a stand-in records what it is asked for or
refuses like the real one on a site without numpy (the real refusal is checked in Chromium, see
tests/browser/test_site_in_browser.py)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

STAND_IN = """
import sys, types
piplite = types.ModuleType("piplite")
asked = []
async def install(requirements, keep_going=False):
    asked.append((requirements, keep_going))
    if REFUSE:
        raise ValueError("Can't install: numpy could not be installed: PyPI fallback is disabled")
piplite.install = install
sys.modules["piplite"] = piplite
"""


def _run(run_in_kernel, *cells: str) -> NotebookClient:
    return run_in_kernel(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell) for cell in cells]))


def _outputs(client: NotebookClient) -> list[dict]:
    return [output for cell in client.nb.cells for output in cell.outputs]


def test_the_workshop_runs_in_the_asked_language(run_in_kernel) -> None:
    client = _run(run_in_kernel, "REFUSE = False" + STAND_IN,
                  "from kit.lite import open_workshop\nawait open_workshop('06_charte', 'en')",
                  "import os\nprint(os.environ['QUERY_STRING'], asked[0][1])")
    assert [output for output in _outputs(client) if output.output_type == "error"] == []
    assert client.nb.cells[2].outputs[0].text == "lang=en True\n"
    switches = [state for state in client.widget_state.values() if state.get("_model_name") == "ToggleButtonsModel"
                and state.get("_options_labels") == ["FR", "EN"]]
    assert switches and all(state["index"] == 1 for state in switches)


def test_a_missing_package_shows_a_message_not_a_traceback(run_in_kernel) -> None:
    client = _run(run_in_kernel, "REFUSE = True" + STAND_IN,
                  "from kit.lite import open_workshop\nawait open_workshop('01_ma_journee')")
    outputs = _outputs(client)
    assert [output for output in outputs if output.output_type == "error"] == []
    (message,) = [output for output in outputs if "text/html" in output.get("data", {})]
    assert "Cet atelier ne peut pas démarrer ici" in message.data["text/html"]
    assert "numpy could not be installed" in message.data["text/html"]
