"""The static site has no server, hence no group screen: its landing page tells the youth worker so, in
each language, before they look for one during a debrief."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from kit.i18n import LANGUAGES
from kit.scenario import Scenario
from kit.site import SiteReport
from kit.site.landing import write_landing

_SAYS = {"fr": "l'écran du groupe, qui projette les réponses de la salle au débriefing, a besoin de `datatrail serve`",
         "en": "the group screen, which projects the room's answers during the debrief, needs `datatrail serve`"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_landing_page_says_the_group_screen_needs_datatrail_serve(tmp_path: Path, nantes: Scenario,
                                                                       language: str) -> None:
    report = SiteReport(out=tmp_path, total_bytes=30_000_000, runtime_bytes=20_000_000, kit_bytes=1_000_000,
                        missing={})
    write_landing(tmp_path, report=report, scenario=nantes.meta, language=language, pyodide_version="0.27.0",
                  data_file="files/nantes.zip")
    assert _SAYS[language] in unescape((tmp_path / "index.html").read_text(encoding="utf-8"))
