"""The facilitator's group screen: its own door on the room's server, and the answers' door for the teens' kernels.

- `/datatrail/groupe?code=…` opens only with the facilitator's code, which `datatrail serve` prints under the
  room's QR code and nowhere else (not in the QR code, not on the launcher). It is not the room's code, and
  the room's code (Voilà's token, or the cookie it leaves) does not open it: these handlers check their own
  code, not Voilà's login. The page asks for its data every second with the code in a header, so it follows
  the room without a reload and never asks anything outside the laptop.
- `/datatrail/reponses` takes the answers the teens' kernels tell (`kit.page_env.group`): from loopback only,
  with the room's secret, which the server draws at start and gives only to its kernels. A phone cannot
  reach it, nor add an answer in a teen's name.
What the screen may show of the answers is `kit.group.board`'s rule; its content, `kit.group.screen`.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import jinja2
import tornado.web

from kit import voila_compat
from kit.group import charte as charter_figures
from kit.group.board import Board
from kit.group.screen import screen
from kit.i18n import DEFAULT_LANGUAGE, LANGUAGES, text
from kit.page_env.group import GROUP_SECRET_VARIABLE, GROUP_URL_VARIABLE, SECRET_HEADER
from kit.serve import room_code
from kit.workshops import WORKSHOPS

__all__ = ["ANSWERS_PATH", "FACILITATOR_CODE_VARIABLE", "FACILITATOR_HEADER", "GROUP_PATH", "facilitator_code",
           "group_handlers", "group_url", "open_answers_door"]

GROUP_PATH = "/datatrail/groupe"
ANSWERS_PATH = "/datatrail/reponses"
#: How `datatrail serve` hands the facilitator's code to the server: not on its command line, which any
#: program of the laptop may read; the server takes it out of its environment before any kernel starts.
FACILITATOR_CODE_VARIABLE = "DATATRAIL_FACILITATOR_CODE"
FACILITATOR_HEADER = "X-Datatrail-Facilitator"
#: An answer is a few numbers or words; anything larger is not one of the kit's pages.
_LARGEST_ANSWER = 64 * 1024
#: A free text (workshop 6's own commitment) is cut to this on the screen.
_LONGEST_TEXT = 200
_LOOPBACK = ("127.0.0.1", "::1")
_STEMS = {entry.stem for entry in WORKSHOPS}
_TEMPLATES = Path(__file__).resolve().parent / "share" / "voila" / "templates" / "datatrail"


def facilitator_code() -> str:
    """Longer than the room's code: it is typed once, by the facilitator, and opens more."""
    return room_code(12)


def group_url(host: str, port: int, code: str) -> str:
    return f"http://{host}:{port}{GROUP_PATH}?code={code}"


def open_answers_door(port: int) -> str:
    """Draws the room's secret and gives it, with the answers' address, to the kernels this server will start
    (they inherit its environment); returns the secret."""
    secret = secrets.token_urlsafe(24)
    os.environ[GROUP_URL_VARIABLE] = f"http://127.0.0.1:{port}{ANSWERS_PATH}"
    os.environ[GROUP_SECRET_VARIABLE] = secret
    return secret


class _AnswersDoor(tornado.web.RequestHandler):
    def check_xsrf_cookie(self) -> None:
        """Kernels have no cookie: they prove themselves with the room's secret, which a web page cannot send."""

    def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if (self.request.remote_ip not in _LOOPBACK
                or not secrets.compare_digest(given.encode(), self.settings["room_secret"].encode())):
            raise tornado.web.HTTPError(403)
        if len(self.request.body) > _LARGEST_ANSWER:
            raise tornado.web.HTTPError(413)
        try:
            told = json.loads(self.request.body)
            page, workshop, question = (str(told[key]) for key in ("page", "workshop", "question"))
            answer = told["answer"]
        except (ValueError, KeyError, TypeError) as error:
            raise tornado.web.HTTPError(400) from error
        if workshop not in _STEMS:
            raise tornado.web.HTTPError(400)
        board: Board = self.settings["group_board"]
        if question in charter_figures.MODERATED:
            # An emptied box is the teen taking their words back: the texts are kept apart from their pages,
            # so what was already sent stays for the facilitator to set aside.
            if str(answer).strip():
                board.add_text(str(answer).strip()[:_LONGEST_TEXT])
        else:
            board.record(page, workshop, question, answer)
        self.set_status(204)


class _FacilitatorOnly(tornado.web.RequestHandler):
    """Opens with the facilitator's code only (in the address, or in a header for the page's own requests)."""

    def prepare(self) -> None:
        given = self.request.headers.get(FACILITATOR_HEADER) or self.get_argument("code", "")
        if not secrets.compare_digest(given.encode(), self.settings["facilitator_code"].encode()):
            self.set_status(403)
            self.finish(_page("group_refused.html", self.language))

    def check_xsrf_cookie(self) -> None:
        """The page's requests carry the code in a header, which another site's page cannot set."""

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")  # the room's answers are not kept by the browser either
        self.set_header("Referrer-Policy", "no-referrer")  # the code stays in this address

    @property
    def language(self) -> str:
        asked = self.get_argument("lang", DEFAULT_LANGUAGE)
        return asked if asked in LANGUAGES else DEFAULT_LANGUAGE

    def _screen(self) -> dict:
        manager = self.settings["kernel_manager"]
        live = set(manager.list_kernel_ids()) - voila_compat.waiting_kernels(manager)
        capacity = self.settings["room_capacity"]
        left = capacity.room_left() if capacity.max_teens is None else max(0, capacity.max_teens - len(live))
        return screen(self.settings["group_board"], live, self.language, full=left == 0, left=left)


class _Screen(_FacilitatorOnly):
    def get(self) -> None:
        self.finish(_page("group.html", self.language, k=self.settings["group_board"].k, code=self.get_argument("code"),
                          workshops=WORKSHOPS, data=json.dumps(self._screen())))


class _Data(_FacilitatorOnly):
    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(self._screen()))


class _Texts(_FacilitatorOnly):
    def post(self) -> None:
        decided = self.settings["group_board"].decide(self.get_argument("number"),
                                                     self.get_argument("approved") == "1")
        self.set_status(204 if decided else 404)


class _Poster(_FacilitatorOnly):
    def get(self) -> None:
        # Here, not at the top: the poster's module brings ipywidgets, which the server needs for nothing else.
        from kit.widgets.poster import SIZES, poster_document

        board: Board = self.settings["group_board"]
        size = self.get_argument("size", "A4")
        votes = board.released(charter_figures.STEM, charter_figures.VOTES)
        if size not in SIZES or votes is None:
            raise tornado.web.HTTPError(404)
        approved = [kept.text for kept in board.texts(True)]
        charter = charter_figures.group_charter(votes, approved, self.language)
        self.finish(poster_document(self.get_argument("group", "") or text("group.poster.name", self.language),
                                    charter, size=size, language=self.language))


def group_handlers() -> list[tuple]:
    return [(ANSWERS_PATH, _AnswersDoor), (GROUP_PATH, _Screen), (f"{GROUP_PATH}/donnees", _Data),
            (f"{GROUP_PATH}/textes", _Texts), (f"{GROUP_PATH}/affiche", _Poster)]


_pages = jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=True)


def _page(name: str, language: str, **values: object) -> str:
    return _pages.get_template(name).render(language=language, text=lambda key, **more: text(key, language, **more),
                                            **values)
