"""The guide's bibliography: every study, figure and legal rule a teen or a facilitator reads, and where it is from.

A youth worker asked « d'où vient ce chiffre ? » in front of a group must be able to answer, and a wrong fact
costs their trust for good. So the sources are data (`facilitator_guide/sources.yaml`, one entry per study, law
or document: authors, year, title, where it was published, its address, and what the kit takes from it), the
book prints them as its last chapter, and a test holds every screen and guide text that cites research or
law to an entry here, by the words the text names it with (`cited_as`).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kit.errors import KitError, Problem
from kit.guide.sources import guides_root
from kit.i18n import LANGUAGES

__all__ = ["SOURCES_FILE", "Source", "bibliography_html", "read_sources"]

SOURCES_FILE = "sources.yaml"
_TEXT_FIELDS = ("authors", "title", "published", "url")


@dataclass(frozen=True)
class Source:
    """One entry of the bibliography. `keys` are catalog messages that cite it without naming it (a chart
    legend that says "the 2013 study"): they point to this entry instead."""

    id: str
    cited_as: tuple[str, ...]
    authors: str
    year: int
    title: str
    published: str
    url: str
    says: dict[str, str]
    keys: tuple[str, ...]
    line: int


def read_sources(root: Path | None = None) -> list[Source]:
    """The entries of `sources.yaml`, in the file's order; every problem is a `KitError` with its line."""
    path = (root or guides_root()) / SOURCES_FILE
    try:
        entries = YAML().load(path.read_text(encoding="utf-8")) or {}
    except YAMLError as error:
        raise KitError(Problem(file=path, line=None, field=SOURCES_FILE, found=str(error).splitlines()[0],
                               expected="du YAML valide / valid YAML")) from None
    problems, sources = [], []
    for name, entry in entries.items():
        line = entries.lc.key(name)[0] + 1
        found = _problems(path, line, name, entry)
        problems += found
        if not found:
            sources.append(Source(id=name, cited_as=tuple(entry["cited_as"]), year=int(entry["year"]),
                                  says={language: str(entry["says"][language]) for language in LANGUAGES},
                                  keys=tuple(entry.get("keys", ())), line=line,
                                  **{field: str(entry[field]) for field in _TEXT_FIELDS}))
    if problems:
        raise KitError(problems)
    return sources


def _problems(path: Path, line: int, name: str, entry: object) -> list[Problem]:
    def problem(field: str, expected: str, found: object) -> Problem:
        return Problem(file=path, line=line, field=f"{name}.{field}", expected=expected, found=repr(found),
                       hint="voir les autres entrées du fichier / see the file's other entries")

    if not isinstance(entry, dict):
        return [problem("", "une entrée avec ses champs / an entry with its fields", entry)]
    problems = [problem(field, "un texte / a text", entry.get(field)) for field in _TEXT_FIELDS
                if not isinstance(entry.get(field), str) or not entry[field].strip()]
    if not str(entry.get("url", "")).startswith("https://"):
        problems.append(problem("url", "une adresse https:// / an https:// address", entry.get("url")))
    if not isinstance(entry.get("year"), int):
        problems.append(problem("year", "une année / a year (2020)", entry.get("year")))
    cited = entry.get("cited_as")
    if not isinstance(cited, list) or not cited or not all(isinstance(words, str) and words for words in cited):
        problems.append(problem("cited_as", "les mots qui la nomment dans les textes / the words texts name it with",
                                cited))
    says = entry.get("says")
    if not isinstance(says, dict) or any(not str(says.get(language, "")).strip() for language in LANGUAGES):
        problems.append(problem("says", "ce que le kit en tire, en fr et en en / what the kit takes from it, "
                                        "in fr and en", says))
    return problems


def bibliography_html(sources: list[Source], language: str) -> str:
    """The entries as the book's list: who, when, what, where, the address, and what the kit takes from it.
    Addresses are printed, not linked: the book is read on paper and fetches nothing."""
    items = [f'<li id="source-{escape(source.id)}"><span class="authors">{escape(source.authors)}</span> '
             f'({source.year}). <cite>{escape(source.title)}</cite>. {escape(source.published)}. '
             f'<span class="url">{escape(source.url)}</span><br>'
             f'<span class="says">{escape(source.says[language])}</span></li>' for source in sources]
    return '<ol class="sources">' + "".join(items) + "</ol>"
