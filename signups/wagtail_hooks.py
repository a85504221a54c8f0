"""In the admin: everyone who may edit an activity that takes sign-ups here (editors, and team
editors for their team's activities) opens the organiser's page from the page's header."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from activities.models import ActivityPage

from . import tokens
from .models import OrganiserAccess


def may_manage(user, page):
    return page.permissions_for_user(user).can_edit()


def organiser_page_for_editors(request, page_id):
    activity = get_object_or_404(ActivityPage, pk=page_id, signup_on_site=True)
    if not may_manage(request.user, activity):
        raise PermissionDenied
    access, _created = OrganiserAccess.objects.get_or_create(activity=activity)
    with translation.override(activity.locale.language_code):
        return redirect(reverse("signups:organiser", args=[tokens.organiser_token(access)]))


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "signups/activity/<int:page_id>/",
            organiser_page_for_editors,
            name="signups_organiser_page",
        )
    ]


@hooks.register("register_page_header_buttons")
def signups_button(page, user, view_name=None, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, ActivityPage) and specific.signup_on_site and may_manage(user, page):
        url = reverse("signups_organiser_page", args=[page.id])
        yield Button(_("Sign-ups"), url, icon_name="group", priority=65)
