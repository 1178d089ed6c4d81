"""The launcher page: the workshops of the room, and the QR code that brings more teens in."""

from __future__ import annotations

import html
import os

import segno
from IPython.display import HTML

from kit.i18n import text
from kit.serve import LAUNCHER, ROOM_URL_VARIABLE
from kit.workshops import available_workshops

__all__ = ["launcher"]


def launcher(language: str = "fr") -> HTML:
    """Links to every workshop and the room's QR code.

    Plain HTML output, not a widget: Voilà renders it into the page itself, so it shows at once.
    """
    url = os.environ.get(ROOM_URL_VARIABLE, "")
    # Full addresses (with the room code): Jupyter's renderer would swallow relative links.
    links = [f'<li><a href="{html.escape(url.replace(LAUNCHER, f"{stem}.ipynb"))}">'
             f'{html.escape(text(f"workshop.{stem}.title", language))}</a></li>' for stem in available_workshops()]
    listing = f"<ul>{''.join(links)}</ul>" if links else f"<p>{text('launcher.none_yet', language)}</p>"
    qr = ""
    if url:
        svg = segno.make(url, error="m").svg_inline(scale=5, title=url)
        qr = f"<p>{text('launcher.scan', language)}</p><figure>{svg}<figcaption>{html.escape(url)}</figcaption></figure>"
    return HTML(f"<h1>{text('launcher.title', language)}</h1><p>{text('launcher.intro', language)}</p>"
                        f"{listing}{qr}")
