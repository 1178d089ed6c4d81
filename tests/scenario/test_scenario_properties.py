"""Random edits of the Nantes scenario, as an educator's slips of the keyboard would make them: every edited file
either loads and generates, or is refused with a located message (file, line, field, expected, fix) and
nothing written. Never a traceback.

The edits are made on the YAML nodes (delete a key, change a value's type, rename an id, duplicate an item…)
and on the text (truncate it, insert a tab or a stray character), in every section of the format.
"""

from __future__ import annotations

import copy
import io
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kit.engine.package import table_names
from kit.engine.pipeline import generate
from kit.errors import KitError
from kit.scenario import load_scenario, resolve_scenario
from kit.scenario.model import Scenario

NANTES = resolve_scenario("nantes")

#: When a property fails, hypothesis drafts a patch with libcst, whose mypy_extensions import warns: with warnings
#: as errors, the failure report itself would crash and hide the failing example.
pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")

#: Reproducible in CI (same examples on every run) and fast: ~0.4 s per example (reading YAML is slow).
PROPERTY = settings(max_examples=70, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
#: A subprocess per example: the console entry point as an educator runs it.
COMMAND_LINE = settings(PROPERTY, max_examples=8)
#: Edits that mostly keep the scenario valid, so that generation runs on odd values.
ODD = settings(PROPERTY, max_examples=30)

SECTIONS = ("meta", "data_fields", "places", "teens", "crowd", "trackers", "apps", "consent", "profiling",
            "auctions", "canteen")

#: Values of every type, and the edge values hand edits produce.
ODD_VALUES = st.one_of(
    st.sampled_from([None, "", " ", "trente", "🙂 Ça va ? 中文", 0, -1, -0.5, 1.5, 92, -273.15, 1e308, 10**30,
                     float("nan"), float("inf"), float("-inf"), True, False, [], {}, [1, "a"], {"a": 1},
                     {"fr": ""}, date(2026, 3, 16), date(9999, 12, 31), "2026-03-16", "12:00", "47,2184"]),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.integers(),
    st.floats(),
    st.lists(st.integers(-3, 3), max_size=3),
)
#: Shares and counts pushed out of their range (a percentage written where a share is expected…).
OUT_OF_RANGE = st.sampled_from([-1, -0.01, 1.01, 1.5, 25, 92, 100, 1e6, 0, 10**9])
#: Dates as they get mistyped: an impossible day, the French order, out of the period, far away.
BROKEN_DATES = st.sampled_from(["2026-02-30", "16/03/2026", "2026-3-16", 20260316, date(2025, 1, 1),
                                date(9999, 12, 31), date(1, 1, 1), "lundi", None])
NEW_IDS = st.one_of(st.sampled_from(["", "Majuscule", "avec espace", "élève", "1er", "renamed", "x" * 200]),
                    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True))

#: What the node edits do (see `_node_edit`); the second list mostly keeps a scenario valid, but odd.
EDITS = ("delete", "replace", "rename id", "duplicate item", "out of range", "swap", "break date", "empty",
         "rename key", "scale")
ODD_BUT_VALID = ("scale", "empty", "duplicate item")

NodePath = tuple[Any, ...]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # keep one item per line, as in the bundled file
    yaml.preserve_quotes = True
    return yaml


def _split(text: str) -> tuple[str, dict[str, str]]:
    """The comments before the first section, and the text of each top-level section (from its key to the
    next one): an edit re-dumps only the sections it touches, since reading and writing YAML is slow."""
    lines = text.splitlines(keepends=True)
    document = _yaml().load(text)
    names = list(document)
    bounds = [document.lc.key(name)[0] for name in names] + [len(lines)]
    return "".join(lines[:bounds[0]]), {name: "".join(lines[bounds[i]:bounds[i + 1]]) for i, name in enumerate(names)}


PREAMBLE, SECTION_TEXTS = _split(NANTES.read_text(encoding="utf-8"))
#: Each section read on its own: a mapping with one key, the section's name.
SECTION_NODES = {name: _yaml().load(text) for name, text in SECTION_TEXTS.items()}


class _Draft:
    """The scenario being edited: a section is copied (and later dumped) only once an edit touches it."""

    def __init__(self) -> None:
        self.nodes: dict[str, Any] = dict(SECTION_NODES)
        self.touched: set[str] = set()

    def get(self, path: NodePath) -> Any:
        return _at(self.nodes[path[0]], path)

    def parent(self, path: NodePath) -> Any:
        """The container holding `path`'s last key, in the draft's own copy of the section."""
        if path[0] not in self.touched:
            self.nodes[path[0]] = copy.deepcopy(self.nodes[path[0]])
            self.touched.add(path[0])
        return _at(self.nodes[path[0]], path[:-1])

    def set(self, path: NodePath, value: Any) -> None:
        self.parent(path)[path[-1]] = value

    def delete(self, path: NodePath) -> None:
        if len(path) == 1:
            del self.nodes[path[0]]
        else:
            del self.parent(path)[path[-1]]

    def rename(self, path: NodePath, new_key: Any) -> None:
        """Rename a key in place (a renamed section stays in the draft under its new name)."""
        parent = self.parent(path)
        parent.insert(list(parent).index(path[-1]), new_key, parent.pop(path[-1]))
        if len(path) == 1:
            self.nodes = {new_key if name == path[0] else name: node for name, node in self.nodes.items()}
            self.touched = {new_key if name == path[0] else name for name in self.touched}

    def paths(self, keep: Any = lambda node: True, sections: Any = None) -> list[NodePath]:
        """Every node of `sections` (all by default) that `keep` accepts, containers and leaves."""
        return [path for name in sections or list(self.nodes) if name in self.nodes
                for path in _paths(self.nodes[name], ()) if keep(self.get(path))]

    def text(self) -> str:
        parts = [PREAMBLE]
        for name, node in self.nodes.items():
            if name in self.touched:
                stream = io.StringIO()
                _yaml().dump(node, stream)
                parts.append(stream.getvalue())
            else:
                parts.append(SECTION_TEXTS[name])
        return "".join(parts)


def _children(node: Any) -> list[tuple[Any, Any]]:
    if isinstance(node, dict):
        return list(node.items())
    if isinstance(node, list):
        return list(enumerate(node))
    return []


def _paths(node: Any, prefix: NodePath) -> list[NodePath]:
    """Every node below `node` as paths of keys and indices."""
    found = []
    for key, child in _children(node):
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


def _at(node: Any, path: NodePath) -> Any:
    for key in path:
        node = node[key]
    return node


def _in_section(draw: st.DrawFn, draft: _Draft, keep: Any = lambda node: True) -> NodePath | None:
    """A node of one section (drawn first, so that every section gets edits), or None if it has none."""
    section = draw(st.sampled_from(SECTIONS))
    paths = draft.paths(keep, [section])
    return draw(st.sampled_from(paths)) if paths else None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@st.composite
def _node_edit(draw: st.DrawFn, draft: _Draft, kinds: tuple[str, ...]) -> str:
    """Change `draft` in place; return what was done (shown when a property fails)."""
    kind = draw(st.sampled_from(kinds))
    if kind == "rename id":
        holders = draft.paths(lambda node: isinstance(node, dict) and "id" in node)
        if holders:
            path = (*draw(st.sampled_from(holders)), "id")
            new_id = draw(st.one_of(NEW_IDS, st.sampled_from([str(draft.get(other)["id"]) for other in holders])))
            draft.set(path, new_id)
            return f"{path} = {new_id!r}"
        kind = "delete"
    if kind == "swap":
        located = draft.paths(lambda node: isinstance(node, dict) and {"lat", "lon"} <= set(node), ["places"])
        if located:
            path = draw(st.sampled_from(located))
            place = draft.parent((*path, "lat"))
            place["lat"], place["lon"] = place["lon"], place["lat"]
            return f"swap lat and lon of {path}"
        kind = "delete"
    if kind == "duplicate item":
        path = _in_section(draw, draft, lambda node: isinstance(node, list) and len(node) > 0)
        if path:
            items = draft.parent((*path, 0))
            items.insert(draw(st.integers(0, len(items))), copy.deepcopy(draw(st.sampled_from(list(items)))))
            return f"duplicate an item of {path}"
        kind = "delete"
    if kind == "out of range":
        path = _in_section(draw, draft, _is_number)
        if path:
            draft.set(path, value := draw(OUT_OF_RANGE))
            return f"{path} = {value!r}"
        kind = "replace"
    if kind == "scale":
        path = _in_section(draw, draft, _is_number)
        if path:
            factor = draw(st.sampled_from([0, 0.5, 2, 10, 1000]))
            draft.set(path, value := draft.get(path) * factor)
            return f"{path} = {value!r} (× {factor})"
        kind = "replace"
    if kind == "break date":
        path = _in_section(draw, draft, lambda node: isinstance(node, date))
        if path:
            draft.set(path, value := draw(BROKEN_DATES))
            return f"{path} = {value!r}"
        kind = "replace"
    if kind == "empty":
        path = _in_section(draw, draft, lambda node: isinstance(node, (dict, list)))
        if path:
            draft.parent(path)[path[-1]].clear()
            return f"empty {path}"
        kind = "delete"
    if kind == "rename key":
        path = _in_section(draw, draft)
        if path and isinstance(draft.parent(path), dict):
            key = path[-1]
            new_key = draw(st.sampled_from([f"{key}s", str(key).upper(), f"{key}_é", str(key)[:-1] or "k", 47]))
            if new_key not in draft.parent(path) and new_key not in draft.nodes:
                draft.rename(path, new_key)
                return f"rename key {path} → {new_key!r}"
        kind = "delete"
    whole_section = kind == "delete" and draw(st.integers(0, 4)) == 0
    path = (draw(st.sampled_from(SECTIONS)),) if whole_section else _in_section(draw, draft)
    if path is None or path[0] not in draft.nodes:
        return "nothing to edit"
    if kind == "delete":
        draft.delete(path)
        return f"delete {path}"
    draft.set(path, value := draw(ODD_VALUES))
    return f"{path} = {value!r}"


@st.composite
def _text_edit(draw: st.DrawFn, text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    kind = draw(st.sampled_from(["truncate", "tab", "stray character", "delete line", "indent", "tag"]))
    index = draw(st.integers(0, len(lines) - 1))
    if kind == "truncate":
        return "".join(lines[:index]), f"truncate before line {index + 1}"
    if kind == "delete line":
        return "".join(lines[:index] + lines[index + 1:]), f"delete line {index + 1}"
    line = lines[index]
    column = draw(st.integers(0, len(line.rstrip("\n"))))
    if kind == "tag" and ": " in line:
        # YAML's own features, copied from a tutorial: explicit types, anchors and aliases.
        inserted = draw(st.sampled_from(["!!int ", "!!str ", "!!float ", "!!omap ", "!!binary ", "&a ", "*a ",
                                         "!local "]))
        column = line.index(": ") + 2
    elif kind == "tab":
        inserted = "\t"
    elif kind == "indent":
        inserted = draw(st.sampled_from([" ", "  ", "   "]))
        column = 0
    else:
        inserted = draw(st.characters(exclude_categories=("Cs",)))
    lines[index] = line[:column] + inserted + line[column:]
    return "".join(lines), f"insert {inserted!r} at line {index + 1}, column {column + 1}"


@st.composite
def edited_scenarios(draw: st.DrawFn, kinds: tuple[str, ...] = EDITS,
                     text_edits: bool = True) -> tuple[str, list[str]]:
    """The Nantes scenario's text after one to three node edits and, sometimes, a text edit."""
    draft = _Draft()
    done = [draw(_node_edit(draft, kinds)) for _ in range(draw(st.integers(1, 3)))]
    text = draft.text()
    if text_edits and draw(st.integers(0, 3)) == 0:
        text, edit = draw(_text_edit(text))
        done.append(edit)
    return text, done


def _load_or_refuse(path: Path) -> Scenario | None:
    """The scenario, or None after checking that the refusal says where and how to fix it."""
    try:
        return load_scenario(path)
    except KitError as error:
        assert error.problems
        line_count = path.read_text(encoding="utf-8", errors="replace").count("\n") + 1
        for problem in error.problems:
            assert problem.file == path, problem
            assert problem.expected.strip(), problem
            assert problem.hint.strip(), f"no fix given:\n{problem.format()}"
            if problem.field:
                assert problem.line is not None, f"no line:\n{problem.format()}"
            if problem.line is not None:
                assert 1 <= problem.line <= line_count, problem
        return None


@PROPERTY
@given(edited=edited_scenarios(), seed=st.integers(0, 2**32 - 1), teens=st.integers(1, 4),
       crowd=st.integers(1, 60))
def test_an_edited_scenario_loads_and_generates_or_is_refused_with_its_line(
        edited: tuple[str, list[str]], seed: int, teens: int, crowd: int, tmp_path: Path) -> None:
    text, _ = edited
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = _load_or_refuse(path)
    event("refused" if scenario is None else "loaded")
    if scenario is None:
        return
    try:
        tables = generate(scenario, seed=seed, teens=teens, crowd_size=crowd)
    except KitError as error:
        assert all(problem.hint for problem in error.problems), error.format()
        return
    assert len(tables["personas"]) == teens


@ODD
@given(edited=edited_scenarios(kinds=ODD_BUT_VALID, text_edits=False), seed=st.integers(0, 2**32 - 1))
def test_an_odd_but_valid_scenario_generates_or_is_refused_with_its_line(edited: tuple[str, list[str]], seed: int,
                                                                         tmp_path: Path) -> None:
    """Zero weights, empty lists, numbers ten or a thousand times too big: generation must cope or refuse."""
    text, _ = edited
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = _load_or_refuse(path)
    event("refused" if scenario is None else "loaded")
    if scenario is not None:
        try:
            generate(scenario, seed=seed, teens=3, crowd_size=40)
        except KitError as error:
            assert all(problem.hint for problem in error.problems), error.format()


@COMMAND_LINE
@given(edited=edited_scenarios())
def test_the_command_line_writes_a_whole_package_or_nothing(edited: tuple[str, list[str]], tmp_path: Path) -> None:
    text, _ = edited
    case = tmp_path / f"case{len(list(tmp_path.iterdir()))}"
    case.mkdir()
    path, out = case / "scenario.yaml", case / "out"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kit", "generate", "--scenario", str(path), "--out", str(out),
                             "--teens", "3", "--crowd", "50", "--quiet"],
                            capture_output=True, text=True, check=False, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    event(f"exit {result.returncode}")
    if result.returncode == 0:
        assert (out / "datapackage.json").is_file()
        assert {csv.stem for csv in out.glob("*.csv")} == set(table_names())
    else:
        assert result.returncode == 2, result.stderr
        assert "à faire / fix" in result.stderr
        assert not out.exists()
    assert {child.name for child in case.iterdir()} <= {"scenario.yaml", "out"}, "a staging folder was left"


def test_the_unedited_scenario_survives_the_round_trip(tmp_path: Path) -> None:
    """The strategies' baseline: Nantes, every section dumped back from its nodes, is the same scenario."""
    draft = _Draft()
    for section in SECTIONS:
        draft.parent((section,))
    path = tmp_path / "scenario.yaml"
    path.write_text(draft.text(), encoding="utf-8")
    assert load_scenario(path) == load_scenario(NANTES)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_is_reachable_by_the_edits(section: str) -> None:
    assert _Draft().paths(sections=[section])
