"""Scenarios: find them by name or path, read them, validate them into a typed `Scenario`.

Bundled scenarios live in `datasets/scenarios/<name>/scenario.yaml` in the source tree, and are copied
into the wheel as `kit/_scenarios/` so that an installed kit still has its default scenario.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path

from kit.errors import KitError, Problem
from kit.page_env import session_scenario
from kit.scenario.checks import check_scenario
from kit.scenario.convert import Converter
from kit.scenario.model import Scenario
from kit.scenario.source import parse_yaml, read_source
from kit.scenario.texts import check_texts

__all__ = ["DEFAULT_SCENARIO", "Scenario", "available_scenarios", "default_scenario", "load_scenario",
           "resolve_scenario", "scenario_from_document"]

DEFAULT_SCENARIO = "nantes"
SCENARIO_FILE = "scenario.yaml"
#: Validated scenarios kept by `load_scenario`: a session uses one or two, an educator editing a file a few more.
_LOADED_AT_MOST = 8
_loaded: OrderedDict[tuple[str, str], Scenario] = OrderedDict()


def scenarios_root() -> Path:
    """Where the bundled scenarios are: inside the installed package, or in the source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_scenarios"
    return installed if installed.is_dir() else package.parent / "datasets" / "scenarios"


def default_scenario() -> str:
    """The session's scenario: the one the page's environment names (`kit.page_env`), else the kit's default."""
    return session_scenario() or DEFAULT_SCENARIO


def available_scenarios() -> list[str]:
    root = scenarios_root()
    return sorted(path.parent.name for path in root.glob(f"*/{SCENARIO_FILE}"))


def resolve_scenario(name_or_path: str | Path = DEFAULT_SCENARIO) -> Path:
    """The scenario file for a bundled name, a scenario folder or a YAML file path."""
    candidate = Path(name_or_path)
    if candidate.is_dir():
        candidate = candidate / SCENARIO_FILE
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return candidate
    bundled = scenarios_root() / str(name_or_path) / SCENARIO_FILE
    if bundled.is_file():
        return bundled
    raise KitError(Problem(None, None, "--scenario",
                           f"un scénario connu ({', '.join(available_scenarios())}) ou le chemin d'un fichier "
                           f"scenario.yaml / a known scenario or the path to a scenario.yaml file",
                           found=str(name_or_path), hint="`datatrail list` affiche les scénarios / lists them"))


def load_scenario(name_or_path: str | Path = DEFAULT_SCENARIO) -> Scenario:
    """Read and validate a scenario; raise `KitError` listing every problem with its line.

    Validated once per content: every workshop page and every « C'est parti ! » needs the scenario, and
    parsing it with line numbers takes a tenth of a second (a room's kernels, forked from one process
    that loaded it, then share that one object). A scenario is kept under its file's resolved path and
    the sha256 of its bytes, so an edited file is read and validated again; a file that fails is not
    kept, and fails again with the same message. The model is frozen: sharing one object is safe.
    """
    path = resolve_scenario(name_or_path)
    raw = read_source(path)
    key = (str(path.resolve()), hashlib.sha256(raw).hexdigest())
    scenario = _loaded.get(key)
    if scenario is None:
        scenario = _loaded[key] = scenario_from_document(parse_yaml(raw, path), path)
        while len(_loaded) > _LOADED_AT_MOST:
            _loaded.popitem(last=False)
    else:
        _loaded.move_to_end(key)
    return scenario


def scenario_from_document(document: object, path: Path) -> Scenario:
    """Validate a parsed scenario (`path` names it in errors): a file's, or the scenario studio's edits."""
    converter = Converter(path)
    scenario = converter.convert(document, Scenario, "")
    if not converter.problems:
        check_scenario(scenario, converter.problem)
        check_texts(scenario, converter.problem)
    if converter.problems:
        raise KitError(converter.problems)
    return scenario
