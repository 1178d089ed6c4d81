"""« 10 minutes sur ton vrai téléphone » is written once (`facilitator_guide/{fr,en}/vrai_telephone.md`) and closes
every workshop: in the book, after each chapter's handout section, and on the back of each workshop's handout.
Read from the HTML pages `datatrail guide` prints (no browser needed), and from the checker on broken copies."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.guide import load_guides
from kit.guide.book import _book, _entries, _handouts
from kit.guide.markdown import anchor
from kit.guide.sources import guides_root
from kit.i18n import LANGUAGES

#: What the issue asks every teen to find on paper, as the phone shows it (Apple's path to app tracking).
TRACKING_PATH = {"fr": "Confidentialité et sécurité › Suivi", "en": "Privacy & Security › Tracking"}
PART = "vrai_telephone"


def _text(page: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_workshop_chapter_ends_with_the_part_after_its_going_further_section(language: str) -> None:
    guides = load_guides()
    title = guides.files[language][PART].front["title"]
    book = _book(guides, language, _entries(guides, language), pages=None)
    chapters = dict(re.findall(r'<article class="chapter" id="([^"]+)">(.*?)</article>', book, flags=re.S))
    handout = guides.book.section("handout", language)
    for stem in guides.workshops:
        chapter = chapters[stem]
        going_further = chapter.index(f'id="{anchor(stem, handout)}"')
        phone = chapter.index(f'<h2 id="{anchor(stem, title)}">{html.escape(title)}</h2>')
        assert going_further < phone, f"{stem}: the part comes before « {handout} »"
        assert TRACKING_PATH[language] in _text(chapter[phone:]) and "Exodus" in chapter[phone:]
    for stem in {*chapters} - {*guides.workshops}:
        assert title not in chapters[stem], f"{stem} is no workshop: the part does not close it"
    contents = [entry.target for entry in _entries(guides, language) if entry.title == title]
    assert contents == [anchor(stem, title) for stem in guides.workshops], "each workshop lists it in the contents"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_workshop_handout_has_the_part_on_its_back(language: str) -> None:
    guides = load_guides()
    title = guides.files[language][PART].front["title"]
    sheets = re.findall(r'<section class="(handout[^"]*)">(.*?)</section>', _handouts(guides, language), flags=re.S)
    fronts, backs = sheets[:-1:2], sheets[1:-1:2]
    assert len(sheets) == 2 * len(guides.workshops) + 1, "a front and a back per workshop, then the letter"
    for stem, (front_kind, front), (back_kind, back) in zip(guides.workshops, fronts, backs, strict=True):
        workshop = guides.files[language][stem].front["title"]
        assert front_kind == "handout" and workshop in _text(front)
        assert back_kind == "handout after-workshop" and workshop in _text(back) and title in _text(back)
        assert TRACKING_PATH[language] in _text(back)


@pytest.fixture
def guide_copy(tmp_path: Path) -> Path:
    root = tmp_path / "facilitator_guide"
    shutil.copytree(guides_root(), root)
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(KitError) as raised:
        load_guides(root)
    return [problem.format() for problem in raised.value.problems]


def test_the_part_missing_in_one_language_is_refused(guide_copy: Path) -> None:
    (guide_copy / "en" / f"{PART}.md").unlink()
    problems = _problems(guide_copy)
    assert any(f"en/{PART}.md" in problem and "fichier absent / missing" in problem for problem in problems), problems


def test_the_part_is_checked_like_any_other_part(guide_copy: Path) -> None:
    path = guide_copy / "fr" / f"{PART}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('licence: "CC BY-SA 4.0"\n', "").replace("\n1. ", "\n## Un titre de trop\n\n1. ", 1),
                    encoding="utf-8")
    problems = _problems(guide_copy)
    assert any(f"fr/{PART}.md, ligne 2 — licence" in problem for problem in problems), problems
    assert any(f"en/{PART}.md" in problem and "titres / headings" in problem for problem in problems), problems


def test_a_part_named_in_book_yaml_without_its_files_is_refused(guide_copy: Path) -> None:
    plan = guide_copy / "book.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(f"[{PART}]", f"[{PART}, reglages_tablette]"),
                    encoding="utf-8")
    problems = _problems(guide_copy)
    for language in LANGUAGES:
        assert any(f"{language}/reglages_tablette.md" in problem and "book.yaml" in problem for problem in problems)
