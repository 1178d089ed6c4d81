"""Every study, figure and legal rule a teen or a facilitator reads points to an entry of the bibliography
(`facilitator_guide/sources.yaml`), and every entry is complete and cited.

A text "cites" when it names a year (a study's, a law's, a ruling's), speaks of researchers or a study, or names
a law or an article. Such a text must name one of the bibliography's entries by its `cited_as` words (for a year,
an entry of that year), or be one of the catalog messages an entry lists in `keys` (a chart legend that says
"the 2013 study" cannot name its authors). Texts are the screens' and cards' catalogs, the scenarios' rewordings
(`texts:`) and the guides, read one paragraph, list item or table row at a time; in a guide, a study named once
in a section may be "the study" in the rest of that section, as a reader reads it.
"""

from __future__ import annotations

import re
from html import escape
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kit.errors import KitError
from kit.guide.bibliography import SOURCES_FILE, Source, bibliography_html, read_sources
from kit.guide.sources import guides_root
from kit.i18n import LANGUAGES, catalog
from kit.scenario import available_scenarios, load_scenario

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
#: Research named without a name ("the study"), not the verb ("where they work or study").
_RESEARCH = re.compile(r"\b(chercheu(?:r|rs|se|ses)|researchers?|études?|(?:the|a|this|that|one|these|'s)\s+stud(?:y|ies))\b",
                       re.IGNORECASE)
_LAW = re.compile(r"\b(RGPD|GDPR|DSA|Digital Services Act|COPPA|ePrivacy|[Ll](?:oi|aw) 25|Informatique et Libertés"
                  r"|art\.\s?\d+|[Aa]rticle\s\d+|[Ss]ection\s\d+|Conseil d'État|Cour de justice|Court of Justice)")
#: Years that date something else than a source: when the kit's own texts were checked.
_NOT_A_CITATION = re.compile(r"(vérifi\w*|checked)\b[^.]{0,40}\b20\d\d", re.IGNORECASE)
#: Where a guide's text unit starts: a list item, a numbered step, a table row, a heading.
_UNIT_START = re.compile(r"^\s*(?:[-*]\s|\d+\.\s|\||#)")


@dataclass(frozen=True)
class _Text:
    where: str
    text: str
    key: str = ""
    #: What a reader has just read around the text: its guide section (a catalog message stands alone).
    context: str = ""


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return read_sources()


def _catalog_texts() -> list[_Text]:
    texts = []
    for language in LANGUAGES:
        for key, message in catalog(language).items():
            forms = message.values() if isinstance(message, dict) else [message]
            texts += [_Text(f"catalog {language} {key}", form, key) for form in forms]
    for name in available_scenarios():
        scenario = load_scenario(name)
        texts += [_Text(f"{name} texts {key}", words, key) for key, languages in scenario.texts.items()
                  for words in languages.values()]
    return texts


def _guide_texts() -> list[_Text]:
    texts = []
    for path in sorted(guides_root().glob("*/*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        starts = [0, *(number for number, line in enumerate(lines) if line.startswith("## ")), len(lines)]
        for first, end in zip(starts, starts[1:]):
            section = lines[first:end]
            context = " ".join(section)
            unit: list[str] = []
            start = first
            for number, line in enumerate([*section, ""], start=first + 1):
                if unit and (not line.strip() or _UNIT_START.match(line)):
                    texts.append(_Text(f"{path.parent.name}/{path.name}:{start}", " ".join(unit), context=context))
                    unit = []
                if line.strip():
                    start = number if not unit else start
                    unit.append(line.strip())
    return texts


def _unsourced(item: _Text, sources: list[Source]) -> list[str]:
    """What in one text cites without naming an entry of the bibliography (a law by its own words; a study or a
    year in the text or just before it, in its section)."""
    def naming(words: str) -> list[Source]:
        return [source for source in sources if any(cited in words for cited in source.cited_as)
                or (item.key and item.key in source.keys)]

    text = _NOT_A_CITATION.sub("", item.text)
    in_context = naming(item.context or item.text)
    missing = [f"{year} (no entry of {year} named)" for year in _YEAR.findall(text)
               if not any(source.year == int(year) for source in in_context)]
    for pattern, named in ((_RESEARCH, in_context), (_LAW, naming(item.text))):
        found = pattern.search(text)
        if found and not named:
            missing.append(f"« {found.group(0)} » (no entry named)")
    return missing


def test_every_text_that_cites_research_or_law_names_an_entry_of_the_bibliography(sources: list[Source]) -> None:
    problems = [f"{item.where}: {', '.join(missing)}\n    {item.text[:160]}"
                for item in _catalog_texts() + _guide_texts() if (missing := _unsourced(item, sources))]
    assert not problems, "cites with no source in facilitator_guide/sources.yaml:\n" + "\n".join(problems)


def test_every_entry_is_cited_and_the_keys_it_lists_are_messages(sources: list[Source]) -> None:
    texts = _catalog_texts() + _guide_texts()
    keys = set(catalog("fr"))
    uncited = [source.id for source in sources
               if not source.keys and not any(words in item.text for item in texts for words in source.cited_as)]
    unknown = [f"{source.id}: {key}" for source in sources for key in source.keys if key not in keys]
    assert not uncited, f"entries no text cites: {uncited}"
    assert not unknown, f"keys that are no catalog message: {unknown}"


def test_a_figure_from_an_unknown_study_and_a_law_article_alone_are_found(sources: list[Source]) -> None:
    made_up = _Text("made up", "Des chercheurs (Dupont et d'autres, 2021) ont trouvé 40 %.")
    article_alone = _Text("made up", "C'est écrit à l'article 99.")
    assert _unsourced(made_up, sources) == ["2021 (no entry of 2021 named)", "« chercheurs » (no entry named)"]
    assert _unsourced(article_alone, sources) == ["« article 99 » (no entry named)"]
    named = next(source for source in sources if source.cited_as)
    assert not _unsourced(_Text("named", f"Une étude ({named.cited_as[0]}, {named.year})."), sources)


def test_the_bibliography_prints_each_entry_with_its_address_in_both_languages(sources: list[Source]) -> None:
    for language in LANGUAGES:
        html = bibliography_html(sources, language)
        assert html.count("<li") == len(sources)
        assert all(escape(source.url) in html and escape(source.says[language]) in html for source in sources)


@pytest.mark.parametrize(("old", "new", "field"), [
    ("    url: https://", "    url: http://", "url"),
    ("    year: ", "    year: vers ", "year"),
    ("    cited_as: [", "    cited_as: [] #[", "cited_as"),
])
def test_a_broken_entry_is_an_error_with_its_file_and_line(tmp_path: Path, old: str, new: str, field: str) -> None:
    root = tmp_path / "facilitator_guide"
    root.mkdir()
    shutil.copy(guides_root() / SOURCES_FILE, root / SOURCES_FILE)
    text = (root / SOURCES_FILE).read_text(encoding="utf-8")
    assert old in text
    (root / SOURCES_FILE).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KitError) as raised:
        read_sources(root)
    problem = raised.value.problems[0]
    entries = YAML(typ="safe").load(text)
    first = next(iter(entries))
    assert problem.file == root / SOURCES_FILE and problem.field == f"{first}.{field}"
    assert problem.line == text.splitlines().index(f"{first}:") + 1

