"""Every workshop notebook runs on the second city, Montréal, in French and in English: a city made only
of scenario files works wherever Nantes does."""

from __future__ import annotations

import json
import os

import nbformat
import pytest

from kit.i18n import LANGUAGES
from kit.scenario import load_scenario
from kit.workshops import available_workshops, workshops_root

#: Places only Nantes has: none may show on a page of the Montréal session.
_NANTES_ONLY = sorted({place.name for place in load_scenario("nantes").places}
                      - {place.name for place in load_scenario("montreal").places})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stem", available_workshops())
def test_the_workshop_runs_on_montreal(stem: str, language: str, run_in_kernel) -> None:
    path = workshops_root() / f"{stem}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    # After the page, one more cell says which city and language the page's workshop runs on.
    notebook.cells.append(nbformat.v4.new_code_cell("print(atelier.scenario.meta.id, atelier.language.value)"))
    client = run_in_kernel(notebook, folder=path.parent,
                           env={**os.environ, "DATATRAIL_SCENARIO": "montreal", "QUERY_STRING": f"lang={language}"})
    errors = [output for cell in notebook.cells for output in cell.get("outputs", []) if output.output_type == "error"]
    assert errors == []
    assert notebook.cells[-1].outputs[0]["text"].split() == ["montreal", language]
    page = json.dumps(client.widget_state, ensure_ascii=False)
    assert [name for name in _NANTES_ONLY if name in page] == [], "a Montréal page shows Nantes places"
