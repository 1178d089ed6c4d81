"""Every place where the static site relies on how JupyterLite 0.8 and its Pyodide kernel work inside, rather than
on the options of `jupyter lite build`.

`datatrail build` configures JupyterLite's own build (`kit.site`) and writes a few files beside it: the site's
settings (`jupyter-lite.json`), its landing page, whose links open JupyterLite's console and notebook. Where that
needs a plugin's id or setting, an address's parameters, the kernel's Pyodide and its own wheels, the kit goes
through the names below and nowhere else, so that a JupyterLite upgrade is checked here:
tests/site/test_lite_compat.py holds each pin against the installed jupyterlite-core and jupyterlite-pyodide-kernel
(their constants, the kernel's labextension, the app's pages, scripts and settings schemas) and says which broke.
Names that JupyterLite's own Python packages define are taken from them.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from jupyterlite_core import constants as core
from jupyterlite_pyodide_kernel import constants as kernel

__all__ = ["APPS", "EXTENSIONS", "KERNEL_EXTENSION", "console_url", "kernel_pyodide", "kernel_python",
           "kernel_wheel_index", "notebook_url", "piplite_install", "root_config_script", "site_settings"]

#: The Pyodide kernel's labextension (jupyterlite-pyodide-kernel's npm name).
KERNEL_EXTENSION = kernel.PYODIDE_KERNEL_NPM_NAME
#: The labextensions the workshops draw with, under the names their packages install them (ipywidgets' widget
#: manager, plotly's renderer) and the kernel's; others installed beside the kit (Voilà's preview…) stay out.
EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "jupyterlab-plotly", KERNEL_EXTENSION)
#: JupyterLite's pages the site uses: the console (`console_url`) and the notebook (`notebook_url`).
APPS = ("repl", "notebooks")

#: JupyterLite 0.8's plugin that installs a service worker, by its id.
_SERVICE_WORKER = "@jupyterlite/application-extension:service-worker-manager"
#: JupyterLab's notification settings, where it fetches news and checks for updates (both requests to a website).
_NOTIFICATIONS = "@jupyterlab/apputils-extension:notification"
#: The Pyodide kernel's kernelspec name, as its labextension registers it.
_KERNEL_NAME = "python"


def site_settings(app_name: str) -> dict:
    """The site's `jupyter-lite.json`: its name, no service worker, no fallback to PyPI, no news or update checks.

    JupyterLite 0.8 reads its pages' settings from `jupyter-config-data` (`JUPYTER_CONFIG_DATA`, schema version 0):
    plugins listed in `disabledExtensions` never start, `litePluginSettings` go to JupyterLite's own plugins (the
    kernel's `disablePyPIFallback`: piplite installs only from the site), `settingsOverrides` to JupyterLab's
    (its notification settings take `fetchNews` as the string "false")."""
    return {"jupyter-lite-schema-version": 0, core.JUPYTER_CONFIG_DATA: {
        "appName": app_name,
        core.DISABLED_EXTENSIONS: [_SERVICE_WORKER],
        core.LITE_PLUGIN_SETTINGS: {kernel.PYODIDE_KERNEL_PLUGIN_ID: {kernel.DISABLE_PYPI_FALLBACK: True}},
        core.SETTINGS_OVERRIDES: {_NOTIFICATIONS: {"fetchNews": "false", "checkForUpdates": False}},
    }}


def kernel_pyodide() -> str:
    """The Pyodide version the kernel is built for (jupyterlite-pyodide-kernel's `PYODIDE_VERSION`)."""
    return kernel.PYODIDE_VERSION


def kernel_python() -> str:
    """The Python version, major.minor, of that Pyodide (`PYODIDE_PYTHON_VERSION`)."""
    return kernel.PYODIDE_PYTHON_VERSION


def kernel_wheel_index(extension: Path) -> Path:
    """The index of the wheels the kernel brings itself (its ipykernel and widgetsnbextension stand-ins, piplite),
    in the kernel's labextension folder `extension`: a JSON object keyed by package name (`all.json`), in the folder
    that the labextension's `package.json` names under `piplite.wheelDir`, as the kernel's own build addon reads it."""
    package = json.loads((extension / "package.json").read_text(encoding="utf-8"))
    return extension / package[kernel.PKG_JSON_PIPLITE][kernel.PKG_JSON_WHEELDIR] / core.ALL_JSON


def root_config_script() -> str:
    """What a page of the site's own (the landing page) must carry: JupyterLite's pages merge the settings of every
    `index.html` from theirs up to the page marked as the site's root (`data-jupyter-lite-root`), each read from its
    `jupyter-config-data` script. This one adds none."""
    return (f'<script id="{core.JUPYTER_CONFIG_DATA}" type="application/json" data-jupyter-lite-root=".">'
            "{}</script>")


def console_url(code: str, *, hide_code: bool) -> str:
    """JupyterLite's console that runs `code` in the Pyodide kernel at once, without its banner, and with the code
    hidden if `hide_code` (JupyterLite 0.8's `repl` reads `kernel`, `showBanner=0`, `hideCodeInput=1` and `code` from
    the address)."""
    hidden = {"hideCodeInput": "1"} if hide_code else {}
    return "repl/index.html?" + urlencode({"kernel": _KERNEL_NAME, "showBanner": "0", **hidden, "code": code})


def notebook_url(path: str) -> str:
    """JupyterLite's notebook page for the site file `path`."""
    return f"notebooks/index.html?path={path}"


def piplite_install(requirement: str) -> str:
    """Code that installs `requirement` in the Pyodide kernel: `piplite`, the kernel's installer, has it `await`ed
    at the top level of a cell."""
    return f'import piplite\nawait piplite.install("{requirement}")\n'
