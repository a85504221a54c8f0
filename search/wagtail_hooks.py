from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views_admin import SearchTermsReportView, UnansweredSearchesReportView

# Where wagtail.contrib.search_promotions serves its search terms report (its admin_urls.py).
SEARCH_TERMS_REPORT_PATH = "searchpicks/reports/search-terms/"


@hooks.register("register_admin_urls")
def register_unanswered_searches_urls():
    view = UnansweredSearchesReportView
    return [
        path("reports/unanswered-searches/", view.as_view(), name=view.index_url_name),
        path(
            "reports/unanswered-searches/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def replace_search_terms_report_urls():
    """Wagtail's search terms report, at its own addresses, with spreadsheet-safe CSV; before
    Wagtail's own URLs (order -1), so these answer."""
    view = SearchTermsReportView
    return [
        path(SEARCH_TERMS_REPORT_PATH, view.as_view(), name="search_terms_safe_csv"),
        path(
            f"{SEARCH_TERMS_REPORT_PATH}results/",
            view.as_view(results_only=True),
            name="search_terms_safe_csv_results",
        ),
    ]


class UnansweredSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailsearchpromotions.add_searchpromotion") or (
            request.user.has_perm("wagtailsearchpromotions.change_searchpromotion")
        )


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return UnansweredSearchesMenuItem(
        _("Searches without results"),
        reverse("search_unanswered"),
        name="searches-without-results",
        icon_name="search",
        order=1310,
    )
