"""Message catalogs: every text a teen or youth worker reads, in French first and English.

Catalogs are data (`fr.yaml`, `en.yaml`), so translators never open Python. Keys are the same in every
language; `{name}` placeholders are filled by `text`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ruamel.yaml import YAML

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "catalog", "text"]

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]


@cache
def catalog(language: str) -> dict[str, str]:
    """All messages of one language (a `KeyError` names an unknown language)."""
    if language not in LANGUAGES:
        raise KeyError(f"no catalog for language {language!r}; known: {', '.join(LANGUAGES)}")
    source = resources.files("kit.i18n").joinpath(f"{language}.yaml").read_text(encoding="utf-8")
    return dict(YAML(typ="safe").load(source))


def text(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message `key` in `language`, with its placeholders filled."""
    return catalog(language)[key].format(**values)
