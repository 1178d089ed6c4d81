"""Preheated pages (`kit.serve.app.ready_pages`): only for workshops the room has opened, and handed out
only once their kernel is up — otherwise a teen would wait for a kernel that started after theirs would
have (benchmarks/serve.py: 15 joiners, median 38 s against 1.6 s)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from kit.serve.app import ready_pages


class Pool:
    """What `ready_pages` reads of Voilà's kernel manager (through `kit.voila_compat`), with futures standing
    for kernels starting; the real manager's side of it is held in test_voila_compat.py."""

    def __init__(self, root: Path, pools: dict, kernels: tuple[str, ...] = ("k1",)) -> None:
        self.root_dir, self._pools = str(root), pools
        self.kernel_pools_config = {"default": {"pool_size": 0}}
        self.filled: list[str] = []
        self.kernels = set(kernels)

    def __contains__(self, kernel: str) -> bool:
        return kernel in self.kernels

    def _notebook_filter(self, path: Path) -> bool:
        return path.name != "accueil.ipynb"

    def fill_if_needed(self, notebook_name: str) -> None:
        self.filled.append(notebook_name)


def test_only_kernels_that_are_up_count_from_the_one_voila_takes_first(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    try:
        up, starting, failed, cancelled = (loop.create_future() for _ in range(4))
        up.set_result({"kernel_id": "k1"})
        failed.set_exception(RuntimeError("kernel died"))
        cancelled.cancel()
        count = ready_pages(Pool(tmp_path, {"01.ipynb": [up, starting], "02.ipynb": [starting, up],
                                           "03.ipynb": [failed, up], "04.ipynb": [cancelled]}))
        assert count("01.ipynb") == 1
        assert count("02.ipynb") == count("03.ipynb") == count("04.ipynb") == 0
        failed.exception()  # retrieved: asyncio would warn about an unretrieved exception otherwise
    finally:
        loop.close()


def test_a_workshop_keeps_a_kernel_ready_once_it_has_been_opened(tmp_path: Path) -> None:
    for name in ("01_ma_journee.ipynb", "accueil.ipynb"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    pool = Pool(tmp_path, {})
    count = ready_pages(pool)
    assert count("01_ma_journee.ipynb") == 0  # the first visit gets a kernel of its own...
    assert pool.kernel_pools_config["01_ma_journee.ipynb"] == {"pool_size": 1}
    assert pool.filled == ["01_ma_journee.ipynb"]
    count("01_ma_journee.ipynb")
    assert pool.filled == ["01_ma_journee.ipynb"]  # ...and asks the pool once
    for never in ("accueil.ipynb", "made_up.ipynb", "../../etc/passwd"):  # the launcher, a guessed address
        count(never)
    assert pool.filled == ["01_ma_journee.ipynb"]
    assert set(pool.kernel_pools_config) == {"default", "01_ma_journee.ipynb"}


def test_a_waiting_kernel_that_died_leaves_the_pool_for_a_new_one(tmp_path: Path) -> None:
    """The room gives a dead kernel up (and forgets it): the next teen must not be handed it."""
    loop = asyncio.new_event_loop()
    try:
        died, up = loop.create_future(), loop.create_future()
        died.set_result({"kernel_id": "gone"})
        up.set_result({"kernel_id": "k1"})
        pools = {"01.ipynb": [died, up]}
        pool = Pool(tmp_path, pools)
        pool.kernel_pools_config["01.ipynb"] = {"pool_size": 1}
        assert ready_pages(pool)("01.ipynb") == 1
        assert pools["01.ipynb"] == [up] and pool.filled == ["01.ipynb"]
    finally:
        loop.close()
