"""A workshop cell that fails shows teens friendly words (French, then English), never Voilà's
developer message nor a traceback; the cells after it still render."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import nbformat
import pytest

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


@pytest.fixture(scope="module")
def broken_room(tmp_path_factory: pytest.TempPathFactory, serve_folder) -> Iterator:
    root = tmp_path_factory.mktemp("workshops")
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("print('avant')"),
        nbformat.v4.new_code_cell("secret_detail = 'chemin/vers/le/portable'\nraise RuntimeError(secret_detail)"),
    ], metadata=KERNEL)
    nbformat.write(notebook, root / "casse.ipynb")
    with serve_folder(root) as opened:
        yield opened


def test_a_failing_cell_shows_friendly_words_and_no_traceback(broken_room) -> None:
    url = broken_room.url.replace("accueil", "casse")
    body = urllib.request.urlopen(url, timeout=120).read().decode("utf-8")
    assert "avant" in body  # the cell before the failure rendered
    assert "Oups, cette partie de l'atelier ne s'affiche pas." in body
    assert "Oops, this part of the workshop does not show." in body
    assert body.index("Oups") < body.index("Oops")  # French first
    for leak in ("RuntimeError", "chemin/vers/le/portable", "Traceback", "show_tracebacks", "ExecutionError"):
        assert leak not in body, leak


def test_a_cell_that_never_ends_shows_the_same_friendly_words(tmp_path_factory: pytest.TempPathFactory,
                                                              serve_folder) -> None:
    root = tmp_path_factory.mktemp("workshops")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\ntime.sleep(600)")],
                                        metadata=KERNEL)
    nbformat.write(notebook, root / "lent.ipynb")
    with serve_folder(root, cell_timeout_s=3) as room:
        body = urllib.request.urlopen(room.url.replace("accueil", "lent"), timeout=60).read().decode("utf-8")
    assert "Oups, cette partie de l'atelier ne s'affiche pas." in body
    assert "TimeoutError" not in body and "--VoilaExecutor" not in body
