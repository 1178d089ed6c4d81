"""`datatrail serve --ages 11-13` (and `datatrail build --ages 11-13`): the facilitator's choice reaches every
page of the session, the way the scenario does, and a page in a session without it keeps the default texts."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from kit.cli import _parser, main
from kit.i18n import DEFAULT_AGES
from kit.page_env import AGES_VARIABLE, page_variables, session_ages
from kit.serve import voila_environment
from kit.site.landing import workshop_url


def test_the_option_reaches_the_server_and_so_every_kernel(monkeypatch) -> None:
    """Voilà's kernels, forked from its template or started on their own, inherit the server's environment."""
    asked = {}
    monkeypatch.setattr("kit.serve.session.serve", lambda **options: asked.update(options) or 0)
    assert main(["serve", "--local", "--ages", "11-13"]) == 0
    assert asked["ages"] == "11-13"
    environment = voila_environment("http://room", ages=asked["ages"])
    assert environment[AGES_VARIABLE] == "11-13"
    monkeypatch.setenv(AGES_VARIABLE, environment[AGES_VARIABLE])
    assert session_ages() == "11-13"


def test_by_default_the_session_is_for_11_to_17(monkeypatch) -> None:
    assert _parser().parse_args(["serve"]).ages == DEFAULT_AGES == "11-17"
    assert _parser().parse_args(["build"]).ages == DEFAULT_AGES
    monkeypatch.delenv(AGES_VARIABLE, raising=False)
    assert session_ages() == DEFAULT_AGES and AGES_VARIABLE not in page_variables(scenario="nantes")


def test_an_unknown_band_is_refused_on_the_command_line_and_ignored_in_a_page(monkeypatch, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--ages", "8-10"])
    assert "11-13" in capsys.readouterr().err  # argparse lists the choices
    monkeypatch.setenv(AGES_VARIABLE, "8-10")
    assert session_ages() == DEFAULT_AGES


def test_a_sites_workshop_buttons_carry_the_band_only_when_it_is_not_the_default() -> None:
    def code(url: str) -> str:
        return parse_qs(urlsplit(url).query)["code"][0]

    assert code(workshop_url("03_profilage", "fr", "nantes")).endswith("open_workshop('03_profilage', 'fr', 'nantes')")
    assert code(workshop_url("03_profilage", "fr", "nantes", "11-13")).endswith(
        "open_workshop('03_profilage', 'fr', 'nantes', ages='11-13')")
