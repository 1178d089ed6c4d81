"""The public API is small and deliberate: a change to it should be a decision, not an accident."""

import kit


def test_public_names_are_pinned() -> None:
    assert sorted(kit.__all__) == ["__version__", "load", "trail"]
