"""The launcher page: the workshops of the room, and the QR code that brings more teens in."""

from __future__ import annotations

import html

import segno
from IPython.display import HTML

from kit.i18n import LANGUAGES, text
from kit.page_env import LAUNCHER, requested_language, room_address
from kit.widgets.page_style import page_style
from kit.workshops import available_workshops

__all__ = ["launcher"]


def launcher(language: str | None = None) -> HTML:
    """Links to every workshop, a link to the other language, and the room's QR code.

    Plain HTML output, not a widget: Voilà renders it into the page itself, so it shows at once.
    The language travels in the links' addresses (`&lang=en`), so each workshop opens in it too.
    """
    language = language or requested_language()
    url = room_address()
    # Full addresses (with the room code): Jupyter's renderer would swallow relative links.
    switch = " · ".join(f'<a href="{html.escape(_in(url, code))}" hreflang="{code}" lang="{code}">'
                        f'{html.escape(text("language.name", code))}</a>' for code in LANGUAGES if code != language)
    links = [f'<li><a href="{html.escape(_in(url.replace(LAUNCHER, f"{stem}.ipynb"), language))}">'
             f'{html.escape(text(f"workshop.{stem}.title", language))}</a></li>' for stem in available_workshops()]
    listing = f"<ul>{''.join(links)}</ul>" if links else f"<p>{text('launcher.none_yet', language)}</p>"
    qr = ""
    if url:
        svg = segno.make(url, error="m").svg_inline(scale=5, title=url)
        qr = f"<p>{text('launcher.scan', language)}</p><figure>{svg}<figcaption>{html.escape(url)}</figcaption></figure>"
    return HTML(f"{page_style()}<p>{switch}</p><h1>{text('launcher.title', language)}</h1>"
                f"<p>{text('launcher.intro', language)}</p>{listing}{qr}")


def _in(url: str, language: str) -> str:
    """The address, asking for the page in `language` (French, the default, needs nothing)."""
    return url if not url or language == LANGUAGES[0] else f"{url}&lang={language}"
