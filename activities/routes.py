"""The activity overview of an edition and its exports, at addresses under the edition page
(`<edition>/activities/` in English, `<edition>/activiteiten/` in Dutch). ActivitiesConfig.ready()
adds them to editions.EditionPage."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.page_cache import query_parameters
from core.routes import old_parameters, translated_path

from . import overview

SEGMENT = _("activities/")
# The filter "target_group" was called "audience" before.
RENAMED_FILTERS = {"audience": "target_group"}


def edition_route(segment, name, parameters, view):
    """A route of the edition page: view(request, edition), with the filters it reads."""

    @translated_path(segment, name=name)
    @old_parameters(renamed=RENAMED_FILTERS)
    @query_parameters(*parameters)
    def route(edition, request):
        return view(request, edition)

    return route


def under(segment):
    return format_lazy("{}{}", SEGMENT, segment)


EDITION_ROUTES = (
    edition_route(SEGMENT, "activities", overview.OVERVIEW_PARAMETERS, overview.overview),
    edition_route(under("ics/"), "activities_ics", overview.FEED_PARAMETERS, overview.ics_feed),
    edition_route(under("json/"), "activities_json", overview.JSON_PARAMETERS, overview.json_api),
    edition_route(under("csv/"), "activities_csv", overview.FEED_PARAMETERS, overview.csv_download),
    edition_route(under("map/"), "activities_map", overview.FEED_PARAMETERS, overview.map_data),
)
