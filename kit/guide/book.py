"""`datatrail guide`: the facilitator guide as one HTML page and a printed book, and the teens' handouts.

A youth worker prepares a session the evening before, often on paper. The book opens with the
introduction, then one chapter per workshop (its guide file), then the session plans; its table of
contents gives page numbers, which a browser cannot compute while printing: the book is printed once,
the page of every heading is read back from the PDF's outline, and it is printed again with the numbers.
The handouts are what teens take home: each workshop's "going further" section (their rights, the
charter's principle, 3 actions) on its own page, with "10 minutes on your real phone" on the back (written
once, `book.yaml`'s `after_each_workshop`, and also closing every workshop chapter), and the access-request
letter with blanks to fill in. The book ends with its sources (`facilitator_guide/sources.yaml`).
Book and handouts speak the scenario's law (`--scenario montreal`: Québec's authority, ages, deadlines and
helplines), from its words (`kit.guide.words`) and its rewordings of the letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kit.analysis.access_letter import letter_html
from kit.guide.bibliography import bibliography_html, read_sources
from kit.guide.check import Guides, load_guides
from kit.guide.markdown import anchor, render
from kit.guide.pages import render as render_template
from kit.guide.pages import write_page
from kit.guide.printer import find_browser, print_pdf
from kit.guide.sources import GuideFile
from kit.i18n import text, use_scenario_texts
from kit.output import replaced_folder
from kit.scenario import DEFAULT_SCENARIO
from kit.version import __version__

__all__ = ["GUIDE_MARKER", "GuideReport", "build_guide"]

GUIDE_MARKER = ".datatrail-guide"
#: The anchor of the book's last chapter, the bibliography.
_SOURCES = "sources"


@dataclass(frozen=True)
class GuideReport:
    out: Path
    book_pdf: Path
    handouts_pdf: Path
    pages: int


@dataclass(frozen=True)
class _Entry:
    """A line of the table of contents: a chapter (level 1) or one of its sections (level 2)."""

    level: int
    title: str
    target: str


def build_guide(out: Path, *, language: str, scenario: str | Path = DEFAULT_SCENARIO, root: Path | None = None,
                progress: Callable[[str], None] = lambda _: None) -> GuideReport:
    """Check the guide (`root`: another copy of facilitator_guide/) in the words of `scenario`, then write the
    book (HTML + PDF) and the handouts (HTML + PDF) into `out`, replaced only once complete."""
    from pypdf import PdfReader

    guides = load_guides(root, scenario=scenario)
    find_browser()
    use_scenario_texts(guides.words.source.texts)  # the handouts' letter in the place's law, as on screen
    progress(text("guide.checked", language, count=len(guides.parts(language))))
    with replaced_folder(out, marker=GUIDE_MARKER, command="datatrail guide") as folder:
        book_name, handouts_name = text("guide.book_file", language), text("guide.handouts_file", language)
        entries = _entries(guides, language)
        page = write_page(folder / f"{book_name}.html", title=text("guide.book_title", language),
                          body=_book(guides, language, entries, pages=None), language=language, kind="book")
        progress(text("guide.printing", language))
        draft = print_pdf(page, folder / f"{book_name}.pdf")
        pages = _outline_pages(PdfReader(draft), entries)
        write_page(page, title=text("guide.book_title", language),
                   body=_book(guides, language, entries, pages=pages), language=language, kind="book")
        book = print_pdf(page, draft)
        handouts = write_page(folder / f"{handouts_name}.html", title=text("guide.handouts_title", language),
                              body=_handouts(guides, language), language=language, kind="handout")
        handouts_pdf = print_pdf(handouts, handouts.with_suffix(".pdf"))
        count = len(PdfReader(book).pages)
    return GuideReport(out=out, book_pdf=out / book.name, handouts_pdf=out / handouts_pdf.name, pages=count)


def _entries(guides: Guides, language: str) -> list[_Entry]:
    """The book's headings of levels 1 and 2 in reading order: the table of contents, and the PDF's outline."""
    entries = [_Entry(1, text("guide.contents", language), "contents")]
    for guide in guides.parts(language):
        entries.append(_Entry(1, _chapter_title(guide, guides), guide.stem))
        entries += [_Entry(2, heading.text, anchor(guide.stem, heading.text))
                    for heading in guides.parsed[language][guide.stem].headings if heading.level == 2]
        entries += [_Entry(2, part.title, part.target) for part in _after_workshop(guides, guide)]
    return [*entries, _Entry(1, text("guide.sources_title", language), _SOURCES)]


def _chapter_title(guide: GuideFile, guides: Guides) -> str:
    if guide.stem not in guides.workshops:
        return guide.front["title"]
    number = guides.workshops.index(guide.stem) + 1
    return text("guide.workshop_title", guide.language, number=number, title=guide.front["title"])


@dataclass(frozen=True)
class _Closing:
    """A part printed at the end of a workshop chapter and on its handout: its title, its heading's id in the
    chapter, and its HTML."""

    title: str
    target: str
    html: str


def _book(guides: Guides, language: str, entries: list[_Entry], *, pages: dict[str, int] | None) -> str:
    chapters = []
    for guide in guides.parts(language):
        is_workshop = guide.stem in guides.workshops
        chapters.append(render_template("book/chapter.html.j2", language=language, guide=guide,
                                        title=_chapter_title(guide, guides), workshop=is_workshop,
                                        body=render(guide), after=_after_workshop(guides, guide)))
    chapters.append(render_template("book/sources.html.j2", language=language, target=_SOURCES,
                                    title=text("guide.sources_title", language),
                                    sources=bibliography_html(read_sources(guides.root), language)))
    return render_template("book/book.html.j2", language=language, version=__version__, entries=entries,
                           pages=pages, chapters=chapters)


def _outline_pages(reader, entries: list[_Entry]) -> dict[str, int]:
    """Page of each entry, from the outline Chromium writes from the headings (levels 1 and 2, in order)."""
    found: list[tuple[int, str, int]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth + 1, _plain(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    pages, position = {}, 0
    for entry in entries:
        match = next((index for index in range(position, len(found))
                      if found[index][:2] == (entry.level, _plain(entry.title))), None)
        if match is not None:  # an entry not found keeps no number rather than shifting all the others
            pages[entry.target], position = found[match][2], match + 1
    return pages


def _plain(title: str) -> str:
    """A title without its spaces: the outline loses the space where a long heading wraps onto a new line."""
    return re.sub(r"\s+", "", title)


def _after_workshop(guides: Guides, guide: GuideFile) -> list[_Closing]:
    """The parts that close a workshop chapter and its handout (none for the other chapters), rendered as part
    of this chapter so that their six copies keep distinct ids."""
    if guide.stem not in guides.workshops:
        return []
    return [_Closing(part.front["title"], anchor(guide.stem, part.front["title"]), render(guide, body=part.body))
            for part in guides.after_each_workshop(guide.language)]


def _handouts(guides: Guides, language: str) -> str:
    """One sheet per workshop, from its handout section and on the back the parts that close every workshop,
    then the letter asking an app for one's data."""
    section = guides.book.section("handout", language)
    sheets = []
    for stem in guides.workshops:
        guide = guides.files[language][stem]
        parsed = guides.parsed[language][stem]
        index = [heading.text for heading in parsed.headings if heading.level == 2].index(section)
        start, end = parsed.section(index)
        lines = guide.body.splitlines()[start - guide.body_line + 1:end - guide.body_line]
        sheets.append(render_template("book/handout.html.j2", language=language, title=guide.front["title"],
                                      body=render(guide, body="\n".join(lines)),
                                      after=_after_workshop(guides, guide)))
    return render_template("book/handouts.html.j2", language=language, sheets=sheets,
                           letter=letter_html(None, language=language))
