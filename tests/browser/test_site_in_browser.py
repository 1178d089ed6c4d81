"""The built site in Chromium with every request outside the laptop aborted: Pyodide starts, the kit installs
from the site, Faker and the scenario validator run, and nothing is asked of anyone else."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from phone_layout import MIN_TEXT_PX
from waiting import wait_for

from kit.site.landing import workshop_url

#: Pyodide's first start, the kit and its packages installed from the site, on a 2-core machine.
FIRST_RUN_MS = 180_000


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[Page]:
    """A page whose requests to anything but the laptop are aborted and recorded in `page.aborted`."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="fr-FR")
    page = context.new_page()
    page.aborted = []  # type: ignore[attr-defined]

    def only_the_laptop(route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost") or route.request.url.startswith(
                ("data:", "blob:")):
            route.continue_()
        else:
            page.aborted.append(route.request.url)  # type: ignore[attr-defined]
            route.abort()

    context.route("**/*", only_the_laptop)
    yield page
    context.close()


@pytest.fixture
def plain_http_server(built_site, free_port) -> Iterator[str]:
    """The site as any static host serves it: `python -m http.server` in its folder (the README's way)."""
    port = free_port()
    with subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                          cwd=built_site.out, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as server:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: _answers(url), 30, "python -m http.server to answer")
        yield url
        server.terminate()


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.network  # both serve the built site, asked for by name below
@pytest.mark.parametrize("server", ["site_url", "plain_http_server"])
def test_the_sandbox_runs_faker_and_the_scenario_validator_with_nothing_from_outside(offline_page: Page, server: str,
                                                                                     request) -> None:
    offline_page.goto(request.getfixturevalue(server))
    offline_page.get_by_role("link", name="Bac à sable Python").click()
    output = offline_page.locator(".jp-OutputArea-output", has_text="nantes 45 13")
    expect(output).to_be_visible(timeout=FIRST_RUN_MS)
    assert offline_page.aborted == []  # type: ignore[attr-defined]


def test_a_workshop_without_numpy_tells_the_teen_why_in_their_language(offline_page: Page, site_url: str) -> None:
    offline_page.goto(site_url + workshop_url("03_profilage", "en"))
    alert = offline_page.get_by_role("alert")
    expect(alert).to_contain_text("This workshop cannot start here", timeout=FIRST_RUN_MS)
    expect(alert).to_contain_text("numpy")
    assert offline_page.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0
    # In the kit's stylesheet, as a workshop page is (JupyterLab's own text is 14 px).
    assert alert.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= MIN_TEXT_PX
    assert offline_page.aborted == []  # type: ignore[attr-defined]


#: What a workshop step draws, with what the core runtime has: a widget and one of the kit's figures.
DRAWING = """import piplite
await piplite.install(["ipywidgets", "plotly", "data-trail-kit"])
import ipywidgets as widgets
import plotly.graph_objects as go
from kit.widgets.plain_figure import as_widget
widgets.VBox([widgets.Button(description="Bonjour"), as_widget(go.Figure(go.Bar(x=["a", "b"], y=[1, 3])))])"""


def test_widgets_and_the_kits_figures_draw_in_the_console_with_the_code_hidden(offline_page: Page,
                                                                               site_url: str) -> None:
    """The widget manager and plotly's renderer come from the site: a step's widgets and charts appear in
    the console teens see (code hidden), with nothing fetched from a CDN."""
    query = urlencode({"kernel": "python", "hideCodeInput": "1", "showBanner": "0", "code": DRAWING})
    offline_page.goto(f"{site_url}repl/index.html?{query}")
    expect(offline_page.get_by_role("button", name="Bonjour")).to_be_visible(timeout=FIRST_RUN_MS)
    expect(offline_page.locator(".js-plotly-plot .bars path").first).to_be_visible()
    expect(offline_page.get_by_text("import piplite")).to_be_hidden()
    assert offline_page.aborted == []  # type: ignore[attr-defined]


def test_the_code_is_one_click_away_from_the_landing_page(offline_page: Page, site_url: str) -> None:
    offline_page.goto(site_url)
    offline_page.get_by_role("link", name="Voir le code").first.click()
    expect(offline_page.get_by_text("MaJournee").first).to_be_visible(timeout=60_000)
    expect(offline_page.get_by_text('%pip install "data-trail-kit[workshops]"')).to_be_visible()
    assert offline_page.aborted == []  # type: ignore[attr-defined]


def test_the_landing_page_passes_axe_in_both_languages(offline_page: Page, site_url: str, axe) -> None:
    for page in ("index.html", "index.en.html"):
        offline_page.goto(site_url + page)
        assert axe(offline_page) == [], page


@pytest.mark.network  # the site's wheels come from PyPI
@pytest.mark.skipif(not os.environ.get("DATATRAIL_PYODIDE_FULL"),
                    reason="set DATATRAIL_PYODIDE_FULL to Pyodide 314.0.6's full distribution (folder, archive or "
                           "address) to run every workshop in the browser: numpy and pandas for Pyodide exist only "
                           "there, not on PyPI or npm")
def test_every_workshop_runs_in_the_browser_with_the_full_distribution(offline_page: Page, tmp_path,
                                                                       serve_site) -> None:
    from kit.site import build_site
    from kit.workshops import available_workshops

    site = build_site(tmp_path / "site", scenario="nantes", pyodide=os.environ["DATATRAIL_PYODIDE_FULL"],
                      language="fr")
    assert site.missing == {}
    with serve_site(site.out) as url:
        for stem in available_workshops():
            offline_page.goto(url + workshop_url(stem, "fr"))
            expect(offline_page.get_by_text("Langue / Language").first).to_be_visible(timeout=FIRST_RUN_MS)
            assert offline_page.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0, stem
    assert offline_page.aborted == []  # type: ignore[attr-defined]
