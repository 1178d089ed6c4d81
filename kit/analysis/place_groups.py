"""The city's places grouped by what they mean in a teen's week, as the screen's map and the paper map draw them."""

from __future__ import annotations

__all__ = ["GROUP_OF_KIND"]

#: The legend groups places by what they mean in a teen's week; every place kind belongs to one.
GROUP_OF_KIND = {
    "neighbourhood": "neighbourhood",
    "school": "school",
    "transit_stop": "transit_stop",
    "youth_centre": "outing",
    "shop": "outing",
    "sports": "outing",
    "library": "outing",
    "park": "outing",
    "culture": "outing",
    "food": "outing",
    "work_area": "work_area",
}
