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


def under(segment):
    return format_lazy("{}{}", SEGMENT, segment)


@translated_path(SEGMENT, name="activities")
@old_parameters(renamed=RENAMED_FILTERS)
@query_parameters(*overview.OVERVIEW_PARAMETERS)
def activities_route(edition, request):
    return overview.overview(request, edition)


@translated_path(under("ics/"), name="activities_ics")
@old_parameters(renamed=RENAMED_FILTERS)
@query_parameters(*overview.FEED_PARAMETERS)
def activities_ics_route(edition, request):
    return overview.ics_feed(request, edition)


@translated_path(under("json/"), name="activities_json")
@old_parameters(renamed=RENAMED_FILTERS)
@query_parameters(*overview.JSON_PARAMETERS)
def activities_json_route(edition, request):
    return overview.json_api(request, edition)


@translated_path(under("csv/"), name="activities_csv")
@old_parameters(renamed=RENAMED_FILTERS)
@query_parameters(*overview.FEED_PARAMETERS)
def activities_csv_route(edition, request):
    return overview.csv_download(request, edition)


EDITION_ROUTES = (
    activities_route,
    activities_ics_route,
    activities_json_route,
    activities_csv_route,
)
