"""What the workshop pages' tests share."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import nbformat
import pytest

from kit.page_env import group
from kit.workshops import workshops_root
from kit.workshops.page import Workshop


@pytest.fixture(scope="session")
def workshop_page() -> Callable[..., Workshop]:
    """`workshop_page("04_anonymat")`: a new page of that workshop, built as its notebook builds it (the code
    cells run in order; the page is their `atelier`), so that a test drives what a teen gets. With
    `double="lune42"` (and `habits`), the teen has then created their double with the page's picker."""

    def build(stem: str, *, double: str | None = None, habits: tuple[str, ...] = ()) -> Workshop:
        notebook = nbformat.read(workshops_root() / f"{stem}.ipynb", as_version=4)
        namespace: dict = {}
        for cell in notebook.cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, f"{stem}.ipynb", "exec"), namespace)  # noqa: S102 — the kit's own notebook
        page = namespace["atelier"]
        if double is not None:
            page.picker.pseudonym.value = double
            page.picker.habits.value = habits
            page.picker.go.click()
        return page

    return build


@pytest.fixture
def shown_text() -> Callable[[Workshop, str], str]:
    """`shown_text(page, prefix)`: the text a step shows now (its HTML widgets' values, joined), what a teen
    reads there; figures and controls are left out."""

    def read(page: Workshop, prefix: str) -> str:
        return " ".join(part.value for part in page.shown[prefix] if isinstance(getattr(part, "value", None), str))

    return read


class RoomAnswers(list):
    """A room's group screen as a list: each answer told, as (workshop, question, answer), in order."""

    def to(self, workshop: str, question: str) -> list:
        """The answers told to `question` of `workshop`, in order."""
        return [answer for stem, asked, answer in self if (stem, asked) == (workshop, question)]

    @staticmethod
    def notices(page: Workshop) -> dict[str, list[str]]:
        """The group notices each step of `page` shows (« Ta réponse compte… »), by step; only steps with one."""
        shown = {prefix: [part.value for part in parts if isinstance(part, widgets.HTML)
                          and "datatrail-group-notice" in part.value] for prefix, parts in page.shown.items()}
        return {prefix: notices for prefix, notices in shown.items() if notices}


@pytest.fixture
def room_answers(monkeypatch) -> RoomAnswers:
    """The page is in a room (it shows the group notice) whose group screen is this list, instead of a server."""
    told = RoomAnswers()
    monkeypatch.setattr(group, "in_a_room", lambda: True)
    monkeypatch.setattr(group, "tell", lambda workshop, question, answer: told.append((workshop, question, answer)))
    return told
