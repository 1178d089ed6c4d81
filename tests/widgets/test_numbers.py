"""Numbers as each language writes them, and never a "-0" on a cold day in Montréal."""

from __future__ import annotations

from kit.widgets.numbers import decimal, euros, percent


def test_decimal_marks_per_language() -> None:
    assert decimal(0.375, 2, "fr") == "0,38" and decimal(0.375, 2, "en") == "0.38"
    assert euros(1.5, 2, "fr") == "1,50 €" and euros(1.5, 2, "en") == "€1.50"
    assert percent(0.864, "fr") == "86 %" and percent(0.864, "en") == "86%"


def test_a_small_negative_value_rounds_to_zero_without_a_sign() -> None:
    assert decimal(-0.3, 0, "fr") == "0" and decimal(-0.04, 1, "en") == "0.0"
    assert decimal(-1.6, 0, "fr") == "-2"
