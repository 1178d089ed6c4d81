"""Every notebook in workshops/ runs top to bottom in a real kernel, headless, without an error."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kit.workshops import workshops_root

NOTEBOOKS = sorted(workshops_root().glob("*.ipynb"))


def test_the_launcher_and_every_workshop_are_found() -> None:
    assert {"accueil", "01_ma_journee"} <= {path.stem for path in NOTEBOOKS}


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda path: path.stem)
def executed(request: pytest.FixtureRequest, run_in_kernel) -> NotebookClient:
    """Each notebook run once, in the notebooks' folder as Voilà runs it, for every test that reads the run."""
    return run_in_kernel(nbformat.read(request.param, as_version=4), folder=request.param.parent)


def test_notebook_executes(executed: NotebookClient) -> None:
    errors = [output for cell in executed.nb.cells for output in cell.get("outputs", [])
              if output.output_type == "error"]
    assert errors == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebooks_are_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_rendering_writes_into_no_output_widget(executed: NotebookClient) -> None:
    """While Voilà renders a page, its executor copies every write into an Output widget back to the
    kernel on the shell channel, racing the cell's own reply on that socket: on a busy laptop the reply
    is missed and the page hangs until the cell timeout (see kit.widgets.plain_figure). Pages write into
    Output widgets only from callbacks, once rendered."""
    written = {model: state["outputs"] for model, state in executed.widget_state.items()
               if state.get("_model_name") == "OutputModel" and state.get("outputs")}
    assert written == {}
