"""Numbers written the way each language writes them: "0,38 €" in French, "€0.38" in English."""

from __future__ import annotations

__all__ = ["decimal", "euros", "percent"]


def decimal(value: float, digits: int, language: str) -> str:
    """`value` with `digits` decimals and the language's decimal mark; never "-0" (a cold -0.3 °C day reads 0)."""
    written = f"{round(value, digits) + 0.0:.{digits}f}"
    return written.replace(".", ",") if language == "fr" else written


def euros(value: float, digits: int, language: str) -> str:
    """An amount in euros, the sign where the language puts it."""
    amount = decimal(value, digits, language)
    return f"{amount} €" if language == "fr" else f"€{amount}"


def percent(share: float, language: str) -> str:
    """A share (0–1) as a whole percentage: "86 %" in French, "86%" in English."""
    whole = round(100 * float(share))
    return f"{whole} %" if language == "fr" else f"{whole}%"
