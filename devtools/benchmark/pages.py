"""The pages the benchmark measures. Add a line to KEY_PAGES to measure another page: a page
model (the first live page of that type in the default language is used) or a fixed path."""

from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Locale


@dataclass(frozen=True)
class KeyPage:
    label: str
    model: str = ""  # "app_label.ModelName"
    suffix: str = ""  # appended to the page's URL: a sub-route, filters
    order: str = "path"  # which page of that type: the first in this order
    path: str = ""  # a fixed path instead of a model

    def url(self):
        if self.path:
            return self.path
        try:
            model = apps.get_model(self.model)
        except LookupError:
            return None
        page = (
            model.objects.live()
            .public()
            .filter(locale=Locale.get_default())
            .order_by(self.order)
            .first()
        )
        return f"{page.url}{self.suffix}" if page else None


KEY_PAGES = [
    KeyPage("home", "home.HomePage"),
    KeyPage("edition", "editions.EditionPage", order="-year"),
    KeyPage("edition index", "editions.EditionIndexPage"),
    KeyPage("activity overview", "editions.EditionPage", order="-year", suffix="activiteiten/"),
    KeyPage(
        "activity overview, filtered",
        "editions.EditionPage",
        order="-year",
        suffix="activiteiten/?province=utrecht&day=2026-12-08",
    ),
    KeyPage("activity", "activities.ActivityPage", order="-last_published_at"),
    KeyPage("idea index", "ideas.IdeaIndexPage"),
    KeyPage("idea", "ideas.IdeaPage"),
    KeyPage("team index", "teams.TeamIndexPage"),
    KeyPage("team", "teams.TeamPage"),
    KeyPage("search", path="/nl/search/?query=verbinding"),
]


def key_urls():
    """(label, url) of every key page that exists on this site."""
    found = [(page.label, page.url()) for page in KEY_PAGES]
    return [(label, url) for label, url in found if url]
