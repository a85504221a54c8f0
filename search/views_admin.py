import datetime

from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.search_promotions.views import reports as wagtail_reports
from wagtail.permission_policies import ModelPermissionPolicy

from core.spreadsheets import SafeSpreadsheetExportMixin

REPORT_DAYS = 90


class UnansweredSearchesReportView(SafeSpreadsheetExportMixin, ReportView):
    """What visitors searched for in the last months without finding anything, most often first.

    Open to everyone who manages promoted search results: a promotion is the usual answer.
    """

    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_unanswered"
    index_results_url_name = "search_unanswered_results"
    permission_policy = ModelPermissionPolicy(SearchPromotion)
    any_permission_required = ["add", "change"]
    columns = [
        Column("query_string", label=_("Search term(s)")),
        NumberColumn("_hits", label=_("Searches")),
        DateColumn("_last", label=_("Last searched")),
    ]
    list_export = ["query_string", "_hits", "_last"]
    export_headings = {
        "query_string": _("Search term(s)"),
        "_hits": _("Searches"),
        "_last": _("Last searched"),
    }

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        return (
            Query.objects.filter(unanswered__date__gte=since)
            .annotate(_hits=Sum("unanswered__hits"), _last=Max("unanswered__date"))
            .order_by("-_hits", "query_string")
        )


class SearchTermsReportView(SafeSpreadsheetExportMixin, wagtail_reports.SearchTermsReportView):
    """Wagtail's Reports → Search terms with spreadsheet-safe CSV, served at Wagtail's own
    addresses (search/wagtail_hooks.py)."""
