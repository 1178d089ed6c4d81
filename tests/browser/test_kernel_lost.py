"""A workshop page whose kernel dies (the system kills it when the laptop runs out of memory, as here with
SIGKILL, or it crashes) says so in the teen's language, lets nothing else be pressed, and a reload gives a
fresh, working page. A page whose kernel was released because the teen left it, and the launcher (links
only, no widget), show no such notice.

The room's server must give a dead kernel up rather than restart it (`--KernelRestarter.restart_limit=0` in
`kit.serve.voila_command`): `test_a_dead_kernel_is_given_up_not_restarted_behind_its_page` checks it."""

from __future__ import annotations

import json
import os
import signal
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from teen_walk import hosts_contacted
from waiting import holds, wait_for

from kit.workshops import workshops_root

WORKSHOP = "04_anonymat"
FRENCH = {"asked": None, "lang": "fr", "start": "Lancer le jeu", "started": "Au départ, 1000 personnes",
          "another": "Autre personne mystère", "reload": "Recharger la page",
          "notice": "Cette page s'est arrêtée : l'ordinateur de la salle manquait de place. Ce n'est pas de ta "
                    "faute. Recharge la page pour recommencer ; ce que tu avais fait sur cette page est perdu."}
ENGLISH = {"asked": "en", "lang": "en", "start": "Start the game", "started": "At the start, 1000 people",
           "another": "Another mystery person", "reload": "Reload the page",
           "notice": "This page has stopped: the room's computer ran out of space. It is not your fault. "
                     "Reload the page to start again; what you had done on this page is lost."}
#: The server looks at its kernels every 3 s (KernelRestarter.time_to_dead): the notice follows within that.
NOTICE_WITHIN_MS = 10_000


@pytest.fixture(scope="module")
def room(serve_folder) -> Iterator:
    """A room of this module's own: its kernels are killed here."""
    with serve_folder(workshops_root()) as opened:
        yield opened


def _open(open_workshop, words: dict[str, str | None]) -> Page:
    return open_workshop(WORKSHOP, lang=words["asked"], wait_until="commit")


def _play(page: Page, words: dict[str, str]) -> None:
    """Starts the workshop's game: the page's kernel answers."""
    step1 = page.locator('[id="cell-id=step1"]')
    step1.get_by_role("button", name=words["start"]).click(timeout=90_000)
    expect(step1.get_by_role("status")).to_contain_text(words["started"], timeout=60_000)


def _open_and_play(room, open_workshop, words: dict[str, str | None]) -> str:
    """Opens workshop 4, starts its game and returns the page's kernel."""
    page = _open(open_workshop, words)
    _play(page, words)
    return room.kernel_of(page.content())


def _kill(room, kernel: str) -> None:
    """SIGKILL, as the system's out-of-memory killer does: the kernel gets no chance to say goodbye."""
    os.kill(room.kernels()[kernel], signal.SIGKILL)


def _notice(page: Page, words: dict[str, str]) -> Locator:
    return page.get_by_role("alert").filter(has_text=words["notice"])


def _no_notice_meanwhile(page: Page, what: str) -> None:
    """No notice covers the page for as long as one would take to show. Nothing marks the moment it would
    have shown (the server looks at its kernels every 3 s, the page asks about its own once its socket
    closes), so the page is watched for that long."""
    holds(lambda: page.locator("#datatrail-kernel-lost").count() == 0, NOTICE_WITHIN_MS / 1000, what)


def _forgotten(room, kernel: str) -> None:
    """Waits until the server no longer knows `kernel`: it gave it up (it keeps one it restarts, under its id)."""
    wait_for(lambda: _kernel_model(room, kernel) is None, 30, "the server to give the dead kernel up")


def _kernel_model(room, kernel: str) -> dict | None:
    """What the server says of a kernel (None: it does not know it)."""
    try:
        with urllib.request.urlopen(f"{room.base}/api/kernels/{kernel}?token={room.code}", timeout=10) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 404:
            return None
        raise


@pytest.mark.parametrize("words", [FRENCH, ENGLISH], ids=["fr", "en"])
def test_a_killed_kernel_leaves_a_notice_and_a_reload_gives_a_fresh_page(room, page: Page, open_workshop, axe,
                                                                        words: dict[str, str]) -> None:
    kernel = _open_and_play(room, open_workshop, words)
    _kill(room, kernel)

    expect(_notice(page, words)).to_be_visible(timeout=NOTICE_WITHIN_MS)
    expect(page.locator("#datatrail-kernel-lost")).to_have_attribute("lang", words["lang"])
    reload = page.get_by_role("button", name=words["reload"])
    expect(reload).to_be_focused()
    with pytest.raises(PlaywrightTimeoutError):  # the dead page's own buttons can no longer be pressed
        page.locator("button", has_text=words["another"]).click(timeout=2_000)
    violations = axe(page)
    assert not violations, "\n".join(violations)
    assert hosts_contacted(page) == {"127.0.0.1"}, sorted(set(page.requests))

    reload.click()
    _play(page, words)
    fresh = room.kernel_of(page.content())
    assert fresh != kernel
    expect(_notice(page, words)).to_have_count(0)
    _kill(room, fresh)  # the reloaded page is looked after too (its page code comes from the browser's cache)
    expect(_notice(page, words)).to_be_visible(timeout=NOTICE_WITHIN_MS)


def test_a_dead_kernel_is_given_up_not_restarted_behind_its_page(room, page: Page, open_workshop) -> None:
    """Restarted, the kernel would have none of the page's widgets: it would only hold memory the laptop
    has just run out of (and count as a teen's page). The server forgets it at once."""
    kernel = _open_and_play(room, open_workshop, FRENCH)
    _kill(room, kernel)
    expect(_notice(page, FRENCH)).to_be_visible(timeout=NOTICE_WITHIN_MS)
    _forgotten(room, kernel)
    assert kernel not in room.kernels(), "the dead page's kernel was started again"


def test_a_page_handed_a_kernel_that_died_while_waiting_says_so(room, page: Page, open_workshop) -> None:
    """Voilà's pool keeps a kernel that has already drawn the workshop for its next teen. Killed while it
    waits, the next teen must not get a page that silently does nothing: either a working page or the
    notice, and then a reload gives a working one."""
    known = set(room.kernels())
    known.add(_open_and_play(room, open_workshop, FRENCH))
    waiting = _next_in_pool(room, known)
    _kill(room, waiting)
    _forgotten(room, waiting)

    _open(open_workshop, FRENCH)
    expect(_notice(page, FRENCH).or_(page.get_by_role("button", name=FRENCH["start"]))).to_be_visible(
        timeout=90_000)
    if _notice(page, FRENCH).is_visible():
        page.get_by_role("button", name=FRENCH["reload"]).click()
    _play(page, FRENCH)


def _next_in_pool(room, known: set[str]) -> str:
    """The kernel the pool started for the workshop's next teen, once it waits for them."""
    return wait_for(lambda: room.preheated() - known, 60, "a kernel kept for the workshop's next teen").pop()


def test_a_page_left_by_the_teen_shows_no_notice(room, page: Page, open_workshop) -> None:
    """What a browser does when a teen leaves: `beforeunload` (Voilà's page code closes the kernel's socket),
    then `pagehide` (release_kernel.js shuts the kernel down). The page, kept here to be looked at, must not
    take that for a lost kernel."""
    kernel = _open_and_play(room, open_workshop, FRENCH)
    page.evaluate("""() => {
        window.dispatchEvent(new Event("beforeunload", {cancelable: true}));
        window.dispatchEvent(new PageTransitionEvent("pagehide", {persisted: false}));
    }""")
    wait_for(lambda: kernel not in room.kernels(), 30, "leaving the page to free its kernel")
    _no_notice_meanwhile(page, "no notice on the page the teen left")


def test_a_teen_who_leaves_and_comes_back_gets_a_working_page(room, page: Page, open_workshop) -> None:
    kernel = _open_and_play(room, open_workshop, FRENCH)
    page.goto(room.url, wait_until="commit")
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=30_000)
    page.go_back(wait_until="commit")
    _play(page, FRENCH)
    assert room.kernel_of(page.content()) != kernel
    _no_notice_meanwhile(page, "no notice on the page the teen came back to")


def test_the_launcher_keeps_working_without_its_kernel(room, page: Page) -> None:
    """Links and a QR code, no widget: the launcher needs no kernel once drawn (the server may already have
    shut it down), and one that dies must not cover it."""
    page.goto(room.url, wait_until="networkidle")
    expect(page.get_by_text("Choisis un atelier")).to_be_visible(timeout=30_000)
    pid = room.kernels().get(room.kernel_of(page.content()))
    if pid is not None:
        os.kill(pid, signal.SIGKILL)
    _no_notice_meanwhile(page, "no notice on the launcher")
    expect(page.get_by_role("link", name="English")).to_be_visible()
