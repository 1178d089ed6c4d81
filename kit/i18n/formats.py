"""Numbers, amounts, dates and plurals written as people write them where the scenario takes place.

Babel writes them from CLDR, the Unicode Common Locale Data Repository that phones and browsers use too, in
pure Python: pages in the browser (Pyodide) write them as the laptop does. The locale is the page's language
in the scenario's country (`meta.locale`): Montréal's fr_CA gives fr_CA and en_CA ("0,38 $", "$0.38"),
Nantes's fr_FR gives fr_FR and en_FR ("0,38 €", "86 %" and "86%"); a language CLDR does not describe in that
country is written as the language alone. Amounts are in the scenario's currency (`meta.currency`). The
session's scenario sets both with `use_scenario_locale`, as `use_scenario_texts` sets its wording: a kernel
runs one page, so one scenario, at a time.

Values are rounded here, in Python (half to even, as `round` does), and only then written by Babel, so a
value reads the same in every language; and never "-0": a cold -0.3 °C day reads 0.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale, localedata
from babel.dates import format_date, get_day_names, get_month_names, match_skeleton
from babel.numbers import NumberPattern, get_currency_name

__all__ = ["currency_name", "day_and_month", "day_with_weekday", "decimal", "locale", "money", "month_name",
           "page_locale", "percent", "plural_form", "use_scenario_locale", "weekday_name"]


@dataclass(frozen=True)
class _Place:
    #: The session scenario's `meta.locale` ("fr_CA"), None before a scenario says it: the language alone.
    scenario_locale: str | None = None
    currency: str = "EUR"


_place = _Place()


def use_scenario_locale(scenario_locale: str, *, currency: str) -> None:
    """Write numbers and dates as in the country of `scenario_locale` ("fr_CA" → Canada), and amounts in
    `currency` (ISO 4217: "EUR", "CAD"), from now on."""
    global _place
    _place = _Place(scenario_locale=scenario_locale, currency=currency)


def locale(language: str) -> Locale:
    """The CLDR locale pages in `language` use in the session's scenario: "fr" in Montréal is fr_CA."""
    return page_locale(language, _place.scenario_locale)


@cache
def page_locale(language: str, scenario_locale: str | None) -> Locale:
    """The CLDR locale of pages in `language` for a scenario whose `meta.locale` is `scenario_locale`: the
    language in the scenario's country ("en", "fr_CA" → en_CA), or the language alone where CLDR does not
    describe it in that country."""
    territory = (scenario_locale or "").partition("_")[2]
    if territory and localedata.exists(f"{language}_{territory}"):
        return Locale(language, territory)
    return Locale(language)


def decimal(value: float, digits: int, language: str) -> str:
    """`value` with `digits` decimals: "0,38" in French, "0.38" in Canadian English; thousands grouped as
    the locale groups them ("12 345")."""
    return _written(value, locale(language).decimal_formats[None], digits, language)


def percent(share: float, language: str) -> str:
    """A share (0–1) as a whole percentage: "86 %" in French (CLDR's no-break space, so the sign never
    starts a line), "86%" in English."""
    whole = round(100 * float(share))
    return _written(Decimal(whole).scaleb(-2), locale(language).percent_formats[None], 0, language)


def money(value: float, digits: int, language: str) -> str:
    """An amount in the scenario's currency with `digits` decimals, the symbol where the locale puts it:
    "1,50 €" in France, "0,38 $" in Québec, "$0.38" in Canadian English."""
    return _written(value, locale(language).currency_formats["standard"], digits, language,
                    currency=_place.currency, currency_digits=False)


def currency_name(language: str) -> str:
    """The scenario's currency named as amounts of it are: "euros", "dollars canadiens", "Canadian dollars"."""
    return get_currency_name(_place.currency, count=2, locale=locale(language))


def _written(value: float | Decimal, pattern: NumberPattern, digits: int, language: str, **options) -> str:
    fixed = copy(pattern)
    fixed.frac_prec = (digits, digits)
    # Adding 0.0 turns the -0.0 of a rounded small negative value into 0.0.
    rounded = value if isinstance(value, Decimal) else round(float(value), digits) + 0.0
    return fixed.apply(rounded, locale(language), **options)


def month_name(month: int, language: str) -> str:
    """The month's name as in a date ("mars", "March"); 1 is January."""
    return get_month_names("wide", "format", locale(language))[month]


def weekday_name(weekday: int, language: str) -> str:
    """The day's name as in a date ("mardi", "Tuesday"); 0 is Monday, as pandas and `date.weekday` count."""
    return get_day_names("wide", "format", locale(language))[weekday]


def day_with_weekday(day: date, language: str) -> str:
    """"mardi 14 mars", "Tuesday 14 March" (en_FR), "Tuesday, March 14" (en_CA): no year."""
    return _skeleton(day, "MMMMEEEEd", language)


def day_and_month(day: date, language: str) -> str:
    """A short day, "14 mars", "14 Mar" (en_FR), "Mar 14" (en_CA): for chart axes and short sentences."""
    return _skeleton(day, "MMMd", language)


# A quoted literal of a date pattern, or a run of weekday letters, or of letters of a month named in words.
_NAMED_FIELDS = re.compile(r"'[^']*'|E+|M{3,}")


def _skeleton(day: date, skeleton: str, language: str) -> str:
    """`day` in the locale's pattern for `skeleton` (CLDR's available formats), its named fields as wide as the
    skeleton asks: CLDR lists "E d MMMM" for "MMMMEd" and leaves widening it to the caller, as its spec says."""
    chosen = locale(language)
    options = chosen.datetime_skeletons
    pattern = options[match_skeleton(skeleton, options)].pattern
    widths = {letter: skeleton.count(letter) for letter in "EM"}

    def widen(field: re.Match[str]) -> str:
        found = field.group()
        return found if found.startswith("'") else found[0] * widths[found[0]]

    return format_date(day, _NAMED_FIELDS.sub(widen, pattern), locale=chosen)


def plural_form(count: float, language: str) -> str:
    """CLDR's plural category of `count` in `language`: "one" or "other" ("many" for French millions).
    French says "0 indice" and English "0 clues": 0 is "one" in French only."""
    return locale(language).plural_form(count)
