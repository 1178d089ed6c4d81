"""The launcher lists the workshops in the page's language and links to the other one; the language
travels in the addresses, so the workshops open in it too."""

from __future__ import annotations

import pytest

from kit.widgets.launcher import launcher

ROOM = "http://192.168.1.20:8866/voila/render/accueil.ipynb?token=abc234"


@pytest.fixture(autouse=True)
def room_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATATRAIL_ROOM_URL", ROOM)


def test_french_by_default_with_a_link_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUERY_STRING", raising=False)
    page = launcher().data
    assert "Choisis un atelier" in page
    assert f'href="{ROOM.replace("&", "&amp;")}&amp;lang=en" hreflang="en" lang="en">English</a>' in page
    assert 'href="http://192.168.1.20:8866/voila/render/01_ma_journee.ipynb?token=abc234">' in page


def test_the_address_asks_for_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "token=abc234&lang=en")
    page = launcher().data
    assert "Pick a workshop" in page and "Choisis un atelier" not in page
    assert f'href="{ROOM.replace("&", "&amp;")}" hreflang="fr" lang="fr">Français</a>' in page
    assert "01_ma_journee.ipynb?token=abc234&amp;lang=en" in page  # the workshop opens in English too


def test_an_unknown_language_falls_back_to_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "token=abc234&lang=xx")
    assert "Choisis un atelier" in launcher().data
