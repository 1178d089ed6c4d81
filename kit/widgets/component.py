"""What every component of a workshop page promises (a persona picker, a guess card, a banner…).

A component is built once (per trail, or per page when the page has no trail), takes the page's language
as a code (`language="fr"`) when it is built, and relabels itself in place when the page switches
language (`relabel`): every word changes, nothing the teen did is lost (a guess, a tick, a design). No
component watches the language switch itself: the page tells its components, so that a component the page
has let go is not kept alive, and redrawn, by a switch it no longer shows.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Component"]


@runtime_checkable
class Component(Protocol):
    def relabel(self, language: str) -> None:
        """Every word in `language`, in place; what the teen chose stays."""
