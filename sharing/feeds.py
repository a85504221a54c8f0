"""Atom feeds (Django's syndication framework): the newest ideas of a language at
`/<lang>/feeds/ideas/`, and the activities of an edition at `<edition>/activiteiten/feed/`
(`activities/feed/` in English), where the overview's filters apply (`?province=utrecht`...)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from wagtail.models import Locale

from activities import overview
from activities.routes import edition_route, under
from core.page_cache import query_parameters
from core.visibility import public_pages
from ideas.models import IdeaPage
from operations.cache import store_view_response

from .meta import description_of, full_url

FEED_LENGTH = 50


class PageFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self):
        super().__init__()
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return full_url(self.request, item)

    def item_guid(self, item):
        return f"urn:wagtail-page:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_description(self, item):
        return description_of(item)


class NewIdeasFeed(PageFeed):
    def title(self):
        return gettext("New ideas · Week van de Verbinding")

    def subtitle(self):
        return gettext("The newest ideas for an activity that brings people together.")

    def link(self):
        return self.request.build_absolute_uri("/")

    def items(self):
        ideas = IdeaPage.objects.filter(locale=Locale.get_active())
        return (
            public_pages(ideas).defer_streamfields().order_by("-first_published_at")[:FEED_LENGTH]
        )


class EditionActivitiesFeed(PageFeed):
    def get_object(self, request, edition):
        return edition

    def title(self, edition):
        return gettext("Activities %(edition)s") % {"edition": edition.title}

    def subtitle(self, edition):
        return description_of(edition)

    def link(self, edition):
        url = full_url(self.request, edition) + edition.reverse_subpage("activities")
        query = self.request.META.get("QUERY_STRING")
        return f"{url}?{query}" if query else url

    def feed_url(self, edition):
        return self.request.get_full_path()  # with the filters

    def items(self, edition):
        _form, activities = overview.filtered(self.request, edition)
        return activities.order_by("-first_published_at")[:FEED_LENGTH]

    def item_description(self, item):
        lines = [item.period(), item.location_text(), description_of(item)]
        if item.cancelled:
            lines.insert(0, gettext("Cancelled."))
        return "\n".join(lines)


@query_parameters()
def ideas_feed(request):
    store_view_response(request)  # the page cache keeps it until content changes
    return NewIdeasFeed()(request)


def activities_feed(request, edition):
    return EditionActivitiesFeed()(request, edition=edition)


ACTIVITIES_FEED_ROUTE = edition_route(
    under("feed/"), "activities_feed", overview.FEED_PARAMETERS, activities_feed
)
