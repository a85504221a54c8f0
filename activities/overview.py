"""The activity overview of an edition and its exports (routed by activities/routes.py).

One filter form (activities.filters) decides which activities the list, the map, the .ics feed,
the JSON API and the CSV download contain.
"""

import datetime

from django.db.models import Count, Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateformat import format as date_format_pattern
from django.utils.translation import gettext

from core.pagination import WindowCountPaginator
from core.visibility import public_pages
from places.maps import map_background

from .filters import ActivityFilterForm
from .ical import calendar_for, ics_response
from .models import ActivityPage
from .opendata import EditionActivitiesAPIView, csv_response
from .validation import EDITION_TIME_ZONE

OVERVIEW_PAGE_SIZE = 20
MAP_MARKER_LIMIT = 1000
# The query parameters each view reads (core.page_cache.query_parameters): the rest is dropped.
FEED_PARAMETERS = tuple(ActivityFilterForm.base_fields)
JSON_PARAMETERS = (*FEED_PARAMETERS, "page")
OVERVIEW_PARAMETERS = (*JSON_PARAMETERS, "view")


def filtered(request, edition):
    """The filter form (bound to the query string) and the published activities it selects."""
    form = ActivityFilterForm.from_query(request.GET, edition=edition)
    return form, form.apply(ActivityPage.objects.public_of_edition(edition))


def listed(request, edition, located=False):
    """The filter form and the activities the overview lists (only those with coordinates
    when `located`): selected and counted on the activities' own rows (listed_in); load what
    is shown through public_pages (activities.listing)."""
    form = ActivityFilterForm.from_query(request.GET, edition=edition)
    return form, form.apply(ActivityPage.objects.listed_in(edition), located)


def overview(request, edition):
    """The list, or the map with the list below it (map.js fetches the markers: map_data)."""
    form, activities = listed(request, edition)
    requested = request.GET.get("page")
    show_map = request.GET.get("view") == "map"
    paginator = WindowCountPaginator(
        activities,
        OVERVIEW_PAGE_SIZE,
        requested,
        count_in_window=form.is_narrowed(),
        heads=form.list_heads(activities),
        rows=public_pages(activities),
        extra_counts=NOT_ON_MAP if show_map else None,
    )
    page = paginator.get_page(requested)
    context = edition.get_context(request)
    context.update(
        filter_form=form.display_form(),
        filter_query=form.query_string(),
        where=form.where,
        place_ignored="place" in form.applied() and form.where is None,
        activities=page,
        show_map=show_map,
        map_background=map_background(),
    )
    if show_map:
        missing = paginator.counts
        on_map = paginator.count - missing["online"] - missing["unlocated"]
        context.update(
            map_missing=missing,
            map_shows_first=on_map > MAP_MARKER_LIMIT,
            map_marker_limit=MAP_MARKER_LIMIT,
            map_markers_url=route_url(request, edition, "activities_map", form.query_string()),
        )
    return TemplateResponse(request, "activities/activity_overview.html", context)


def route_url(request, edition, name, query):
    url = edition.get_url(request) + edition.reverse_subpage(name)
    return f"{url}?{query}" if query else url


def map_data(request, edition):
    """The markers of the overview's map, for the same filters, as JSON."""
    form, activities = listed(request, edition, located=True)
    markers = map_markers(activities, form, edition.get_url(request))
    return JsonResponse({"markers": markers, "limit": MAP_MARKER_LIMIT})


def map_markers(activities, form, edition_url):
    """Up to MAP_MARKER_LIMIT activities with coordinates, as plain data for the map's JSON.
    Which ones is decided on the activities' own rows (the first in the list's order, without
    titles); only those are joined to their pages, and what they show comes from public pages.
    The map shows them soonest first."""
    located = activities.filter(latitude__isnull=False, longitude__isnull=False)
    first = located.order_by(*form.ordering(titles=False)).values("pk")[:MAP_MARKER_LIMIT]
    shown = public_pages(ActivityPage.objects.filter(pk__in=first)).order_by("starts_at", "pk")
    rows = shown.values_list("title", "slug", "latitude", "longitude", "city", "starts_at")
    short_time = ShortTime()
    return [
        {
            "title": title,
            "url": f"{edition_url}{slug}/",
            "lat": float(latitude),
            "lng": float(longitude),
            "place": city,
            "when": short_time(starts_at),
        }
        for title, slug, latitude, longitude, city, starts_at in rows
    ]


# How many of the listed activities have no coordinates: online, and on location (not looked
# up yet, or not found). Counted with the list (WindowCountPaginator) or alone (not_on_map).
NOT_ON_MAP = {
    "online": Count("pk", filter=Q(is_online=True)),
    "unlocated": Count("pk", filter=Q(is_online=False, latitude__isnull=True)),
}


def not_on_map(activities):
    """NOT_ON_MAP of these activities, in one query."""
    return activities.order_by().aggregate(**NOT_ON_MAP)


class ShortTime:
    """Formats moments as "za 5 dec 14:00" in the edition's time zone and the active language:
    Django's date format "D j M H:i", with the names of days and months looked up once and each
    moment formatted once (the map formats up to MAP_MARKER_LIMIT of them per request, most
    starting on the same few hours)."""

    def __init__(self):
        monday = datetime.date(2024, 1, 1)
        self.days = [
            date_format_pattern(monday + datetime.timedelta(days), "D") for days in range(7)
        ]
        self.months = [date_format_pattern(datetime.date(2024, m, 1), "M") for m in range(1, 13)]
        self.formatted = {}

    def __call__(self, moment):
        if moment not in self.formatted:
            self.formatted[moment] = self.format(moment)
        return self.formatted[moment]

    def format(self, moment):
        local = timezone.localtime(moment, EDITION_TIME_ZONE)
        day, month = self.days[local.weekday()], self.months[local.month - 1]
        return f"{day} {local.day} {month} {local:%H:%M}"


def ics_feed(request, edition):
    _form, activities = filtered(request, edition)
    name = gettext("Activities %(edition)s") % {"edition": edition.title}
    return ics_response(calendar_for(activities, request, name), name)


def json_api(request, edition):
    _form, activities = filtered(request, edition)
    view = EditionActivitiesAPIView.as_view()
    return view(request, edition=edition, activities=activities)


def csv_download(request, edition):
    _form, activities = filtered(request, edition)
    return csv_response(activities, request, f"{edition.title} activities")


def edition_counts(edition):
    """How many public activities, public organising teams, places and provinces: one query,
    after the view restrictions."""
    on_location = Q(is_online=False)
    team_model = ActivityPage.team.field.related_model
    public_team = Q(team__in=public_pages(team_model.objects.all()).values("pk"))
    return public_pages(ActivityPage.objects.child_of(edition)).aggregate(
        activities=Count("pk"),
        teams=Count("team", filter=public_team, distinct=True),
        places=Count("city", filter=on_location, distinct=True),
        provinces=Count("province", filter=on_location, distinct=True),
    )


def upcoming(locale, now=None, limit=5):
    """The next public activities of any edition in this language."""
    now = now or timezone.now()
    return (
        public_pages(ActivityPage.objects.filter(locale=locale, starts_at__gte=now))
        .with_listing_relations()
        .order_by("starts_at", "title")[:limit]
    )
