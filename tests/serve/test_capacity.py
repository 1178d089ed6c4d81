"""The room's door (`kit.serve.capacity`): a teen who would push the laptop into swap gets a friendly page in
their language instead of a page that freezes everyone's, and the terminal says so once."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request

from kit.serve.capacity import RoomCapacity
from kit.serve.session import room_size
from kit.workshops import workshops_root

WORKSHOP = "04_anonymat.ipynb"


def _page(room, query: str = "") -> tuple[int, str]:
    url = room.url.replace("accueil.ipynb", WORKSHOP) + query
    try:
        with urllib.request.urlopen(url, timeout=120) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        assert refused.headers["Retry-After"] == "60"
        return refused.code, refused.read().decode()


def _close(room, page: str) -> None:
    """What a page does when the teen leaves it (release_kernel.js): its kernel is shut down."""
    request = urllib.request.Request(f"{room.base}/voila/api/shutdown/{room.kernel_of(page)}?token={room.code}",
                                     method="POST", data=b"")
    urllib.request.urlopen(request, timeout=60).read()


def test_a_full_room_says_so_to_the_teen_in_their_language_and_once_in_the_terminal(serve_folder) -> None:
    with serve_folder(workshops_root(), preheat=False, max_teens=1) as room:
        status, first = _page(room)
        assert status == 200 and "Anonyme, vraiment" in first
        status, french = _page(room)
        assert status == 503
        assert '<html lang="fr">' in french
        assert "La salle est pleine : attends une minute ou préviens la personne qui anime." in french
        status, english = _page(room, "&lang=en")
        assert status == 503 and '<html lang="en">' in english and "The room is full" in english
        assert not re.search(r"(src|href)=\"?https?://", french + english), "the page loads nothing from outside"
        assert len(room.kernels()) == 1, "a refused teen costs the laptop no kernel"
        log = room.log.read_text()
        assert log.count("La salle est pleine") == 1 and log.count("The room is full") == 1
        assert "503 GET" not in log, "the terminal says it once, in plain words, not once per try"


def test_a_page_closed_makes_room_for_the_next_teen(serve_folder) -> None:
    with serve_folder(workshops_root(), preheat=False, max_teens=1) as room:
        status, first = _page(room)
        assert status == 200
        assert _page(room)[0] == 503
        _close(room, first)
        assert _page(room)[0] == 200


def test_the_memory_left_decides_without_max_teens() -> None:
    """On this machine's real memory: a page bigger than the whole memory is refused (and said once),
    a small one admitted."""
    said: list[str] = []
    greedy = RoomCapacity(page_mb=10_000_000, say=said.append)
    assert greedy.room_left() == 0
    assert not greedy.admits(pages_open=3) and not greedy.admits(pages_open=3)
    assert len(said) == 1 and "la mémoire de l'ordinateur" in said[0]
    assert RoomCapacity(page_mb=1).admits(pages_open=3)


def test_max_teens_replaces_the_estimate_from_memory() -> None:
    room = RoomCapacity(page_mb=10_000_000, max_teens=20, say=lambda message: None)
    assert room.admits(pages_open=19) and not room.admits(pages_open=20)


def test_serve_says_how_many_teens_the_laptop_holds_and_takes_max_teens() -> None:
    assert "environ" in room_size(None) and "about" in room_size(None)
    assert "Jusqu'à 12 ados" in room_size(12) and "up to 12 teens" in room_size(12)
    help_text = subprocess.run([sys.executable, "-m", "kit", "serve", "--help"], capture_output=True, text=True,
                               timeout=60, check=True).stdout
    assert "--max-teens N" in help_text
    refused = subprocess.run([sys.executable, "-m", "kit", "serve", "--max-teens", "0"], capture_output=True,
                             text=True, timeout=60, check=False)
    assert refused.returncode == 2 and "au moins / at least 1" in refused.stderr
