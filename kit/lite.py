"""What the static site's kernel runs when a teen opens a workshop (`datatrail build`, Pyodide in the browser).

The site opens each workshop in JupyterLite's console with the code hidden and one cell that calls
`open_workshop`: it installs what the workshop needs from the site itself, then runs the workshop
notebook's cells, the very notebook `datatrail serve` shows, so the teen sees the same page either way.
A site built without Pyodide's full distribution has no numpy or pandas: the teen then reads, in their
language, that this workshop needs the other version of the site, not a traceback.
"""

from __future__ import annotations

import json
import os
from html import escape
from importlib.metadata import requires

from IPython import get_ipython
from IPython.display import HTML, display

from kit.i18n import DEFAULT_AGES, DEFAULT_LANGUAGE, LANGUAGES, text
from kit.page_env import page_variables
from kit.scenario import DEFAULT_SCENARIO
from kit.widgets.page_style import page_style
from kit.workshops import workshops_root

__all__ = ["DISTRIBUTION", "WORKSHOPS_EXTRA", "WORKSHOPS_MARKER", "open_workshop"]

DISTRIBUTION = "data-trail-kit"
#: How the kit's wheel (`kit.site.kit_wheel`) marks what only the workshops need.
WORKSHOPS_EXTRA = "workshops"
WORKSHOPS_MARKER = f'extra == "{WORKSHOPS_EXTRA}"'


async def open_workshop(stem: str, language: str = DEFAULT_LANGUAGE, scenario: str = DEFAULT_SCENARIO,
                        ages: str = DEFAULT_AGES) -> None:
    """Install the workshop's packages from the site, then run its notebook here on the site's scenario and
    age band (`kit.i18n.AGE_BANDS`)."""
    import piplite

    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    # The language reaches the page as Voilà hands it over: the address's query string.
    os.environ.update(page_variables(scenario=scenario, language=language, ages=ages))
    try:
        # Named one by one: asked as `data-trail-kit[workshops]` once the kit is in, the installer skips them.
        # `keep_going`: on a first missing package the installer would stop looking in the site's index and
        # let its other lookups, still running, go to PyPI.
        await piplite.install(_workshop_requirements(), keep_going=True)
    except Exception as error:  # piplite raises plain exceptions when a package is not on the site
        # In the kit's stylesheet, as the workshop would have been: the console page is a teen's phone too.
        display(HTML(page_style() + text("site.needs_full", language, reason=escape(str(error).splitlines()[-1]))))
        return
    notebook = json.loads((workshops_root() / f"{stem}.ipynb").read_text(encoding="utf-8"))
    shell = get_ipython()
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            result = shell.run_cell("".join(cell["source"]), store_history=False)
            if not result.success:
                return


def _workshop_requirements() -> list[str]:
    """What the kit's wheel lists for its workshops (numpy, pandas, ipywidgets…), as the site built it."""
    return [line.split(";")[0].strip() for line in requires(DISTRIBUTION) or [] if WORKSHOPS_MARKER in line]
