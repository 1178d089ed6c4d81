"""Turning YAML nodes into the typed model, driven by the model's own type hints.

One generic converter instead of a hand-written parser per section: the dataclasses in `model.py` are
the only description of the format. It collects every problem rather than stopping at the first, and it
records the line of every field path so that later cross-checks can point at lines too.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from kit.errors import Problem

__all__ = ["Converter"]

_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")
_MISSING = object()
_COPY_THE_BLOCK = ("recopie ce bloc depuis le scénario nantes et adapte-le / copy this block from the nantes "
                   "scenario and adapt it")


class Converter:
    """Converts one document; `problems` and `lines` are filled as it goes."""

    def __init__(self, source: Path | None) -> None:
        self.source = source
        self.problems: list[Problem] = []
        #: Line (1-based) of every field path converted, e.g. "places[3].lat" -> 42.
        self.lines: dict[str, int] = {}

    def problem(self, path: str, expected: str, *, hint: str = "", found: str = "") -> None:
        self.problems.append(Problem(self.source, self.line_of(path), path, expected, hint, found))

    def line_of(self, path: str) -> int | None:
        """The line of `path`, or of its closest parent that has one (the document's first key, at worst)."""
        while path not in self.lines:
            if not path:
                return None
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
            path = "" if parent == path else parent
        return self.lines[path]

    def convert(self, value: Any, hint: Any, path: str) -> Any:
        """Return `value` as type `hint`, or `_MISSING` after recording a problem."""
        origin = typing.get_origin(hint)
        if dataclasses.is_dataclass(hint):
            return self._dataclass(value, hint, path)
        if origin is Literal:
            return self._literal(value, typing.get_args(hint), path)
        if origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            return None if value is None else self.convert(value, options[0], path)
        if origin is tuple:
            return self._sequence(value, typing.get_args(hint)[0], path)
        if origin is dict:
            return self._mapping(value, *typing.get_args(hint), path)
        return self._scalar(value, hint, path)

    def _dataclass(self, value: Any, cls: type, path: str) -> Any:
        if not isinstance(value, dict):
            self.problem(path, f"un bloc de clés « nom: valeur » / a block of `key: value` lines "
                               f"({', '.join(f.name for f in dataclasses.fields(cls))})",
                         found=_describe(value), hint=_COPY_THE_BLOCK)
            return _MISSING
        fields = {f.name: f for f in dataclasses.fields(cls)}
        hints = typing.get_type_hints(cls)
        if not path and hasattr(value, "lc"):
            # A key missing from the whole document is reported at the document's first key.
            self.lines[""] = value.lc.line + 1
        self._remember_keys(value, path)
        for key in value:
            if isinstance(key, int) and not isinstance(key, bool):
                # In `{lat: 47,2184}` YAML reads the comma as a separator: "2184" becomes a key.
                self.problem(_join(path, str(key)), "un nombre avec un point décimal / a number with a "
                                                    "decimal point", found=f"une virgule avant {key} / a comma "
                                                                           f"before {key}",
                             hint="écris 47.2184 et non 47,2184 / write 47.2184, not 47,2184")
            elif key not in fields:
                close = difflib.get_close_matches(str(key), list(fields), n=1)
                hint = (f"voulais-tu dire « {close[0]} » ? / did you mean `{close[0]}`?" if close
                        else "supprime cette clé / remove this key")
                self.problem(_join(path, str(key)), f"une de ces clés / one of: {', '.join(fields)}",
                             found=f"la clé inconnue « {key} » / unknown key `{key}`", hint=hint)
        arguments = {}
        for name, spec in fields.items():
            field_path = _join(path, name)
            if name not in value:
                if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                    self.problem(field_path, f"la clé « {name} » / the key `{name}`",
                                 found="clé absente / missing key",
                                 hint=f"ajoute « {name}: … » dans ce bloc (voir le scénario nantes) "
                                      f"/ add `{name}: …` to this block (see the nantes scenario)")
                continue
            converted = self.convert(value[name], hints[name], field_path)
            if converted is not _MISSING and self._within_bounds(converted, spec.metadata, field_path):
                arguments[name] = converted
        if len(arguments) != sum(1 for name in fields if name in value):
            return _MISSING
        try:
            return cls(**arguments)
        except TypeError:
            return _MISSING

    def _sequence(self, value: Any, item_hint: Any, path: str) -> Any:
        if not isinstance(value, list):
            self.problem(path, "une liste (lignes commençant par « - » ou [a, b]) / a list (lines starting "
                               "with `-` or [a, b])", found=_describe(value), hint=_COPY_THE_BLOCK)
            return _MISSING
        items = []
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if hasattr(value, "lc"):
                self.lines[item_path] = value.lc.item(index)[0] + 1
            items.append(self.convert(item, item_hint, item_path))
        return _MISSING if _MISSING in items else tuple(items)

    def _mapping(self, value: Any, key_hint: Any, value_hint: Any, path: str) -> Any:
        if not isinstance(value, dict):
            self.problem(path, "un bloc « clé: valeur » / a block of `key: value` lines",
                         found=_describe(value), hint=_COPY_THE_BLOCK)
            return _MISSING
        self._remember_keys(value, path)
        result = {}
        for key, item in value.items():
            key_path = _join(path, str(key))
            converted_key = self.convert(key, key_hint, key_path)
            converted = self.convert(item, value_hint, key_path)
            if _MISSING not in (converted_key, converted):
                result[converted_key] = converted
        return result if len(result) == len(value) else _MISSING

    def _literal(self, value: Any, choices: tuple[str, ...], path: str) -> Any:
        if value in choices:
            return value
        close = difflib.get_close_matches(str(value), choices, n=1)
        self.problem(path, f"une de ces valeurs / one of: {', '.join(choices)}", found=_describe(value),
                     hint=f"voulais-tu dire « {close[0]} » ? / did you mean `{close[0]}`?" if close else
                     "choisis une valeur de la liste / pick a value from the list")
        return _MISSING

    def _scalar(self, value: Any, hint: type, path: str) -> Any:
        if hint is bool:
            if isinstance(value, bool):
                return value
            return self._wrong(path, "true ou false / true or false", value,
                               "écris true (oui) ou false (non) / write true or false")
        if hint in (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                if isinstance(value, str) and _DECIMAL_COMMA.match(value):
                    return self._wrong(path, "un nombre avec un point décimal / a number with a decimal point",
                                       value, f"écris {value.strip().replace(',', '.')} (point, pas virgule) "
                                              f"/ write {value.strip().replace(',', '.')}")
                return self._wrong(path, "un nombre / a number", value, "écris un nombre, sans guillemets "
                                                                        "/ write a number, without quotes")
            if not math.isfinite(value):
                # YAML reads .nan and .inf as numbers; no setting of a scenario means "not a number" or "infinite".
                return self._wrong(path, "un nombre fini / a finite number", value,
                                   "écris un nombre comme 12 ou 0.5 (.nan et .inf n'en sont pas) "
                                   "/ write a number such as 12 or 0.5 (.nan and .inf are not)")
            if hint is int:
                if value != int(value):
                    return self._wrong(path, "un nombre entier / a whole number", value,
                                       f"écris {round(value)} / write {round(value)}")
                return int(value)
            return float(value)
        if hint is date:
            if isinstance(value, date) and not isinstance(value, datetime):
                return value
            return self._wrong(path, "une date AAAA-MM-JJ / a date YYYY-MM-DD", value,
                               "par exemple 2026-03-16, sans guillemets / e.g. 2026-03-16, without quotes")
        if hint is str:
            if isinstance(value, str):
                return str(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)
            return self._wrong(path, "un texte / a text", value, "écris un texte entre guillemets "
                                                                 "/ write a text in quotes")
        raise TypeError(f"model type {hint!r} is not supported by the scenario converter")

    def _within_bounds(self, value: Any, metadata: typing.Mapping[str, Any], path: str) -> bool:
        low, high = metadata.get("min"), metadata.get("max")
        if (low is None or value >= low) and (high is None or value <= high):
            return True
        if high is None:
            expected = f"un nombre ≥ {low} / a number ≥ {low}"
        elif low is None:
            expected = f"un nombre ≤ {high} / a number ≤ {high}"
        else:
            expected = f"un nombre entre {low} et {high} / a number between {low} and {high}"
        hint = ("une part s'écrit entre 0 et 1 : 0.25 pour 25 % / a share is written between 0 and 1"
                if (low, high) == (0.0, 1.0) else "corrige la valeur / correct the value")
        self.problem(path, expected, found=_describe(value), hint=hint)
        return False

    def _wrong(self, path: str, expected: str, value: Any, hint: str) -> Any:
        self.problem(path, expected, found=_describe(value), hint=hint)
        return _MISSING

    def _remember_keys(self, mapping: Any, path: str) -> None:
        if not hasattr(mapping, "lc"):
            return
        for key in mapping:
            try:
                self.lines[_join(path, str(key))] = mapping.lc.key(key)[0] + 1
            except (KeyError, TypeError):
                # Keys merged in with `<<:` and items of an `!!omap` have no line of their own: the block's is used.
                continue


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _describe(value: Any) -> str:
    if value is None:
        return "rien (valeur vide) / nothing (empty value)"
    if isinstance(value, dict):
        return "un bloc de clés / a block of keys"
    if isinstance(value, list):
        return "une liste / a list"
    text = str(value)
    return repr(text[:60]) if isinstance(value, str) else text[:60]
