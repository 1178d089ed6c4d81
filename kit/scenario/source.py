"""Reading a scenario file into YAML nodes that remember their line numbers.

ruamel.yaml is used rather than PyYAML because it is pure Python (it installs inside Pyodide from PyPI)
and its round-trip nodes keep the line of every key and item, which every error message needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from kit.errors import KitError, Problem

__all__ = ["parse_yaml", "read_source", "read_yaml"]


def read_yaml(path: Path) -> Any:
    """Parse `path` as YAML, turning every way a hand-edited file can break into a located `KitError`."""
    return parse_yaml(read_source(path), path)


def read_source(path: Path) -> bytes:
    """The bytes of a scenario file, or a `KitError` saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KitError(Problem(path, None, "", "un fichier scenario.yaml / a scenario.yaml file",
                               "vérifie le chemin, ou `datatrail list` / check the path")) from None
    except IsADirectoryError:
        raise KitError(Problem(path, None, "", "un fichier, pas un dossier / a file, not a folder",
                               "donne le chemin de scenario.yaml / give the scenario.yaml path")) from None
    except OSError as error:
        raise KitError(Problem(path, None, "", "un fichier lisible / a readable file", found=str(error.strerror),
                               hint="vérifie les droits du fichier / check the file's permissions")) from None


def parse_yaml(raw: bytes, path: Path) -> Any:
    """Parse a scenario's bytes (`path` names it in errors): a file's, or a form's not yet saved."""
    if not raw.strip():
        raise KitError(Problem(path, None, "", "un scénario en YAML / a YAML scenario",
                               found="un fichier vide / an empty file",
                               hint="pars d'un scénario existant : `datatrail new NOM --from nantes` "
                                    "/ start from an existing scenario"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise KitError(Problem(path, line, "", "du texte encodé en UTF-8 / UTF-8 encoded text",
                               found=f"l'octet {raw[error.start]:#04x} / byte {raw[error.start]:#04x}",
                               hint="enregistre le fichier en UTF-8 dans ton éditeur "
                                    "/ save the file as UTF-8 in your editor")) from None
    yaml = YAML(typ="rt")
    try:
        document = yaml.load(text)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        raise KitError(Problem(path, mark.line + 1 if mark else None, "",
                               "chaque clé une seule fois par bloc / each key once per block",
                               found=_first_line(error.problem),
                               hint="supprime ou renomme la clé en double / remove or rename the duplicate key"
                               )) from None
    except ReaderError as error:
        # A control character (often pasted from a word processor or a web page): YAML refuses it, unmarked.
        line = text.count("\n", 0, error.position) + 1
        raise KitError(Problem(path, line, "", "du texte sans caractère de contrôle / text without control "
                                               "characters",
                               found=f"le caractère invisible U+{error.character:04X} / invisible character "
                                     f"U+{error.character:04X}",
                               hint="efface ce caractère (souvent collé depuis un autre logiciel) et retape le texte "
                                    "autour / delete it (often pasted from another program) and retype the text "
                                    "around it")) from None
    except (ValueError, TypeError) as error:
        # An explicit tag (`!!int "abc"`, `!!float x`) ruamel cannot build: it says what, but not where.
        line = next((number for number, text_line in enumerate(text.splitlines(), 1) if "!!" in text_line), None)
        raise KitError(Problem(path, line, "", "des valeurs sans étiquette « !! » / values without `!!` tags",
                               found=_first_line(str(error) or type(error).__name__),
                               hint="enlève l'étiquette (!!int, !!str…) : le kit devine le type tout seul "
                                    "/ remove the tag (!!int, !!str…): the kit infers the type")) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise KitError(Problem(path, mark.line + 1 if mark else None, "",
                               "du YAML valide / valid YAML",
                               found=_first_line(error.problem or error.context or "?"),
                               hint="vérifie l'indentation (espaces, pas de tabulations), les deux-points "
                                    "et les guillemets / check indentation (spaces, no tabs), colons "
                                    "and quotes")) from None
    return document


def _first_line(text: str) -> str:
    return str(text).strip().splitlines()[0]
