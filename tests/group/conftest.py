"""What the group screen's tests share: a page in a room whose answers are caught instead of sent, and a
workshop page with every step drawn and a double made, as a teen in the room has it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from kit.page_env import group
from kit.workshops.page import Workshop

#: The double every page test makes: its pseudonym must never reach the group screen.
DOUBLE = "lune42"


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], object]:
    """The page is in a room (it shows the group notice); what it tells is kept here, the latest answer per
    (workshop, question) as the board keeps it, after a round trip through JSON as the answers' door does."""
    monkeypatch.setenv(group.GROUP_URL_VARIABLE, "http://127.0.0.1:9/answers")
    monkeypatch.setenv(group.GROUP_SECRET_VARIABLE, "not-a-secret")
    answers: dict[tuple[str, str], object] = {}

    def catch(workshop: str, question: str, answer: object) -> None:
        sent = json.dumps(answer)
        assert DOUBLE not in sent  # no pseudonym, ever
        answers[workshop, question] = json.loads(sent)

    monkeypatch.setattr(group, "tell", catch)
    return answers


@pytest.fixture
def page_with_double() -> Callable[[type[Workshop]], Workshop]:
    """`page_with_double(Profilage)`: a page with all its steps drawn (in the class's order, as its notebook
    calls them), whose teen made the double `DOUBLE`."""

    def build(workshop: type[Workshop]) -> Workshop:
        page = workshop()
        page.start()
        for name in [name for name in vars(workshop) if name.startswith("step_")]:
            getattr(page, name)()
        page.picker.pseudonym.value = DOUBLE
        page.picker.habits.value = ("sporty",)
        page.picker.go.click()
        return page

    return build
