"""What every workshop page shares (`kit.widgets.workshop`), beyond what workshop 1's tests drive."""

from __future__ import annotations

import ipywidgets as widgets

from kit.widgets.workshop import Workshop


class City(Workshop):
    """A workshop about the city's data, not the teen's own trail."""

    stem = "01_ma_journee"
    asks_for_double = False


def test_a_workshop_about_the_city_draws_at_once_without_asking_for_a_double(shown_text) -> None:
    page = City()
    assert page.picker is None and len(page.start().children) == 2  # the switch and the title
    page.step("ma_journee.step1", lambda trail, language: [widgets.HTML(f"<p>{language}:{trail}</p>")])
    assert "fr:None" in shown_text(page, "ma_journee.step1")
    page.language.value = "en"
    assert "en:None" in shown_text(page, "ma_journee.step1")
