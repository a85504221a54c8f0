"""The week in numbers of an edition, at `<edition>/numbers/` in English and `<edition>/cijfers/`
in Dutch, with its CSV and JSON. FiguresConfig.ready() adds them to editions.EditionPage."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.page_cache import query_parameters
from core.routes import translated_path

from . import views

SEGMENT = _("numbers/")


PLACES_SEGMENT = _("places/")

PARTNERS_SEGMENT = _("partners/")


def edition_route(segment, name, view, parameters=()):
    @translated_path(segment, name=name)
    @query_parameters(*parameters)
    def route(edition, request, **kwargs):
        return view(request, edition, **kwargs)

    return route


def place_route(segment, name, view, parameters=()):
    return edition_route(
        format_lazy("{}{}{}", PLACES_SEGMENT, "<slug:slug>/", segment), name, view, parameters
    )


EDITION_ROUTES = (
    edition_route(SEGMENT, "figures", views.figures_page),
    edition_route(format_lazy("{}{}", SEGMENT, "csv/"), "figures_csv", views.figures_csv),
    edition_route(format_lazy("{}{}", SEGMENT, "json/"), "figures_json", views.figures_json),
    # Pages of the places with activities, built from the activities
    edition_route(PLACES_SEGMENT, "places", views.place_index),
    place_route("", "place", views.place_page, parameters=("page",)),
    place_route("ics/", "place_ics", views.place_ics),
    # Pages of the Powered By partners, built from their teams and activities
    edition_route(
        format_lazy("{}{}", PARTNERS_SEGMENT, "<slug:slug>/"),
        "partner",
        views.partner_page,
        parameters=("page",),
    ),
)
