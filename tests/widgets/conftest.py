"""What the workshop pages' tests share."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kit.workshops.page import Workshop


@pytest.fixture
def shown_text() -> Callable[[Workshop, str], str]:
    """`shown_text(page, prefix)`: the text a step shows now (its HTML widgets' values, joined), what a teen
    reads there; figures and controls are left out."""

    def read(page: Workshop, prefix: str) -> str:
        return " ".join(part.value for part in page.shown[prefix] if isinstance(getattr(part, "value", None), str))

    return read
