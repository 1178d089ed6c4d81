"""What every workshop page shares (`kit.workshops.page`), beyond what workshop 1's tests drive."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from kit.analysis import acceptance, crowd, profiler_accuracy
from kit.analysis.crowd import RESIDENTS
from kit.analysis.shared import shared_by_pages
from kit.page_env import SCENARIO_VARIABLE
from kit.scenario import Scenario, resolve_scenario
from kit.widgets.persona_picker import PersonaPicker
from kit.workshops.anonymat import Anonymat
from kit.workshops.consentement import Consentement
from kit.workshops.page import Workshop, prepare
from kit.workshops.profilage import Profilage

NANTES = resolve_scenario("nantes").read_text(encoding="utf-8")


class City(Workshop):
    """A workshop about the city's data, not the teen's own trail."""

    stem = "01_ma_journee"
    asks_for_double = False


def test_a_workshop_about_the_city_draws_at_once_without_asking_for_a_double(shown_text) -> None:
    page = City()
    assert page.picker is None and not any(isinstance(part, PersonaPicker) for part in page.start().children)
    page.step("ma_journee.step1", lambda trail, language: [widgets.HTML(f"<p>{language}:{trail}</p>")])
    assert "fr:None" in shown_text(page, "ma_journee.step1")
    page.language.value = "en"
    assert "en:None" in shown_text(page, "ma_journee.step1")


def test_the_step_list_links_each_step_heading_as_steps_are_made_in_the_pages_language() -> None:
    page = City()
    step_list = page.step_list
    assert step_list in page.start().children
    assert step_list.value == ""  # no step yet: no empty list to read
    headers = [page.step(prefix, lambda trail, language: []).children[0].heading
               for prefix in ("ma_journee.step1", "ma_journee.step2")]
    page.step("ma_journee.step1", lambda trail, language: [])  # a notebook's cell run again
    assert "Les étapes" in step_list.value and "1. Ta journée" in step_list.value
    links = re.findall(r'href="#([^"]+)"', step_list.value)
    assert links == ["ma_journee-step1", "ma_journee-step2"]
    assert all(f'<h2 id="{link}">' in header.value for link, header in zip(links, headers, strict=True))
    page.language.value = "en"
    assert "Steps" in step_list.value and "1. Your day" in step_list.value and "Ta journée" not in step_list.value
    assert re.findall(r'href="#([^"]+)"', step_list.value) == links and '<h2 id="ma_journee-step1">' in headers[0].value


def test_data_shared_by_pages_is_computed_once_per_scenario_content(tmp_path: Path) -> None:
    computed = []

    @shared_by_pages
    def class_data(scenario: Scenario) -> object:
        computed.append(scenario)
        return object()

    path = tmp_path / "scenario.yaml"
    path.write_text(NANTES, encoding="utf-8")
    first = class_data(City(str(path)).scenario)
    assert class_data(City(str(path)).scenario) is first and len(computed) == 1
    path.write_text(NANTES + "\n# edited\n", encoding="utf-8")
    assert class_data(City(str(path)).scenario) is not first and len(computed) == 2


def test_prepare_computes_what_pages_share_before_any_teen_asks(tmp_path: Path, monkeypatch) -> None:
    """What the room's template process calls before forking teens' kernels: afterwards, pages compute none of it."""
    path = tmp_path / "scenario.yaml"
    path.write_text(NANTES + "\n# the room's own copy\n", encoding="utf-8")
    monkeypatch.setenv(SCENARIO_VARIABLE, str(path))
    prepare()

    def again(*args, **kwargs):
        pytest.fail("a page computed again what prepare() computed")

    for module, name in ((acceptance, "class_trails"), (profiler_accuracy, "class_trails"),
                         (crowd, "workshop_crowd")):
        monkeypatch.setattr(module, name, again)
    page = Anonymat()
    assert page.crowd()["person_id"].nunique() == RESIDENTS and len(page.antennas()) > 0
    assert len(acceptance.class_answers(Consentement().scenario)) > 0
    assert len(profiler_accuracy.class_profiles(Profilage().scenario)) > 0
