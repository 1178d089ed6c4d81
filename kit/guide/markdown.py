"""The guide's Markdown, parsed once: headings, tables and links with their line, and HTML for the book.

CommonMark plus tables (markdown-it-py, the parser Jupyter's own tools use). Inside the book every file is
one chapter, so a link to another guide file (`02_consentement.md`) becomes a link to that chapter, and
heading ids carry the file's stem so that two chapters' "Préparation" sections stay distinct.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kit.guide.sources import GuideFile

__all__ = ["Heading", "Link", "Parsed", "Table", "anchor", "parse", "render", "slug"]

_CHECKBOX = re.compile(r"^\[ \] ")
_MINUTES = re.compile(r"\((\d+) min\)\s*$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int

    @property
    def minutes(self) -> int | None:
        """The duration a plan's heading states, as in "Séance découverte (90 min)"."""
        found = _MINUTES.search(self.text)
        return None if found is None else int(found.group(1))


@dataclass(frozen=True)
class Link:
    target: str
    line: int


@dataclass(frozen=True)
class Table:
    """A table's body rows as cell texts, with the links of each row; `line` is its first row's line."""

    line: int
    rows: list[list[str]]
    row_links: list[list[str]]


@dataclass
class Parsed:
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[tuple[str, str, int]] = field(default_factory=list)  # (source, alt text, line)

    def section(self, index: int) -> tuple[int, int]:
        """Line span [start, end) of the `index`-th `##` section (end: the next `##`, or the end)."""
        tops = [heading.line for heading in self.headings if heading.level == 2]
        return tops[index], tops[index + 1] if index + 1 < len(tops) else 10**9


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def slug(text: str) -> str:
    """`"Sans écran"` → `"sans-ecran"`: ASCII, so that ids and links survive any file system or browser."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def anchor(stem: str, heading: str | None = None) -> str:
    """The book's id of a chapter (`stem`) or of one of its headings."""
    return stem if heading is None else f"{stem}--{slug(heading)}"


def parse(guide: GuideFile) -> Parsed:
    """Headings, tables, links and images of a guide file, each with its line in the file."""
    parsed = Parsed()
    tokens = _markdown().parse(guide.body)
    table: Table | None = None
    row: list[str] = []
    links: list[str] = []
    for index, token in enumerate(tokens):
        line = guide.body_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            parsed.headings.append(Heading(int(token.tag[1]), tokens[index + 1].content.strip(), line))
        elif token.type == "tbody_open":
            table = Table(line, [], [])
        elif token.type == "tbody_close" and table is not None:
            parsed.tables.append(table)
            table = None
        elif token.type == "tr_open":
            row, links = [], []
        elif token.type == "tr_close" and table is not None:
            table.rows.append(row)
            table.row_links.append(links)
        elif token.type == "inline":
            if table is not None and tokens[index - 1].type == "td_open":
                row.append(token.content.strip())
            for child in token.children or []:
                if child.type == "link_open":
                    href = str(child.attrGet("href") or "")
                    parsed.links.append(Link(href, line))
                    links.append(href)
                elif child.type == "image":
                    parsed.images.append((str(child.attrGet("src") or ""), child.content, line))
    return parsed


def render(guide: GuideFile, *, body: str | None = None, shift: int = 0) -> str:
    """HTML of the file's body (or of `body`, a part of it), headings shifted down `shift` levels."""
    tokens = _markdown().parse(guide.body if body is None else body)
    ids: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
            identifier = anchor(guide.stem, tokens[index + 1].content)
            if token.type == "heading_open" and identifier not in ids:  # repeated blocks ("say") get no id
                ids.add(identifier)
                token.attrSet("id", identifier)
        elif token.type == "inline" and _rewrite(token):
            item = next(tokens[before] for before in range(index - 1, -1, -1)
                        if tokens[before].type == "list_item_open")
            item.attrSet("class", "check")
    return _markdown().renderer.render(tokens, _markdown().options, {})


def _rewrite(inline: Token) -> bool:
    """Links to guide files point into the book; "- [ ]" checklists print as boxes to tick (returns True)."""
    for child in inline.children or []:
        if child.type == "link_open":
            target, _, section = str(child.attrGet("href") or "").partition("#")
            if target.endswith(".md") and "/" not in target and ":" not in target:
                child.attrSet("href", "#" + (anchor(target[:-3], section) if section else target[:-3]))
    first = (inline.children or [None])[0]
    if first is None or first.type != "text" or not _CHECKBOX.match(first.content):
        return False
    first.content = "☐ " + first.content[4:]
    return True
