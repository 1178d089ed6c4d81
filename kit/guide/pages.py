"""Printable pages from templates: every sheet the kit prints is an HTML page laid out for A4.

Layout lives in Jinja templates and CSS (`kit/guide/templates/`), words in the message catalogs, data in
the scenario: the Python that fills a page only chooses what goes on it. Pages carry their CSS inline and
use the system's fonts, so an HTML page opened from a USB stick prints the same, with nothing fetched.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from kit.i18n import text

__all__ = ["render", "write_page"]


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kit.guide", "templates"), undefined=StrictUndefined,
                       autoescape=select_autoescape(("html", "html.j2")), trim_blocks=True, lstrip_blocks=True)


def render(template: str, *, language: str, **values: object) -> str:
    """The template filled with `values`; `t("key", …)` in a template is the catalog message in `language`."""
    def say(key: str, **placeholders: object) -> str:
        return text(key, language, **placeholders)

    return _environment().get_template(template).render(t=say, language=language, **values)


def write_page(path: Path, *, title: str, body: str, language: str, kind: str) -> Path:
    """A whole A4 page (`kind`: "book", "cards" or "handout" picks its style) around an HTML `body`."""
    path.write_text(render("page.html.j2", language=language, title=title, body=body, kind=kind), encoding="utf-8")
    return path
