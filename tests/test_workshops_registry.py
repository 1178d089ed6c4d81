"""The workshop table (`kit.workshops.WORKSHOPS`) says what is in the tree: a workshop added, renamed or given
a step in one place only fails here, with the place that is missing."""

from __future__ import annotations

import ast
import json
from importlib import import_module, resources

import pytest

from kit.guide.sources import guides_root
from kit.i18n import LANGUAGES, catalog
from kit.workshops import WORKSHOPS, WorkshopEntry, workshop, workshops_root


def test_the_table_lists_every_notebook_of_a_workshop_in_teaching_order() -> None:
    notebooks = sorted(path.stem for path in workshops_root().glob("[0-9][0-9]_*.ipynb"))
    assert [entry.stem for entry in WORKSHOPS] == notebooks
    assert [entry.number for entry in WORKSHOPS] == list(range(1, len(WORKSHOPS) + 1))


@pytest.mark.parametrize("entry", WORKSHOPS, ids=lambda entry: entry.name)
def test_the_notebook_builds_its_page_and_calls_each_step_once_in_order(entry: WorkshopEntry) -> None:
    notebook = json.loads((workshops_root() / f"{entry.stem}.ipynb").read_text(encoding="utf-8"))
    code = ast.parse("\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"))
    imported = [(node.module, alias.name) for node in ast.walk(code) if isinstance(node, ast.ImportFrom)
                for alias in node.names]
    called = [node.func.attr for node in ast.walk(code)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.startswith("step")]
    assert imported == [(entry.page_module, entry.page_class)]
    assert called == list(entry.steps)


@pytest.mark.parametrize("entry", WORKSHOPS, ids=lambda entry: entry.name)
def test_page_catalog_cards_and_guides_are_where_the_table_says(entry: WorkshopEntry) -> None:
    page = getattr(import_module(entry.page_module), entry.page_class)
    assert page.stem == entry.stem
    assert all(callable(getattr(page, step, None)) for step in entry.steps)
    assert callable(import_module(entry.cards_module).sheets)
    for language in LANGUAGES:
        assert resources.files("kit.i18n").joinpath(entry.catalog(language)).is_file()
        assert (guides_root() / language / entry.guide(language)).is_file()
        messages = catalog(language)
        assert all(entry.step_title(step) in messages for step in range(1, len(entry.steps) + 1))
        assert entry.step_title(len(entry.steps) + 1) not in messages  # no title of a step the page lacks


def test_a_workshop_is_found_by_stem_or_name_and_an_unknown_one_is_named() -> None:
    assert workshop("01_ma_journee") is workshop("ma_journee") is WORKSHOPS[0]
    with pytest.raises(KeyError, match="01_ma_journee"):
        workshop("07_inconnu")
