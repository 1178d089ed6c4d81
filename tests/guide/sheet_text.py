"""Reading a printed sheet's HTML as a reader sees it, for the card tests (imported by them: not a test)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

__all__ = ["blocks", "words"]

_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}


def words(html: str) -> str:
    """What a reader sees: no style block, no tags, one space between words."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL))).split())


def blocks(html: str, css_class: str) -> list[str]:
    """The words of every element whose class list holds `css_class`, nested elements included."""
    parser = _Blocks(css_class)
    parser.feed(html)
    return [" ".join(block.split()) for block in parser.found]


class _Blocks(HTMLParser):
    def __init__(self, wanted: str) -> None:
        super().__init__()
        self.wanted, self.found, self._depth = wanted, [], 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._depth:
            self._depth += 1
        elif self.wanted in (dict(attrs).get("class") or "").split():
            self._depth = 1
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag not in _VOID:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.found[-1] += data
