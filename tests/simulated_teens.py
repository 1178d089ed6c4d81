"""Teens' phones simulated at the protocol level, as the room benchmark's (`benchmarks/phone.py`, `room.py`): a
group doing a workshop's main interactions at once, without a browser per teen on the test machine."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from room import Teen, teen_session  # noqa: E402 — the benchmarks are scripts, found on their folder's path

__all__ = ["teens_do"]


def teens_do(base: str, code: str, workshop: str, numbers: Iterable[int]) -> list[Teen]:
    """Teens `ado<number>` open `workshop` together and do its main interactions (the room benchmark's script);
    returns them once all are done. A teen who failed fails the caller's test. The phones run in a thread of
    their own: a browser test's Playwright already runs an event loop in this one."""

    async def together() -> list[Teen]:
        done = asyncio.Event()
        done.set()  # nobody stays on the page afterwards
        group = [Teen(number) for number in numbers]
        await asyncio.gather(*(teen_session(base, workshop, teen, 0.0, done, code=code) for teen in group))
        return group

    with ThreadPoolExecutor(max_workers=1) as phones:
        group = phones.submit(asyncio.run, together()).result()
    failed = [f"ado{teen.number}: {teen.failure}" for teen in group if teen.failure]
    assert not failed, "\n".join(failed)
    return group
