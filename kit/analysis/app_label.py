"""An ethical label for apps, A to E, like the energy label on a fridge: five criteria a teen can check, each
worth 0, 1 or 2 points, computed from what the scenario says about each app (trackers, their countries,
the consent banner, permissions, minimum age, and whether data stays where the teens' data-protection law
applies: the scenario's `meta.protected_countries`, the EU and EEA for Nantes, Québec for Montréal, since Québec's
private-sector act (s. 17) asks for an assessment before information leaves Québec, not Canada). The teens may disagree with a score and change it: the
rubric is a starting point for a debate, not a verdict, so the label is computed from whatever points they keep.

No widget here: the workshop page (`kit.widgets.app_label`) shows and adjusts these points.
"""

from __future__ import annotations

from kit.scenario.model import App, Scenario

__all__ = ["ADULT_AGE", "CRITERIA", "MAX_POINTS", "app_points", "label", "rated_apps", "sent_outside"]

#: The criteria, in the order the page shows them.
CRITERIA = ("trackers", "banner", "location", "age", "europe")
MAX_POINTS = 2 * len(CRITERIA)
#: Lowest points for each letter, best first: 9–10 is A, 7–8 B, 5–6 C, 3–4 D, 0–2 E.
_LETTERS = (("A", 9), ("B", 7), ("C", 5), ("D", 3), ("E", 0))
#: The age from which an app's ad trackers no longer profile a minor. The usual "13 minimum" is the US COPPA
#: threshold (parental consent to collect a child's data), not a protection of 13–17-year-olds from targeted ads;
#: the EU's Digital Services Act (art. 28) forbids ads based on profiling to users a platform knows are minors.
ADULT_AGE = 18


def rated_apps(scenario: Scenario) -> list[App]:
    """The apps a teen installs on a phone (transit cards and canteen badges have no screen to judge)."""
    return [app for app in scenario.apps if app.usage == "phone"]


def sent_outside(app: App, scenario: Scenario) -> int:
    """How many of the app's trackers send data to a country the teens' data-protection law does not cover."""
    return sum(tracker.country not in scenario.meta.protected_countries
               for tracker in scenario.trackers if tracker.id in app.trackers)


def app_points(app: App, scenario: Scenario) -> dict[str, int]:
    """The points (0, 1 or 2) the rubric gives `app` on each criterion."""
    trackers = [tracker for tracker in scenario.trackers if tracker.id in app.trackers]
    banners = {banner.id: banner for banner in scenario.consent.banners}
    outside = sent_outside(app, scenario)
    # Exodus Privacy's scale: 0 trackers, 1 to 4, 5 or more.
    tracker_points = 2 if not trackers else 1 if len(trackers) < 5 else 0
    if not app.banner:  # asking nothing is fair only when nothing is sent
        banner_points = 0 if trackers else 2
    else:
        banner = banners[app.banner]
        banner_points = 0 if banner.reject != "first_layer" else 1 if banner.pre_ticked else 2
    location_points = 0 if "background_location" in app.permissions else 1 if "location" in app.permissions else 2
    # Ad trackers in an app open to minors profile minors for ads, whether its minimum age is 13 or none.
    ads = any(tracker.category == "ads" for tracker in trackers)
    age_points = 2 if not ads else 1 if app.min_age >= ADULT_AGE else 0
    europe_points = 2 if not outside else 1 if 2 * outside <= len(trackers) else 0
    return dict(zip(CRITERIA, (tracker_points, banner_points, location_points, age_points, europe_points),
                    strict=True))


def label(points: dict[str, int]) -> str:
    """The letter, A (best) to E, for an app's points on every criterion."""
    total = sum(points.values())
    return next(letter for letter, lowest in _LETTERS if total >= lowest)
