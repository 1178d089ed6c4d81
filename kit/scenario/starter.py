"""`datatrail new`: an educator's own scenario starts as a copy of a bundled one, in a folder they can edit.

Copying a complete, commented scenario is the shortest way to a valid one: every section is already
there with its explanations, and the educator changes what differs in their city. The copy gets the new
id and, at the top, the four commands that take it from edited file to workshops. It is written aside
and renamed into place, and never over an existing folder: an educator's edits are never lost.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from kit.errors import KitError, Problem
from kit.scenario import DEFAULT_SCENARIO, SCENARIO_FILE, resolve_scenario

__all__ = ["new_scenario"]

_ID = re.compile(r"[a-z][a-z0-9_]*")
_ID_LINE = re.compile(r"^([ \t]+id:[ \t]*)\S+(.*)$")
_GUIDE = """\
# ───────────────────────────────────────────────────────────────────────────────────────────────
# Scénario « {name} », copié de « {source} » par `datatrail new`. À toi de l'adapter :
#   1. modifie ce fichier dans un éditeur de texte : ville, lieux, classe, applis, traqueurs, bandeaux…
#      (les explications de chaque section sont dans les commentaires, plus bas) ;
#   2. datatrail check {folder}                       chaque erreur avec sa ligne et la correction ;
#   3. datatrail generate --scenario {folder}         les données synthétiques ;
#   4. datatrail serve --scenario {folder}            les ateliers pour la salle
#      (ou datatrail build --scenario {folder}, le site statique).
#
# Scenario "{name}", copied from "{source}" by `datatrail new`. Make it yours:
#   1. edit this file in a text editor: city, places, class, apps, trackers, banners…
#      (each section is explained in the comments below);
#   2. datatrail check {folder}                       every error with its line and fix;
#   3. datatrail generate --scenario {folder}         the synthetic data;
#   4. datatrail serve --scenario {folder}            the workshops for the room
#      (or datatrail build --scenario {folder}, the static site).
# ───────────────────────────────────────────────────────────────────────────────────────────────

"""


def new_scenario(name: str, *, source: str = DEFAULT_SCENARIO, out: Path = Path(".")) -> Path:
    """Copy scenario `source` into `out/name/scenario.yaml` with the id `name`; return the new file."""
    if not _ID.fullmatch(name):
        raise KitError(Problem(file=None, line=None, field="NOM / NAME", found=name,
                               expected="des minuscules, des chiffres et _, en commençant par une lettre "
                                        "/ lowercase letters, digits and _, starting with a letter",
                               hint="par exemple / for example: datatrail new lyon_centre"))
    folder = out / name
    if folder.exists():
        raise KitError(Problem(file=folder, line=None, field="NOM / NAME", found="ce dossier existe déjà / "
                               "this folder already exists", expected="un nom de dossier libre / a free folder name",
                               hint="choisis un autre nom, ou --out AUTRE_DOSSIER ; le dossier existant n'est pas "
                                    "touché / pick another name, or --out OTHER_FOLDER; the existing one is kept"))
    original = resolve_scenario(source)
    text = original.read_text(encoding="utf-8")
    renamed = _with_id(text, name)
    if renamed is None:
        raise KitError(Problem(file=original, line=None, field="meta.id", found="absent",
                               expected="un scénario avec meta: puis id: / a scenario with meta: then id:",
                               hint=f"datatrail check {source}"))
    folder_text = folder.as_posix() if out != Path(".") else name
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".part-{name}-", dir=out) as work:
        fresh = Path(work) / name
        fresh.mkdir()
        (fresh / SCENARIO_FILE).write_text(_GUIDE.format(name=name, source=source, folder=folder_text) + renamed,
                                           encoding="utf-8")
        fresh.rename(folder)
    return folder / SCENARIO_FILE


def _with_id(text: str, name: str) -> str | None:
    """The scenario with `meta.id` set to `name`, its comments and layout kept (None: no meta.id found)."""
    lines = text.splitlines(keepends=True)
    in_meta = False
    for index, line in enumerate(lines):
        if line.startswith("meta:"):
            in_meta = True
        elif in_meta and line[:1].isalpha():  # the next top-level section: meta had no id
            return None
        elif in_meta and (match := _ID_LINE.match(line.rstrip("\n"))):
            lines[index] = f"{match.group(1)}{name}{match.group(2)}\n"
            return "".join(lines)
    return None
