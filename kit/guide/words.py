"""The scenario's words in the guide: `{{law.authority}}` in a guide file is the data-protection authority of
the scenario's place, so that one guide speaks France's law for Nantes and Québec's for Montréal.

A placeholder names a message of the law catalog (`kit/i18n/law.<language>.yaml`, France's law by default),
which a scenario rewords in its `texts:` section like any screen message, or `scenario.file`, the scenario
file the book was printed from. Words are filled in the front matter and the body before anything else
reads the file: the checker, the table of contents and the book all see the scenario's words. Each word
is one line, so a problem found after filling is still reported on the file's own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from kit.errors import Problem
from kit.guide.sources import GuideFile
from kit.i18n import LANGUAGES, catalog
from kit.scenario import DEFAULT_SCENARIO, Scenario, load_scenario, resolve_scenario

__all__ = ["LAW_PREFIX", "SCENARIO_FILE", "Words", "fill", "placeholder_problems", "scenario_problems",
           "scenario_words"]

#: Catalog keys a guide may name: the law catalog's.
LAW_PREFIX = "law."
#: The placeholder of the scenario file's path.
SCENARIO_FILE = "scenario.file"
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


@dataclass(frozen=True)
class Words:
    """A scenario's words for the guide: `by_language[language][placeholder]` → text."""

    scenario: Path
    source: Scenario
    by_language: dict[str, dict[str, str]]


def scenario_words(scenario: str | Path = DEFAULT_SCENARIO) -> Words:
    """Every placeholder's text in every language, as the scenario words it (a `KitError` if it is invalid)."""
    loaded = load_scenario(scenario)
    path = resolve_scenario(scenario)
    return Words(scenario=path, source=loaded,
                 by_language={language: _words(loaded, path, language) for language in LANGUAGES})


def _words(scenario: Scenario, path: Path, language: str) -> dict[str, str]:
    words = {key: str(scenario.texts.get(key, {}).get(language) or message)
             for key, message in catalog(language).items() if key.startswith(LAW_PREFIX)}
    words[SCENARIO_FILE] = _shown_path(path)
    return words


def _shown_path(path: Path) -> str:
    """One of the kit's own scenarios from the kit's folder (`datasets/scenarios/nantes/scenario.yaml`), the
    same wherever the book is printed; another as it was given."""
    kit_folder = Path(__file__).resolve().parents[2]
    try:
        return path.resolve().relative_to(kit_folder).as_posix()
    except ValueError:
        return path.as_posix()


def placeholder_problems(guide: GuideFile, text: str, words: Words) -> list[Problem]:
    """Every placeholder in a guide file's `text` (front matter and body) that names no word, on its line."""
    known = words.by_language[guide.language]
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for name in _PLACEHOLDER.findall(line):
            if name not in known:
                problems.append(Problem(file=guide.path, line=number, field=f"{{{{{name}}}}}", found=name,
                                        expected=f"un mot du scénario / a scenario word: {', '.join(sorted(known))}",
                                        hint=f"ajoute-le dans kit/i18n/law.fr.yaml et law.en.yaml, ou corrige son nom "
                                             f"/ add it to kit/i18n/law.fr.yaml and law.en.yaml, or fix its name"))
        if "{{" in _PLACEHOLDER.sub("", line):
            problems.append(Problem(file=guide.path, line=number, field="{{…}}", found=line.strip(),
                                    expected="{{nom}} sur une ligne / {{name}} on one line",
                                    hint="ferme le mot avec }} / close the word with }}"))
    return problems


def fill(guide: GuideFile, words: Words) -> GuideFile:
    """The file with its placeholders replaced by the scenario's words (unknown ones are left as written)."""
    known = words.by_language[guide.language]

    def put(text: str) -> str:
        return _PLACEHOLDER.sub(lambda found: known.get(found.group(1), found.group(0)), text)

    def put_all(value: object) -> object:
        if isinstance(value, str):
            return put(value)
        if isinstance(value, list):
            return [put_all(item) for item in value]
        if isinstance(value, dict):
            return {key: put_all(item) for key, item in value.items()}
        return value

    return replace(guide, front=put_all(guide.front), body=put(guide.body))


def scenario_problems(words: Words) -> list[Problem]:
    """A law word the scenario rewords in one of its languages but not in another: that language's guide would
    speak another place's law."""
    languages = [language for language in words.source.meta.languages if language in LANGUAGES]
    problems = []
    for key, translations in words.source.texts.items():
        if not key.startswith(LAW_PREFIX):
            continue
        missing = [language for language in languages if not translations.get(language)]
        if missing and len(missing) < len(languages):
            problems.append(Problem(file=words.scenario, line=None, field=f"texts.{key}",
                                    found=f"pas de / no {', '.join(missing)}",
                                    expected=f"le mot dans chaque langue du scénario / the word in every language "
                                             f"of the scenario: {', '.join(languages)}",
                                    hint="sinon le guide dans cette langue parle de la loi française "
                                         "/ else the guide in that language speaks of France's law"))
    return problems
