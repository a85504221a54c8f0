from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import organiser, views

app_name = "signups"

urlpatterns = [
    path(_("sign-up/<int:activity_id>/"), views.SignUpView.as_view(), name="create"),
    path(_("sign-up/<int:activity_id>/thanks/"), views.thanks, name="thanks"),
    path(
        _("sign-up/<int:activity_id>/already/"),
        views.thanks,
        {"already": True},
        name="already",
    ),
    path(_("sign-up/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("sign-up/manage/<str:token>/"), views.manage, name="manage"),
    path(_("sign-up/organiser/<str:token>/"), organiser.organiser_page, name="organiser"),
    path(_("sign-up/organiser/<str:token>/csv/"), organiser.organiser_csv, name="organiser_csv"),
    path("sign-up/places/", views.places, name="places"),
]
