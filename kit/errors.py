"""The one exception type the kit raises for problems a user can fix.

Educators edit scenario files by hand, so every problem carries where it is (file, line, field), what
was expected and how to fix it. Only `kit.cli` turns a `KitError` into a message and an exit code;
everything below it raises and never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["KitError", "Problem"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located precisely enough to fix it without reading Python."""

    file: Path | None
    line: int | None
    field: str
    expected: str
    hint: str = ""
    found: str = ""

    def format(self) -> str:
        where = str(self.file) if self.file else "<scénario>"
        if self.line is not None:
            where += f", ligne {self.line}"
        lines = [f"{where} — {self.field}" if self.field else where]
        if self.found:
            lines.append(f"  trouvé / found: {self.found}")
        lines.append(f"  attendu / expected: {self.expected}")
        if self.hint:
            lines.append(f"  à faire / fix: {self.hint}")
        return "\n".join(lines)


class KitError(Exception):
    """Raised with every problem found, so one run of `datatrail check` lists them all."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(self.format())

    def format(self) -> str:
        return "\n\n".join(problem.format() for problem in self.problems)
