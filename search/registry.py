"""The content types the site search covers: a key for the URL, a page model and a label.

A type whose app is not installed is skipped, so a content type plugs in by being listed here
(or through ``registry.register``) and nothing else. ``year_field`` and ``province_field`` name the
lookups the year and province filters use for that type; a type without one drops out of the
results while that filter is active. ``suggest`` marks types offered when a search finds nothing.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SearchType:
    key: str
    model_label: str
    label: str
    year_field: str | None = None
    province_field: str | None = None
    suggest: bool = False
    summary_field: str = "introduction"

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def content_type_id(self):
        return ContentType.objects.get_for_model(self.model).id

    def summary_of(self, page):
        return page.search_description or getattr(page, self.summary_field, "")

    def is_installed(self):
        try:
            return self.model is not None
        except LookupError:
            return False


class SearchTypeRegistry:
    def __init__(self, types=()):
        self._types = {}
        for search_type in types:
            self.register(search_type)

    def register(self, search_type):
        self._types[search_type.key] = search_type

    def all(self):
        return [search_type for search_type in self._types.values() if search_type.is_installed()]

    def get(self, key):
        return next((search_type for search_type in self.all() if search_type.key == key), None)

    def by_content_type_id(self):
        return {search_type.content_type_id: search_type for search_type in self.all()}

    @contextmanager
    def override(self, types):
        """Use other types for a while (tests)."""
        saved = self._types
        self._types = {search_type.key: search_type for search_type in types}
        try:
            yield self
        finally:
            self._types = saved


registry = SearchTypeRegistry(
    [
        SearchType("idea", "ideas.IdeaPage", _("Idea"), suggest=True),
        SearchType(
            "activity",
            "activities.ActivityPage",
            _("Activity"),
            year_field="starts_at__year",
            province_field="province",
        ),
        SearchType("team", "teams.TeamPage", _("Team"), province_field="province"),
        SearchType("edition", "editions.EditionPage", _("Edition"), year_field="year"),
    ]
)
