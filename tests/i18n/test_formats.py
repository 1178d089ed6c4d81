"""Numbers, amounts, dates and plurals as people write them where the scenario takes place (CLDR, by Babel):
French in France, French in Québec and English; and never a "-0" on a cold day in Montréal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from kit.i18n import formats
from kit.i18n.formats import (
    currency_name,
    day_and_month,
    day_with_weekday,
    decimal,
    money,
    month_name,
    percent,
    plural_form,
    use_scenario_locale,
    weekday_name,
)

NBSP, NNBSP = "\u00a0", "\u202f"
#: (scenario locale, currency, page language): Nantes in French, Montréal in French and in English.
PLACES = {"fr": ("fr_FR", "EUR", "fr"), "fr-CA": ("fr_CA", "CAD", "fr"), "en": ("fr_CA", "CAD", "en")}


@pytest.fixture(params=PLACES, ids=str)
def language(request) -> Iterator[str]:
    scenario_locale, currency, language = PLACES[request.param]
    use_scenario_locale(scenario_locale, currency=currency)
    yield language
    use_scenario_locale("fr_FR", currency="EUR")


def _expected(language: str, **by_place: str) -> str:
    return by_place[str(formats.locale(language)).replace("_", "")]


def test_the_locale_is_the_page_language_in_the_scenario_country(language: str) -> None:
    assert str(formats.locale(language)) == _expected(language, frFR="fr_FR", frCA="fr_CA", enCA="en_CA")


def test_decimals_with_the_locale_marks(language: str) -> None:
    assert decimal(0.375, 2, language) == _expected(language, frFR="0,38", frCA="0,38", enCA="0.38")
    assert decimal(12345.67, 1, language) == _expected(language, frFR=f"12{NNBSP}345,7", frCA=f"12{NBSP}345,7",
                                                       enCA="12,345.7")


def test_percentages_keep_the_sign_on_the_number_line(language: str) -> None:
    # CLDR's French percent pattern holds a no-break space: "86" and "%" never split across two lines.
    assert percent(0.864, language) == _expected(language, frFR=f"86{NBSP}%", frCA=f"86{NBSP}%", enCA="86%")


def test_amounts_in_the_scenario_currency(language: str) -> None:
    assert money(0.375, 2, language) == _expected(language, frFR=f"0,38{NBSP}€", frCA=f"0,38{NBSP}$", enCA="$0.38")
    assert money(1.5, 0, language) == _expected(language, frFR=f"2{NBSP}€", frCA=f"2{NBSP}$", enCA="$2")
    assert currency_name(language) == _expected(language, frFR="euros", frCA="dollars canadiens",
                                                enCA="Canadian dollars")
    assert money(0.00123, 4, language).startswith(_expected(language, frFR="0,0012", frCA="0,0012", enCA="$0.0012"))


def test_a_small_negative_value_rounds_to_zero_without_a_sign(language: str) -> None:
    assert decimal(-0.3, 0, language) == "0" and decimal(-0.04, 1, language) in ("0,0", "0.0")
    assert decimal(-1.6, 0, language) == "-2"


def test_month_and_day_names_and_dates_without_a_year(language: str) -> None:
    tuesday = date(2023, 3, 14)
    assert month_name(3, language) == _expected(language, frFR="mars", frCA="mars", enCA="March")
    assert weekday_name(tuesday.weekday(), language) == _expected(language, frFR="mardi", frCA="mardi",
                                                                  enCA="Tuesday")
    assert day_with_weekday(tuesday, language) == _expected(language, frFR="mardi 14 mars", frCA="mardi 14 mars",
                                                            enCA="Tuesday, March 14")
    assert day_and_month(tuesday, language) == _expected(language, frFR="14 mars", frCA="14 mars", enCA="Mar 14")


def test_plural_categories_follow_each_language(language: str) -> None:
    assert [plural_form(count, language) for count in (0, 1, 2)] == (
        ["one", "one", "other"] if language == "fr" else ["other", "one", "other"])


def test_english_in_france_is_written_as_cldr_writes_it_there() -> None:
    use_scenario_locale("fr_FR", currency="EUR")
    assert (str(formats.locale("en")), money(1.5, 2, "en"), percent(0.864, "en")) == ("en_FR", f"1,50{NBSP}€", "86%")
    assert day_with_weekday(date(2023, 3, 14), "en") == "Tuesday 14 March"


def test_a_language_cldr_does_not_describe_in_that_country_is_the_language_alone() -> None:
    use_scenario_locale("de_AT", currency="EUR")
    try:
        assert str(formats.locale("fr")) == "fr" and percent(0.5, "fr") == f"50{NBSP}%"
    finally:
        use_scenario_locale("fr_FR", currency="EUR")
