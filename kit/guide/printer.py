"""HTML → PDF with the browser already on the youth worker's laptop (Chromium, Chrome, Edge, Brave).

Every such laptop has one, whereas a PDF library with its own layout engine needs system libraries that
Windows lacks (WeasyPrint needs GTK's Pango). Chromium's headless print follows CSS paged media: `@page`
size and margins, page-number margin boxes, page breaks; it also writes the PDF's outline (bookmarks)
from the headings, which `kit.guide.book` reads back to number its table of contents.

The browser runs with a throw-away profile, its background services off and every host name unresolvable:
printing the guide never reaches the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kit.errors import KitError, Problem

__all__ = ["BROWSER_VARIABLE", "find_browser", "print_pdf"]

#: Names a youth worker may set to a browser the kit does not find by itself.
BROWSER_VARIABLE = "DATATRAIL_BROWSER"
_COMMANDS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge",
             "microsoft-edge-stable", "brave-browser", "msedge", "chrome")
_MAC_APPS = ("Google Chrome.app/Contents/MacOS/Google Chrome", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
             "Chromium.app/Contents/MacOS/Chromium", "Brave Browser.app/Contents/MacOS/Brave Browser")
_WINDOWS_APPS = ("Microsoft/Edge/Application/msedge.exe", "Google/Chrome/Application/chrome.exe",
                 "BraveSoftware/Brave-Browser/Application/brave.exe")
_QUIET = ("--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
          "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer",
          "--generate-pdf-document-outline")
_TIMEOUT_S = 180


def find_browser() -> Path:
    """The browser that prints: `DATATRAIL_BROWSER` if set, else the first Chromium-family one installed."""
    chosen = os.environ.get(BROWSER_VARIABLE)
    if chosen:
        path = Path(shutil.which(chosen) or chosen)
        if not path.is_file():
            raise KitError(Problem(file=None, line=None, field=BROWSER_VARIABLE, found=chosen,
                                   expected="le chemin d'un navigateur Chromium, Chrome ou Edge "
                                            "/ the path of a Chromium, Chrome or Edge browser",
                                   hint=f"corrige ou retire la variable {BROWSER_VARIABLE} "
                                        f"/ fix or unset {BROWSER_VARIABLE}"))
        return path
    for candidate in _candidates():
        if candidate.is_file():
            return candidate
    raise KitError(Problem(file=None, line=None, field="navigateur / browser", found="aucun / none",
                           expected="Chromium, Google Chrome, Microsoft Edge ou Brave, pour imprimer en PDF "
                                    "/ Chromium, Google Chrome, Microsoft Edge or Brave, to print to PDF",
                           hint=f"installe l'un d'eux, ou donne son chemin : {BROWSER_VARIABLE}=/chemin/du/navigateur "
                                f"/ install one, or give its path: {BROWSER_VARIABLE}=/path/to/browser. "
                                "La page HTML est écrite quand même : ouvre-la et imprime-la "
                                "/ the HTML page is written anyway: open it and print it"))


def print_pdf(page: Path, pdf: Path) -> Path:
    """Print the HTML file `page` to `pdf` (A4 and margins come from the page's CSS)."""
    browser = find_browser()
    with tempfile.TemporaryDirectory(prefix="datatrail-print-") as scratch:
        printed = Path(scratch) / "printed.pdf"
        # Chromium refuses to start as root without this; ordinary accounts keep the sandbox.
        sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        command = [str(browser), *_QUIET, *sandbox, f"--user-data-dir={Path(scratch) / 'profile'}",
                   f"--print-to-pdf={printed}", page.resolve().as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False,
                                    stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            result = None
        if result is None or result.returncode != 0 or not printed.is_file() or printed.stat().st_size == 0:
            said = "" if result is None else "\n".join(result.stderr.strip().splitlines()[-5:])
            raise KitError(Problem(file=page, line=None, field="impression PDF / PDF printing",
                                   found=said or f"{browser} : pas de PDF après / no PDF after {_TIMEOUT_S} s",
                                   expected=f"un PDF imprimé par / a PDF printed by {browser}",
                                   hint="ferme les autres fenêtres du navigateur et relance, ou ouvre la page HTML "
                                        "et imprime-la / close the browser's other windows and retry, or open "
                                        "the HTML page and print it"))
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(printed, pdf)
    return pdf


def _candidates() -> list[Path]:
    found = [Path(path) for path in map(shutil.which, _COMMANDS) if path]
    if sys.platform == "darwin":
        found += [Path("/Applications") / app for app in _MAC_APPS]
    if sys.platform == "win32":
        roots = [os.environ.get(name) for name in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
        found += [Path(root) / app for root in roots if root for app in _WINDOWS_APPS]
    return found
