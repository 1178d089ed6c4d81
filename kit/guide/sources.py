"""The facilitator guide's Markdown files, read with where each part starts (for errors with a line).

`facilitator_guide/{fr,en}/` holds one file per workshop, with the notebook's stem (`01_ma_journee.md`),
and the book's other parts listed in `facilitator_guide/book.yaml`. Each file is YAML front matter
between `---` lines, then Markdown. An installed kit carries the folder as `kit/_guides`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kit.errors import KitError, Problem

__all__ = ["BOOK_FILE", "Book", "GuideFile", "guides_root", "read_book", "read_guide"]

BOOK_FILE = "book.yaml"
_FENCE = "---\n"


def guides_root() -> Path:
    package = Path(__file__).resolve().parents[1]
    installed = package / "_guides"
    return installed if installed.is_dir() else package.parent / "facilitator_guide"


@dataclass(frozen=True)
class GuideFile:
    """One Markdown file of the guide: its front matter, and its body with the line the body starts on."""

    path: Path
    language: str
    stem: str
    front: dict
    body: str
    body_line: int


@dataclass(frozen=True)
class Book:
    """The book's plan (`book.yaml`): its parts, the sections of a workshop guide, the allowed blocks and fields.
    `after_each_workshop` parts are no chapter of their own: each workshop chapter and handout repeats them."""

    path: Path
    before: list[str]
    after: list[str]
    after_each_workshop: list[str]
    sections: dict[str, dict[str, str]]
    blocks: list[str]
    workshop_fields: list[str]
    part_fields: list[str]

    def section(self, role: str, language: str) -> str:
        return self.sections[role][language]


def read_guide(path: Path, language: str) -> GuideFile:
    """Read one file; a missing or broken front matter is a `KitError` naming the file and line."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith(_FENCE) or text.count(_FENCE) < 2:
        raise KitError(Problem(file=path, line=1, field="front matter", found=text.splitlines()[0] if text else "",
                               expected="un en-tête YAML entre deux lignes --- / a YAML header between two --- lines",
                               hint="commence le fichier par ---, les champs (title: …), puis --- "
                                    "/ start the file with ---, the fields (title: …), then ---"))
    _, front_text, body = text.split(_FENCE, 2)
    try:
        front = YAML(typ="safe").load(front_text) or {}
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise KitError(Problem(file=path, line=None if mark is None else mark.line + 2, field="front matter",
                               found=str(getattr(error, "problem", error)),
                               expected="du YAML valide / valid YAML",
                               hint="vérifie les guillemets et l'indentation / check quotes and indentation")) from None
    if not isinstance(front, dict):
        raise KitError(Problem(file=path, line=2, field="front matter", found=type(front).__name__,
                               expected="des champs « nom: valeur » / « name: value » fields"))
    return GuideFile(path=path, language=language, stem=path.stem, front=front, body=body,
                     body_line=front_text.count("\n") + 3)


def read_book(root: Path | None = None) -> Book:
    path = (root or guides_root()) / BOOK_FILE
    try:
        plan = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except YAMLError as error:
        raise KitError(Problem(file=path, line=None, field=BOOK_FILE, found=str(error).splitlines()[0],
                               expected="du YAML valide / valid YAML")) from None
    lists = {}
    for key in ("before", "after", "after_each_workshop", "blocks", "workshop_fields", "part_fields"):
        value = plan.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise KitError(Problem(file=path, line=None, field=key, found=repr(value),
                                   expected="une liste de noms / a list of names"))
        lists[key] = value
    sections = plan.get("sections")
    if not isinstance(sections, dict) or not all(isinstance(titles, dict) for titles in sections.values()):
        raise KitError(Problem(file=path, line=None, field="sections", found=repr(sections),
                               expected="pour chaque rôle, un titre par langue / for each role, a title per language"))
    return Book(path=path, sections=sections, **lists)
