"""Waiting in tests for a condition, never for a number of seconds: a fixed sleep is too short on a busy
machine (the test fails for nothing) and too long everywhere else (the suite waits for nothing)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

__all__ = ["holds", "wait_for"]

#: How often a condition is looked at again: often enough not to add to a test's time, rarely enough to
#: leave the machine to what is awaited.
POLL_S = 0.1
Found = TypeVar("Found")


def wait_for(condition: Callable[[], Found], timeout: float, what: str) -> Found:
    """`condition()`'s first true value, looked at until `timeout` seconds have passed; then the test fails
    with `what`, what it waited for (`"the culled kernel to stop"`)."""
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout:g} s for {what}")
        time.sleep(POLL_S)
    return found


def holds(condition: Callable[[], object], during: float, what: str) -> None:
    """Fails as soon as `condition()` is false within `during` seconds; `what` says what must hold. Only for
    what must not happen when nothing marks the moment it would have happened: where it is used, a comment
    says why no event can be waited for instead."""
    deadline = time.monotonic() + during
    while time.monotonic() < deadline:
        assert condition(), f"{what}: no longer so after {during - (deadline - time.monotonic()):.1f} s"
        time.sleep(POLL_S)
