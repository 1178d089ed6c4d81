"""The scenario studio: an educator's form edits are checked live, with the line they will have in the file,
and only a valid scenario can be downloaded — with the original file's comments kept."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from kit.scenario import load_scenario
from kit.widgets.scenario_studio import ScenarioStudio


def _tab(studio: ScenarioStudio, index: int):
    return studio._sections.children[index]


def _field(container, description: str):
    return next(child for child in container.children if getattr(child, "description", None) == description)


def _downloaded(studio: ScenarioStudio) -> str:
    encoded = re.search(r"base64,([A-Za-z0-9+/=]+)'", studio.download.value).group(1)
    return base64.b64decode(encoded).decode("utf-8")


@pytest.fixture
def studio() -> ScenarioStudio:
    return ScenarioStudio("nantes")


def test_the_bundled_scenario_opens_valid_and_downloads_with_its_comments(studio, tmp_path: Path) -> None:
    assert studio.problems == [] and studio.valid.meta.id == "nantes"
    saved = _downloaded(studio)
    assert "Pour l'adapter" in saved and "# Source : Crédoc 2021" in saved  # the educator's guide stays
    (tmp_path / "nantes.yaml").write_text(saved, encoding="utf-8")
    assert load_scenario(tmp_path / "nantes.yaml").places == studio.valid.places


def test_a_class_size_and_ages_edited_in_the_form_are_in_the_file(studio) -> None:
    city = _tab(studio, 0)
    _field(city, "Ados dans la classe").value = 24
    _field(city, "Âges").value = (12, 15)
    assert studio.problems == []
    assert studio.valid.teens.count == 24 and (studio.valid.teens.ages.min, studio.valid.teens.ages.max) == (12, 15)
    assert "count: 24" in _downloaded(studio)


def test_a_place_outside_the_city_is_reported_with_its_line_in_the_saved_file(studio) -> None:
    form = _tab(studio, 1).children[1]
    _field(form, "Latitude").value = 60.0
    (problem,) = studio.problems
    line = int(re.search(r"ligne (\d+)", problem).group(1))
    assert "places[0].lat" in problem
    assert "60.0" in studio.yaml_text().splitlines()[line - 1]  # the line the educator will find in the file
    assert studio.download.value == ""  # nothing to download while it is invalid
    _field(form, "Latitude").value = 47.215
    assert studio.problems == [] and studio.download.value


def test_an_app_choosing_its_trackers_and_banner(studio) -> None:
    apps = _tab(studio, 2)
    form = apps.children[1]
    _field(form, "Traqueurs").value = ("crashpad",)
    _field(form, "Bandeau de cookies").value = "fair"
    app = next(app for app in studio.valid.apps if app.id == "snapflash")
    assert app.trackers == ("crashpad",) and app.banner == "fair"
    apps.children[0].value = 1  # another app: its own form
    assert _field(apps.children[1], "Nom de l'appli").value == "PicFeed"


def test_the_studio_speaks_english_on_request(studio) -> None:
    studio.language.value = "en"
    assert _field(_tab(studio, 0), "Teens in the class").value == studio.valid.teens.count
    assert "Scenario studio" in studio.children[1].value and "Download the scenario" in studio.download.value


def test_the_map_is_drawn_on_request_then_follows_the_places(studio) -> None:
    assert studio.map.children == ()  # nothing drawn while the page renders
    studio.show_map.click()
    (first,) = studio.map.children
    _field(_tab(studio, 1).children[1], "Longitude").value = -1.57
    (second,) = studio.map.children
    assert second is not first

