"""A preheated page is handed out only once its kernel is up: otherwise the teen would wait for a kernel
that started after theirs would have (benchmarks/serve.py: 15 joiners, median 38 s against 1.6 s)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from kit.serve.app import started_in_pool


def test_only_kernels_that_are_up_count_as_ready_from_the_one_voila_takes_first() -> None:
    loop = asyncio.new_event_loop()
    try:
        up, starting, failed, cancelled = (loop.create_future() for _ in range(4))
        up.set_result({"kernel_id": "k1"})
        failed.set_exception(RuntimeError("kernel died"))
        cancelled.cancel()
        manager = SimpleNamespace(_pools={"01_ma_journee.ipynb": [up, starting], "02.ipynb": [starting, up],
                                          "03.ipynb": [failed, up], "04.ipynb": [cancelled]})
        count = started_in_pool(manager)
        assert count("01_ma_journee.ipynb") == 1
        assert count("02.ipynb") == count("03.ipynb") == count("04.ipynb") == 0
        assert count("accueil.ipynb") == 0  # never preheated
        failed.exception()  # retrieved: asyncio would warn about an unretrieved exception otherwise
    finally:
        loop.close()
