"""Data that every workshop page of a scenario reads and none changes, computed once per process.

The class's trails and workshop 4's crowd cost a page a fifth of a second and megabytes of its own; a
room runs thirty pages. `shared_by_pages` keeps one copy per process and scenario, which the room's
kernels, forked from one template process that filled it beforehand (`kit.workshops.page.prepare`),
share copy-on-write. The paper cards call the same functions.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from kit.scenario.model import Scenario

__all__ = ["shared_by_pages"]

Shared = TypeVar("Shared")

#: Scenarios whose shared data a process keeps: the session's, and the few an educator may try beside it.
_SCENARIOS_KEPT = 4
#: id(scenario) → the scenario (held, so that its id is not reused) and its data by computing function.
_shared: OrderedDict[int, tuple[Scenario, dict[Callable, object]]] = OrderedDict()


def shared_by_pages(compute: Callable[[Scenario], Shared]) -> Callable[[Scenario], Shared]:
    """`compute`, run once per process and scenario: for data that every page of a scenario reads and none
    changes (the class's trails, workshop 4's crowd), so that the second page of a kernel, and every kernel
    forked after `prepare`, finds it ready instead of making its own copy. What it returns is shared: a page
    that needs to change some of it works on a copy of that part.

    Scenarios are told apart by object: `load_scenario` gives the pages of one file's content the same
    object, and a new one once the file is edited, whose data is then computed anew.
    """

    @functools.wraps(compute)
    def computed_once(scenario: Scenario) -> Shared:
        kept = _shared.pop(id(scenario), None) or (scenario, {})
        _shared[id(scenario)] = kept  # the most recently used scenario last
        while len(_shared) > _SCENARIOS_KEPT:
            _shared.popitem(last=False)
        data = kept[1]
        if compute not in data:
            data[compute] = compute(scenario)
        return data[compute]

    return computed_once
