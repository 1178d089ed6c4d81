"""Each place where the site relies on JupyterLite's internals (`kit.site.lite_compat`), held against the installed
jupyterlite-core and jupyterlite-pyodide-kernel: the app they build the site from (its pages, scripts and settings
schemas), the kernel's labextension on disk and its own wheels. Each test names the pin it checks, so that an
upgrade that breaks one says which."""

from __future__ import annotations

import ast
import json
import re
import tarfile
import zipfile
from pathlib import Path

import jsonschema
import pytest
from jupyter_core.paths import jupyter_path
from jupyterlite_core.constants import ALL_APP_ARCHIVES
from jupyterlite_pyodide_kernel.constants import KERNEL_SETTINGS_SCHEMA
from ruamel.yaml import YAML
from third_party import touches

import kit
from kit.site import PINS, lite_compat


@pytest.fixture(scope="module")
def app() -> dict[str, str]:
    """The text of the JupyterLite app's pages, scripts and settings (source maps aside), by path in the app."""
    (archive,) = ALL_APP_ARCHIVES
    with tarfile.open(archive) as bundle:
        return {member.name.removeprefix("package/"): bundle.extractfile(member).read().decode("utf-8")
                for member in bundle.getmembers()
                if member.isfile() and member.name.endswith((".js", ".json", ".html"))}


def _extension(name: str) -> Path:
    """Where Jupyter finds the labextension `name`, as `datatrail build` looks for it."""
    found = [Path(root) / name for root in jupyter_path("labextensions") if (Path(root) / name).is_dir()]
    assert found, f"the labextension {name} is not installed"
    return found[0]


def _scripts(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("static/*.js")))


def test_the_site_settings_follow_jupyterlites_schema(app: dict[str, str]) -> None:
    """`site_settings`: the keys of `jupyter-lite.json`, as JupyterLite's own schema describes them."""
    jsonschema.validate(lite_compat.site_settings("Kit"), json.loads(app["jupyterlite.schema.v0.json"]))


def test_the_plugin_the_site_disables_is_jupyterlites_service_worker(app: dict[str, str]) -> None:
    """`site_settings`: a disabled plugin that no longer exists would let the service worker back in."""
    (disabled,) = lite_compat.site_settings("Kit")["jupyter-config-data"]["disabledExtensions"]
    assert disabled.endswith(":service-worker-manager")
    assert any(f'id:"{disabled}"' in text for name, text in app.items() if name.endswith(".js")), disabled


def test_jupyterlab_takes_the_settings_the_site_overrides(app: dict[str, str]) -> None:
    """`site_settings`: no news nor update checks; each value as the plugin's own settings schema accepts it."""
    overrides = lite_compat.site_settings("Kit")["jupyter-config-data"]["settingsOverrides"]
    for plugin, settings in overrides.items():
        package, name = plugin.split(":")
        schema = json.loads(app[f"build/schemas/{package}/{name}.json"])
        for key, value in settings.items():
            assert key in schema["properties"], f"{plugin} has no setting {key}"
            jsonschema.validate(value, schema["properties"][key])


def test_the_kernel_takes_the_setting_that_keeps_pypi_out() -> None:
    """`site_settings`: the Pyodide kernel's plugin, by its id, and its `disablePyPIFallback` setting."""
    extension = _extension(lite_compat.KERNEL_EXTENSION)
    ((plugin, settings),) = lite_compat.site_settings("Kit")["jupyter-config-data"]["litePluginSettings"].items()
    assert f'"{plugin}"' in _scripts(extension)
    schema = json.loads((extension / "static" / "schema" / KERNEL_SETTINGS_SCHEMA).read_text(encoding="utf-8"))
    for key, value in settings.items():
        jsonschema.validate(value, schema["properties"][key])


def test_the_kernels_pyodide_is_the_one_the_site_carries() -> None:
    """`kernel_pyodide`, `kernel_python`: the kit pins npm's core runtime at the kernel's Pyodide, whose Python
    the builder's own distribution must have; the kernel's labextension loads that Pyodide by default."""
    pins = YAML(typ="safe").load(PINS.read_text(encoding="utf-8"))["pyodide"]
    assert pins["version"] == lite_compat.kernel_pyodide() and pins["version"] in pins["npm"]
    assert re.fullmatch(r"\d+\.\d+", lite_compat.kernel_python())
    schema = (_extension(lite_compat.KERNEL_EXTENSION) / "static" / "schema" / KERNEL_SETTINGS_SCHEMA)
    assert f"/v{lite_compat.kernel_pyodide()}/" in json.loads(schema.read_text())["properties"]["pyodideUrl"]["default"]


def test_the_kernel_brings_its_own_wheels_indexed_by_name() -> None:
    """`kernel_wheel_index`: a JSON object by package name, whose files are beside it; the site must not shadow
    them (`kit.site`), and the landing page's code installs with the kernel's own piplite."""
    index = lite_compat.kernel_wheel_index(_extension(lite_compat.KERNEL_EXTENSION))
    wheels = json.loads(index.read_text(encoding="utf-8"))
    assert {"piplite", "ipykernel", "widgetsnbextension"} <= set(wheels)
    for releases in wheels.values():
        for files in releases["releases"].values():
            assert all((index.parent / file["filename"]).is_file() for file in files)


def test_piplite_installs_when_awaited_and_can_keep_going() -> None:
    """`piplite_install` awaits `piplite.install` (a coroutine, or a function returning a future, as in piplite
    0.8); `kit.lite` (the browser's side) asks it to keep going. Read in the kernel's own piplite wheel."""
    index = lite_compat.kernel_wheel_index(_extension(lite_compat.KERNEL_EXTENSION))
    (files,) = json.loads(index.read_text(encoding="utf-8"))["piplite"]["releases"].values()
    with zipfile.ZipFile(index.parent / files[0]["filename"]) as wheel:
        assert "install" in ast.literal_eval(_assigned(ast.parse(wheel.read("piplite/__init__.py")), "__all__"))
        tree = ast.parse(wheel.read("piplite/piplite.py"))
    (install,) = [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.name == "install"]
    assert "keep_going" in {argument.arg for argument in [*install.args.args, *install.args.kwonlyargs]}
    returned = [node.value for node in ast.walk(install) if isinstance(node, ast.Return)]
    assert isinstance(install, ast.AsyncFunctionDef) or all(
        isinstance(value, ast.Call) and ast.unparse(value.func) == "asyncio.ensure_future" for value in returned)
    assert "await piplite.install(" in lite_compat.piplite_install("data-trail-kit")


def _assigned(tree: ast.Module, name: str) -> str:
    """The source of the value a module assigns to `name`."""
    (value,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                and [target.id for target in node.targets if isinstance(target, ast.Name)] == [name]]
    return ast.unparse(value)


def test_the_workshops_labextensions_are_installed_under_those_names() -> None:
    """`EXTENSIONS`: the names the site's build looks for (each labextension's package.json says its own)."""
    for name in lite_compat.EXTENSIONS:
        package = json.loads((_extension(name) / "package.json").read_text(encoding="utf-8"))
        assert package["name"] == name


def test_the_landing_page_is_read_as_the_sites_root(app: dict[str, str]) -> None:
    """`root_config_script`: JupyterLite's config-utils.js reads each page's `jupyter-config-data` script, up to the
    page whose script says it is the root (`data-jupyter-lite-root`, `jupyterLiteRoot` in the page's script)."""
    script = lite_compat.root_config_script()
    (element_id,) = re.findall(r'id="([^"]+)"', script)
    (attribute,) = re.findall(r"data-([a-z-]+)=", script)
    assert f"'{element_id}'" in app["config-utils.js"]
    assert "'" + re.sub(r"-([a-z])", lambda letter: letter.group(1).upper(), attribute) + "'" in app["config-utils.js"]


def test_the_console_reads_the_address_the_landing_page_gives_it(app: dict[str, str]) -> None:
    """`console_url`, `APPS`: JupyterLite's `repl` app takes the kernel, the code and how to show it from the
    address ("1" hides the code, "0" hides the banner), and the Pyodide kernel is registered under that name."""
    url = lite_compat.console_url("print(1)", hide_code=True)
    page, query = url.split("?")
    assert page in app and page.split("/")[0] in lite_compat.APPS
    asked = dict(pair.split("=") for pair in query.split("&"))
    scripts = "\n".join(text for name, text in app.items() if name.startswith("build/") and name.endswith(".js"))
    assert re.search(rf'"{asked["hideCodeInput"]}"===\w+\.get\("hideCodeInput"\)', scripts)
    assert re.search(rf'"{asked["showBanner"]}"!==\w+\.get\("showBanner"\)', scripts)
    assert re.search(r'\w+\.get\("kernel"\)', scripts) and re.search(r'\w+\.getAll\("code"\)', scripts)
    assert f'spec:{{name:"{asked["kernel"]}"' in _scripts(_extension(lite_compat.KERNEL_EXTENSION))


def test_the_code_view_is_jupyterlites_notebook_page(app: dict[str, str]) -> None:
    """`notebook_url`, `APPS`."""
    page = lite_compat.notebook_url("x.ipynb").split("?")[0]
    assert page in app and page.split("/")[0] in lite_compat.APPS


#: What only `kit.site.lite_compat` may name of JupyterLite in the site's builder.
_LITE_INTERNALS = {"jupyter-config-data", "disabledExtensions", "litePluginSettings", "settingsOverrides",
                   "disablePyPIFallback", "all.json", "repl/index.html", "notebooks/index.html", "piplite"}


def test_no_other_module_of_the_site_touches_jupyterlite() -> None:
    """One place to read when JupyterLite is upgraded: the rest of the builder runs `jupyter lite build` only."""
    assert touches(Path(kit.__file__).parent / "site", besides="lite_compat.py",
                   modules={"jupyterlite_core", "jupyterlite_pyodide_kernel"}, names=_LITE_INTERNALS) == {}
