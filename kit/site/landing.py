"""The site's landing page, in French and English: the workshops, what loads and how big it is.

JupyterLite's own first page is a file browser; a teen arriving from a QR code or a USB stick needs a list
of workshops with one button each. Each button opens the workshop in JupyterLite's console with the code
hidden (`repl/?…&hideCodeInput=1`) and one cell that runs it (`kit.lite.open_workshop`); "see the code"
opens the notebook itself. Plain HTML with the system's fonts: nothing from a third party.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from kit.i18n import DEFAULT_AGES, LANGUAGES, text
from kit.i18n.formats import decimal
from kit.lite import DISTRIBUTION
from kit.scenario import DEFAULT_SCENARIO
from kit.site import lite_compat
from kit.workshops import available_workshops

__all__ = ["sandbox_url", "workshop_url", "write_landing"]

_INSTALL = lite_compat.piplite_install(DISTRIBUTION)


def workshop_url(stem: str, language: str, scenario_id: str = DEFAULT_SCENARIO, ages: str = DEFAULT_AGES) -> str:
    """The console address that opens a workshop, code hidden (the age band named only when not the default)."""
    band = "" if ages == DEFAULT_AGES else f", ages={ages!r}"
    code = (f"{_INSTALL}from kit.lite import open_workshop\n"
            f"await open_workshop({stem!r}, {language!r}, {scenario_id!r}{band})")
    return lite_compat.console_url(code, hide_code=True)


def sandbox_url(scenario_id: str) -> str:
    """A console with the code shown, the scenario checked and Faker ready in the scenario's own locale (a
    Montréal site invents Québec names): for curious teens and educators."""
    code = (f"{_INSTALL}from faker import Faker\nfrom kit.scenario import load_scenario\n"
            f"scenario = load_scenario({scenario_id!r})\nfake = Faker(scenario.meta.locale)\n"
            f"print(scenario.meta.id, len(scenario.places), len(scenario.apps), fake.first_name())")
    return lite_compat.console_url(code, hide_code=False)


def write_landing(site: Path, *, report, scenario, language: str, pyodide_version: str, data_file: str,
                  ages: str = DEFAULT_AGES) -> None:
    """`index.html` in the chosen language, and `index.<lang>.html` in each language; their buttons open the
    workshops for the age band `ages`."""
    pages = {code: _page(code, report=report, scenario=scenario, pyodide_version=pyodide_version, data_file=data_file,
                         ages=ages) for code in LANGUAGES}
    for code, page in pages.items():
        (site / f"index.{code}.html").write_text(page, encoding="utf-8")
    (site / "index.html").write_text(pages[language], encoding="utf-8")


def _page(language: str, *, report, scenario, pyodide_version: str, data_file: str, ages: str) -> str:
    def say(key: str, **values: object) -> str:
        return escape(text(key, language, **values))

    def megabytes(count: int) -> str:
        return text("site.megabytes", language, count=decimal(count / 1e6, 1 if count < 1e7 else 0, language))

    ready = not report.missing
    items = []
    for stem in available_workshops():
        title = text(f"workshop.{stem}.title", language)
        start = escape(workshop_url(stem, language, scenario.id, ages))
        # Each link names its workshop for screen readers, which list links without the headings around them.
        action = (f'<a class="start" href="{start}" aria-label="{say("site.start_of", title=title)}">'
                  f'{say("site.start")}</a>' if ready else f'<p class="missing">{say("site.needs_full_list")}</p>')
        code = lite_compat.notebook_url(f"{stem}.ipynb")
        items.append(f'<li><h2>{escape(title)}</h2><p>{say(f"workshop.{stem}.text")}</p>{action} '
                     f'<a href="{code}" aria-label="{say("site.code_of", title=title)}">{say("site.code")}</a></li>')
    other = next(code for code in LANGUAGES if code != language)
    note = "" if ready else f'<p class="note" role="note">{say("site.builder_note", version=pyodide_version)}</p>'
    return f"""<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{say("site.title")}</title>
<!-- JupyterLite's pages read their settings from every index.html up to the site's root: this one adds none. -->
{lite_compat.root_config_script()}
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; line-height: 1.5;
       color: #1b1b1b; background: #fff; }}
ul {{ list-style: none; padding: 0; }}
li {{ border: 1px solid #767676; border-radius: 8px; padding: 0 1rem 1rem; margin: 1rem 0; }}
a {{ color: #0b4f8a; }}
a.start {{ display: inline-block; background: #0b4f8a; color: #fff; padding: .6rem 1rem; border-radius: 6px;
          font-weight: bold; margin-right: 1rem; }}
.missing, .note {{ border-left: 4px solid #b3261e; padding-left: .6rem; }}
</style>
</head>
<body>
<p><a href="index.{other}.html" hreflang="{other}" lang="{other}">{say("site.other_language")}</a></p>
<h1>{say("site.title")}</h1>
<p>{say("site.intro")}</p>
<p>{say("site.loading", size=megabytes(report.total_bytes))}</p>
{note}
<main><ul>{"".join(items)}</ul></main>
<p><a href="{escape(sandbox_url(scenario.id))}">{say("site.sandbox")}</a> — {say("site.sandbox_text")}</p>
<p><a href="{escape(data_file)}" download>{say("site.data", scenario=scenario.id)}</a></p>
<p>{say("site.group_screen")}</p>
<p><small>{say("site.sizes", total=megabytes(report.total_bytes), runtime=megabytes(report.runtime_bytes),
                                  kit=megabytes(report.kit_bytes))}</small></p>
</body>
</html>
"""
