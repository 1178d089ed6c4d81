"""The guide checker: what a youth worker relies on in the printed guide, verified before it is printed.

Like the Carpentries' lesson validator, it knows the guide's fixed vocabulary (`book.yaml`: parts,
sections, blocks, front-matter fields) and reports every problem at once with its file and line:
a workshop without a guide or a guide without a workshop, a missing field, run-sheet or session-plan
minutes that do not add up to the stated duration, a link to a file or section that does not exist,
French and English files whose sections differ, and a scenario word (`{{law.authority}}`) that does not
exist. The guide is checked as one scenario words it (`kit.guide.words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.errors import KitError, Problem
from kit.guide.bibliography import read_sources
from kit.guide.markdown import Parsed, parse, slug
from kit.guide.sources import Book, GuideFile, guides_root, read_book, read_guide
from kit.guide.words import Words, fill, placeholder_problems, scenario_problems, scenario_words
from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalog
from kit.scenario import DEFAULT_SCENARIO
from kit.workshops import available_workshops, workshop

__all__ = ["Guides", "check_guides", "load_guides"]

_STEP = re.compile(r"^\d\. ")


@dataclass(frozen=True)
class Guides:
    """Every file of the guide, checked and in the scenario's words: `files[language][stem]`, with each file's
    parsed Markdown."""

    root: Path
    words: Words
    book: Book
    workshops: list[str]
    files: dict[str, dict[str, GuideFile]]
    parsed: dict[str, dict[str, Parsed]]

    def parts(self, language: str) -> list[GuideFile]:
        """The book's files in reading order."""
        order = [*self.book.before, *self.workshops, *self.book.after]
        return [self.files[language][stem] for stem in order]

    def after_each_workshop(self, language: str) -> list[GuideFile]:
        """The parts that close every workshop chapter and handout ("10 minutes on your real phone"): written
        once, so that six workshops cannot drift apart."""
        return [self.files[language][stem] for stem in self.book.after_each_workshop]


def load_guides(root: Path | None = None, *, scenario: str | Path = DEFAULT_SCENARIO) -> Guides:
    """Read the guide in the words of `scenario` (a name or a path) and check it; a `KitError` lists every
    problem found."""
    words = scenario_words(scenario)
    guides, problems = _read(root or guides_root(), words)
    problems += scenario_problems(words)
    problems += check_guides(guides)
    try:
        read_sources(guides.root)
    except KitError as error:
        problems += error.problems
    if problems:
        raise KitError(problems)
    return guides


def check_guides(guides: Guides) -> list[Problem]:
    problems: list[Problem] = []
    for language in LANGUAGES:
        for stem, guide in guides.files[language].items():
            parsed = guides.parsed[language][stem]
            is_workshop = stem in guides.workshops
            problems += _fields(guide, guides.book.workshop_fields if is_workshop else guides.book.part_fields)
            problems += _links(guide, parsed, guides)
            problems += _plans(guide, parsed, guides)
            if is_workshop:
                problems += _workshop(guide, parsed, guides.book)
    problems += _parity(guides)
    return problems


def _read(root: Path, words: Words) -> tuple[Guides, list[Problem]]:
    book = read_book(root)
    workshops = available_workshops()
    expected = {*book.before, *workshops, *book.after, *book.after_each_workshop}
    files: dict[str, dict[str, GuideFile]] = {}
    problems = []
    for language in LANGUAGES:
        folder = root / language
        present = {path.stem: path for path in sorted(folder.glob("*.md"))}
        for stem in sorted(expected - set(present)):
            what = ("un guide pour l'atelier / a guide for the workshop" if stem in workshops
                    else f"la partie du livre citée dans / the book part named in {book.path.name}")
            problems.append(Problem(file=folder / f"{stem}.md", line=None, field=stem, found="fichier absent / missing",
                                    expected=what, hint="copie le fichier de l'autre langue et traduis-le "
                                                        "/ copy the other language's file and translate it"))
        for stem in sorted(set(present) - expected):
            problems.append(Problem(file=present[stem], line=None, field=stem,
                                    found="un guide sans atelier ni place dans le livre / a guide with no workshop "
                                          "and no place in the book",
                                    expected=f"un carnet workshops/{stem}.ipynb, ou le nom dans {book.path.name} "
                                             f"/ a notebook workshops/{stem}.ipynb, or the name in {book.path.name}",
                                    hint="renomme le fichier comme le carnet de son atelier "
                                         "/ rename the file like its workshop's notebook"))
        files[language] = {}
        for stem in sorted(expected & set(present)):
            try:
                guide = read_guide(present[stem], language)
            except KitError as error:
                problems += error.problems
                continue
            problems += placeholder_problems(guide, guide.path.read_text(encoding="utf-8"), words)
            files[language][stem] = fill(guide, words)
    common = set.intersection(*(set(found) for found in files.values()))
    files = {language: {stem: files[language][stem] for stem in sorted(common)} for language in LANGUAGES}
    parsed = {language: {stem: parse(guide) for stem, guide in found.items()} for language, found in files.items()}
    return Guides(root, words, book, [stem for stem in workshops if stem in common], files, parsed), problems


def _fields(guide: GuideFile, fields: list[str]) -> list[Problem]:
    missing = [name for name in fields if guide.front.get(name) in (None, "", [])]
    unknown = [name for name in guide.front if name not in fields]
    problems = []
    if missing:
        problems.append(Problem(file=guide.path, line=2, field=", ".join(missing), found="absent / missing",
                                expected=f"les champs / the fields {', '.join(fields)}",
                                hint="ajoute-les dans l'en-tête entre les lignes --- / add them to the header"))
    if unknown:
        problems.append(Problem(file=guide.path, line=2, field=", ".join(unknown), found="champ inconnu / unknown",
                                expected=f"seulement / only {', '.join(fields)}",
                                hint="les noms de champs restent en anglais dans toutes les langues "
                                     "/ field names stay in English in every language"))
    duration = guide.front.get("duration_min")
    if "duration_min" in fields and duration is not None and not isinstance(duration, int):
        problems.append(Problem(file=guide.path, line=2, field="duration_min", found=repr(duration),
                                expected="un nombre de minutes / a number of minutes", hint="par ex. / e.g. 60"))
    return problems


def _workshop(guide: GuideFile, parsed: Parsed, book: Book) -> list[Problem]:
    """Sections in the fixed order, known blocks, and a run sheet whose minutes add up to the duration."""
    language = guide.language
    names = [book.section(role, language) for role in ("preparation", "run_sheet")]
    names += step_headings(guide.stem, language)
    names += [book.section(role, language) for role in ("debrief", "unplugged", "handout")]
    sections = [heading for heading in parsed.headings if heading.level == 2]
    problems = []
    wrong = [(heading, name) for heading, name in zip(sections, names) if heading.text != name]
    if wrong or len(sections) != len(names):
        problems.append(Problem(file=guide.path, line=wrong[0][0].line if wrong else guide.body_line,
                                field="## sections", found=" | ".join(heading.text for heading in sections),
                                expected=" | ".join(names),
                                hint=f"les sections d'un atelier sont fixées dans {book.path.name}, ses étapes portent les "
                                     f"titres de l'écran (kit/i18n/{guide.stem}.*.yaml) / a workshop's sections are "
                                     f"set in {book.path.name}, its steps carry the screen's titles "
                                     f"(kit/i18n/{guide.stem}.*.yaml)"))
    for heading in parsed.headings:
        if heading.level == 3 and heading.text not in book.blocks:
            problems.append(Problem(file=guide.path, line=heading.line, field=f"### {heading.text}",
                                    found=heading.text,
                                    expected=f"un bloc parmi / a block among {', '.join(book.blocks)}",
                                    hint="les noms de blocs restent en anglais / block names stay in English"))
    run_sheet = _section_table(parsed, sections, book.section("run_sheet", language))
    duration = guide.front.get("duration_min")
    if run_sheet is not None and isinstance(duration, int):
        problems += _minutes(guide, run_sheet, duration, f"## {book.section('run_sheet', language)}")
    return problems


def step_headings(stem: str, language: str) -> list[str]:
    """The guide's step sections, one per step on screen and titled as on screen, so that a youth worker
    finds in the guide the words the teens read: in French, the screen's title ("1. Ta journée"); in
    another language, the French title the teens see followed by its translation ("1. Ta journée (Your
    day)"), or the French title alone when both are the same word."""
    entry = workshop(stem)
    headings = []
    for step in range(1, len(entry.steps) + 1):
        shown = catalog(DEFAULT_LANGUAGE)[entry.step_title(step)]
        translated = _STEP.sub("", catalog(language)[entry.step_title(step)])
        headings.append(shown if translated == _STEP.sub("", shown) else f"{shown} ({translated})")
    return headings


def _section_table(parsed: Parsed, sections: list, title: str):
    index = next((position for position, heading in enumerate(sections) if heading.text == title), None)
    if index is None:
        return None
    start, end = parsed.section(index)
    return next((table for table in parsed.tables if start <= table.line < end), None)


def _minutes(guide: GuideFile, table, stated: int, where: str) -> list[Problem]:
    try:
        minutes = [int(row[0]) for row in table.rows]
    except (ValueError, IndexError):
        return [Problem(file=guide.path, line=table.line, field=where, found="une ligne sans minutes / a row without "
                        "minutes", expected="un nombre de minutes dans la première colonne / a number of minutes in "
                                            "the first column")]
    if sum(minutes) == stated:
        return []
    return [Problem(file=guide.path, line=table.line, field=where,
                    found=f"{' + '.join(map(str, minutes))} = {sum(minutes)} min",
                    expected=f"{stated} min, la durée annoncée / the stated duration",
                    hint="corrige les minutes du tableau ou la durée / fix the table's minutes or the duration")]


def _plans(guide: GuideFile, parsed: Parsed, guides: Guides) -> list[Problem]:
    """A heading "… (N min)" is a session plan: its table adds up to N, and a workshop row takes its duration."""
    problems = []
    headings = parsed.headings
    for position, heading in enumerate(headings):
        if heading.minutes is None:
            continue
        end = headings[position + 1].line if position + 1 < len(headings) else 10**9
        table = next((table for table in parsed.tables if heading.line < table.line < end), None)
        if table is None:
            problems.append(Problem(file=guide.path, line=heading.line, field=heading.text,
                                    found="pas de tableau / no table",
                                    expected="un tableau | Minutes | … | sous ce titre / a table under this heading"))
            continue
        problems += _minutes(guide, table, heading.minutes, heading.text)
        for row, links in zip(table.rows, table.row_links):
            for stem in (link[:-3] for link in links if link.endswith(".md")):
                workshop = guides.files[guide.language].get(stem)
                if stem in guides.workshops and workshop is not None and row[0] != str(workshop.front.get(
                        "duration_min")):
                    problems.append(Problem(file=guide.path, line=table.line, field=f"{heading.text} — {stem}",
                                            found=f"{row[0]} min",
                                            expected=f"{workshop.front.get('duration_min')} min, la durée de "
                                                     f"l'atelier / the workshop's duration",
                                            hint="un atelier se fait en entier ; ajoute le temps autour dans une autre "
                                                 "ligne / a workshop runs whole; put extra time in another row"))
    return problems


def _links(guide: GuideFile, parsed: Parsed, guides: Guides) -> list[Problem]:
    """Links to other guide files (and their sections) must resolve; images need a file and a text."""
    problems = []
    folder = guide.path.parent
    for link in parsed.links:
        target, _, section = link.target.partition("#")
        if "://" in target or target.startswith("mailto:"):
            continue
        stem = target[:-3] if target.endswith(".md") else (guide.stem if not target else None)
        known = guides.parsed[guide.language].get(stem) if stem else None
        if known is None or (section and section not in {slug(heading.text) for heading in known.headings}):
            problems.append(Problem(file=guide.path, line=link.line, field="lien / link", found=link.target,
                                    expected="un fichier du guide (01_ma_journee.md), suivi ou non d'une section "
                                             "(#sans-ecran) / a guide file, optionally with a section",
                                    hint=f"fichiers / files: {', '.join(sorted(guides.parsed[guide.language]))}"))
    for source, alt, line in parsed.images:
        if not alt.strip() or not (folder / source).is_file():
            problems.append(Problem(file=guide.path, line=line, field="image", found=f"{source} [{alt}]",
                                    expected="un fichier à côté du guide et un texte qui le décrit / a file next to "
                                             "the guide and a text describing it",
                                    hint="![ce que montre l'image](fichier.png) / ![what it shows](file.png)"))
    return problems


def _parity(guides: Guides) -> list[Problem]:
    """French and English files have the same headings (level by level) and the same durations."""
    problems = []
    first, *others = LANGUAGES
    for stem, reference in guides.parsed[first].items():
        for language in others:
            other = guides.parsed[language][stem]
            guide = guides.files[language][stem]
            ours = [(heading.level, heading.minutes) for heading in reference.headings]
            theirs = [(heading.level, heading.minutes) for heading in other.headings]
            if ours != theirs:
                index = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
                line = other.headings[index].line if index < len(other.headings) else None
                problems.append(Problem(file=guide.path, line=line, field="titres / headings",
                                        found=f"{len(theirs)} titres / headings",
                                        expected=f"les mêmes titres que / the same headings as "
                                                 f"{guides.files[first][stem].path} ({len(ours)})",
                                        hint="traduis section par section / translate section by section"))
            ours_minutes = [table.rows and [row[0] for row in table.rows] for table in reference.tables]
            theirs_minutes = [table.rows and [row[0] for row in table.rows] for table in other.tables]
            if guides.files[first][stem].front.get("duration_min") != guide.front.get("duration_min") \
                    or ours_minutes != theirs_minutes:
                problems.append(Problem(file=guide.path, line=other.tables[0].line if other.tables else 2,
                                        field="minutes", found="autres minutes / other minutes",
                                        expected=f"les minutes de / the minutes of {guides.files[first][stem].path}",
                                        hint="une traduction garde le même minutage / a translation keeps the timing"))
    return problems
