from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .subject import ERASE_ACTION


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path("privacy/", admin_views.lookup, name="privacy_lookup"),
        path("privacy/export/", admin_views.export, name="privacy_export"),
        path("privacy/erase/", admin_views.erase, name="privacy_erase"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_privacy_menu_item():
    return SuperuserMenuItem(
        _("Personal data"),
        reverse("privacy_lookup"),
        name="personal-data",
        icon_name="user",
        order=900,
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(ERASE_ACTION, _("Erase personal data"), _("Personal data erased"))
