"""The week in numbers of an edition, at `<edition>/numbers/` in English and `<edition>/cijfers/`
in Dutch, with its CSV and JSON. FiguresConfig.ready() adds them to editions.EditionPage."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.page_cache import query_parameters
from core.routes import translated_path

from . import views

SEGMENT = _("numbers/")


def edition_route(segment, name, view):
    @translated_path(segment, name=name)
    @query_parameters()  # none: every visitor gets the same figures
    def route(edition, request):
        return view(request, edition)

    return route


EDITION_ROUTES = (
    edition_route(SEGMENT, "figures", views.figures_page),
    edition_route(format_lazy("{}{}", SEGMENT, "csv/"), "figures_csv", views.figures_csv),
    edition_route(format_lazy("{}{}", SEGMENT, "json/"), "figures_json", views.figures_json),
)
