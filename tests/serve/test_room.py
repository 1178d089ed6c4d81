"""Only the room gets in, teens see the kit's pages, and nothing is fetched from a third party."""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kit.serve import SESSION_CACHE_S

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1)""")
#: Hosts whose addresses name XML namespaces (in the spinner's SVG), never fetched.
NAMESPACES = {"www.w3.org", "purl.org", "creativecommons.org"}


def _addresses(body: str) -> set[str]:
    """Every host written in a page, fetched or not: a CDN address in a script is a leak waiting to happen."""
    return set(re.findall(r"https?://([A-Za-z0-9.-]+)", body)) - NAMESPACES - {"127.0.0.1"}


def _get(url: str, opener: urllib.request.OpenerDirector | None = None) -> tuple[int, str, str]:
    response = (opener or urllib.request.build_opener()).open(url, timeout=60)
    return response.status, response.geturl(), response.read().decode("utf-8")


def test_without_the_code_a_teen_gets_a_friendly_page_to_type_it(room) -> None:
    status, final, body = _get(f"{room.base}/voila/render/accueil.ipynb")
    assert status == 200 and "/login" in final
    assert "Il manque le code de la salle" in body and 'name="password"' in body
    assert "accueil" not in body.split("<form")[0]  # nothing of the workshop leaks before the form
    assert not EXTERNAL.search(body)


def test_with_the_code_the_launcher_opens_without_third_party_links(room) -> None:
    status, _, body = _get(room.url)
    assert status == 200
    assert "Choisis un atelier" in body and "<svg" in body  # the launcher and its QR code
    assert "cdn.jsdelivr.net" not in body and not EXTERNAL.search(body)
    assert "from kit.widgets" not in body  # sources are stripped: teens see the page, not the code
    assert _addresses(body) == set()


def test_a_workshop_page_names_no_third_party_address(room) -> None:
    _, _, body = _get(room.url.replace("accueil", "01_ma_journee"))
    assert "application/vnd.jupyter.widget-view+json" in body  # executed: the page carries its widgets
    assert '<html lang="fr">' in body and "<title>Ma journée en données · Kit Traces de données</title>" in body
    assert _addresses(body) == set()


def test_typing_the_code_in_the_form_lets_the_teen_in(room) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, login, page = _get(f"{room.base}/voila/render/accueil.ipynb", opener)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"_xsrf": xsrf, "password": room.code}).encode()
    response = opener.open(urllib.request.Request(login, data=form), timeout=60)
    assert response.status == 200 and "Choisis un atelier" in response.read().decode("utf-8")


def test_a_wrong_code_is_refused_in_plain_words(room) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, login, page = _get(f"{room.base}/voila/render/accueil.ipynb", opener)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"_xsrf": xsrf, "password": "wrong1"}).encode()
    try:
        body = opener.open(urllib.request.Request(login, data=form), timeout=60).read().decode("utf-8")
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8")
    assert "Ce code ne marche pas" in body


def test_the_laptops_folder_is_neither_listed_nor_served_nor_writable(room) -> None:
    _, _, home = _get(f"{room.base}/?token={room.code}")
    assert "voila/render/accueil.ipynb" in home and "01_ma_journee" not in home  # a step to the launcher
    _, _, listing = _get(f"{room.base}/voila/api/contents/01_ma_journee.ipynb?token={room.code}&content=1")
    assert json.loads(listing)["content"] is None  # names only: the notebook's code stays on the laptop
    for path, method, refused in [("/voila/files/01_ma_journee.ipynb", "GET", 403),
                                  ("/voila/api/contents/note.txt", "PUT", 405),
                                  ("/api/kernels", "GET", 404), ("/api/terminals", "GET", 404),
                                  ("/api/contents", "GET", 404), ("/lab", "GET", 404)]:
        request = urllib.request.Request(f"{room.base}{path}?token={room.code}", method=method,
                                         data=b"{}" if method == "PUT" else None)
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=30)
        answer.value.close()
        assert answer.value.code == refused, path


def test_pages_travel_compressed_and_without_the_in_browser_kernels_code(room) -> None:
    """Youth-centre wifi is slow: plotly.js alone is 4.8 MB uncompressed."""
    request = urllib.request.Request(f"{room.base}/voila/static/voila.js?token={room.code}",
                                     headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
    _, _, page = _get(room.url)
    assert "jupyterlab-plotly" in page
    assert "pyodide-kernel-extension" not in page and "jupyterlab_pygments" not in page


def test_phones_keep_the_page_code_for_the_session_but_never_the_page(room) -> None:
    """Without asking the laptop again for each of the ~100 files of page code, over the room's wifi."""
    _, _, page = _get(room.url)
    widgets_code = re.search(r'"load": "(static/remoteEntry[^"]+)", "name": "@jupyter-widgets/jupyterlab-manager"',
                             page)
    code = ["/voila/static/voila.js", "/voila/templates/datatrail/static/release_kernel.js",
            f"/voila/labextensions/@jupyter-widgets/jupyterlab-manager/{widgets_code.group(1)}"]
    for path in code:
        with urllib.request.urlopen(f"{room.base}{path}?token={room.code}", timeout=30) as response:
            assert response.headers["Cache-Control"] == f"max-age={SESSION_CACHE_S}", path
    with urllib.request.urlopen(room.url, timeout=60) as response:
        assert "no-store" in response.headers["Cache-Control"]  # the page carries the room code and a kernel
