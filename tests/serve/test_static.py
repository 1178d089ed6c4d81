"""`datatrail serve --static DIR` sends a built site with the types browsers insist on, and only a built site."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.serve import SESSION_CACHE_S
from kit.serve.static import static_server
from kit.site import SiteReport


@pytest.mark.parametrize(("path", "kind"), [("static/pyodide/pyodide.asm.wasm", "application/wasm"),
                                            ("static/pyodide/pyodide.mjs", "text/javascript"),
                                            ("index.html", "text/html")])
def test_files_go_out_with_the_type_browsers_require(site_url: str, path: str, kind: str) -> None:
    with urllib.request.urlopen(site_url + path) as response:
        assert response.headers["Content-Type"].split(";")[0] == kind


def test_phones_keep_code_and_packages_for_the_session_but_not_pages(site_url: str) -> None:
    with urllib.request.urlopen(site_url + "static/pyodide/pyodide.asm.wasm") as response:
        assert response.headers["Cache-Control"] == f"max-age={SESSION_CACHE_S}"
    with urllib.request.urlopen(site_url + "index.html") as response:
        assert response.headers["Cache-Control"] is None


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KitError, match="datatrail build"):
        static_server(tmp_path, host="127.0.0.1", port=0)


def test_the_command_prints_the_address_serves_the_site_and_stops_on_ctrl_c(built_site: SiteReport, free_port,
                                                                           datatrail_until_ctrl_c) -> None:
    port = free_port()
    with datatrail_until_ctrl_c("serve", "--static", str(built_site.out), "--local", "--port", str(port),
                                stop_within_s=10) as process:
        first = process.stdout.readline()
        assert first.strip() == f"Site ouvert / site open: http://127.0.0.1:{port}/"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.en.html") as response:
            assert b"Data Trail Kit" in response.read()
    assert process.returncode == 0
