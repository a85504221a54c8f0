from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from core.admin_listings import PageTypeListingViewSet

from .models import ActivityPage
from .reports import ActivitiesWithoutLocationReport
from .team_links import TeamActivitiesView


class ActivityListingViewSet(PageTypeListingViewSet):
    model = ActivityPage
    name = "activities"
    url_namespace = "activity_listing"
    icon = "date"
    menu_label = _("Activities")
    menu_order = 110


@hooks.register("register_admin_viewset")
def register_activity_listing():
    return ActivityListingViewSet()


@hooks.register("register_admin_urls")
def register_activities_admin_urls():
    view = ActivitiesWithoutLocationReport
    return [
        path(
            "teams/<int:team_id>/activities/",
            TeamActivitiesView.as_view(),
            name="team_activities",
        ),
        path("reports/activities-without-location/", view.as_view(), name=view.index_url_name),
        path(
            "reports/activities-without-location/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["change", "publish"])


@hooks.register("register_reports_menu_item")
def register_activities_without_location_menu_item():
    return PageEditorsMenuItem(
        _("Activities without a location"),
        reverse(ActivitiesWithoutLocationReport.index_url_name),
        name="activities-without-location",
        icon_name="site",
        order=1320,
    )
