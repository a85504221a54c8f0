"""Reports → Activities without a location: activities on location whose address the geocoder
did not find (or has not looked up yet), for moderators to correct the address or place the pin."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from core.spreadsheets import SafeSpreadsheetExportMixin

from .models import ActivityPage

Status = ActivityPage.LocationStatus


def activities_without_location():
    on_location = ActivityPage.objects.filter(is_online=False, latitude__isnull=True)
    return on_location.filter(
        Q(location_status__in=[Status.FAILED, Status.PENDING]) | Q(location_status="")
    )


def status_label(activity):
    return activity.get_location_status_display() or _("Not looked up yet")


class ActivitiesWithoutLocationReport(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Activities without a location")
    header_icon = "site"
    index_url_name = "activities_without_location"
    index_results_url_name = "activities_without_location_results"
    permission_policy = page_permission_policy
    any_permission_required = ["change", "publish"]
    columns = [
        TitleColumn(
            "title",
            label=_("Activity"),
            get_url=lambda activity: reverse("wagtailadmin_pages:edit", args=[activity.pk]),
        ),
        Column("address", label=_("Address"), accessor="location_text"),
        Column("status", label=_("Location"), accessor=status_label),
    ]
    list_export = ["title", "street_address", "postcode", "city", "location_status"]
    export_headings = {
        "title": _("Activity"),
        "street_address": _("Street and number"),
        "postcode": _("Postcode"),
        "city": _("Place"),
        "location_status": _("Location"),
    }

    def get_queryset(self):
        editable = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            activities_without_location()
            .filter(pk__in=editable.values("pk"))
            .order_by("-latest_revision_created_at", "pk")
        )
