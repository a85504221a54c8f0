from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import views
from .policy import has_authenticator


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.StatusView.as_view(), name="two_factor"),
        path("two-factor/verify/", views.VerifyView.as_view(), name="two_factor_verify"),
        path("two-factor/setup/", views.SetupView.as_view(), name="two_factor_setup"),
        path(
            "two-factor/recovery-codes/",
            views.RecoveryCodesView.as_view(),
            name="two_factor_recovery_codes",
        ),
        path(
            "two-factor/recovery-codes/new/",
            views.NewRecoveryCodesView.as_view(),
            name="two_factor_new_recovery_codes",
        ),
        path("two-factor/reset/<int:user_id>/", views.ResetView.as_view(), name="two_factor_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """Under Account > More actions: where everyone turns it on (or sees that it is on)."""
    if has_authenticator(request.user):
        help_text = _("On: you sign in with a code from your authenticator app.")
    else:
        help_text = _("Sign in with a code from an app on your phone as well as your password.")
    return {
        "url": reverse("two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": help_text,
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """In each user's menu of Settings > Users, for superusers only."""
    if request_user.is_superuser:
        yield Button(
            _("Reset two-factor authentication"),
            url=reverse("two_factor_reset", args=(user.pk,)),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        views.ENABLED, _("Turn on two-factor authentication"), _("Two-factor authentication on")
    )
    actions.register_action(views.NEW_CODES, _("New recovery codes"), _("New recovery codes made"))
    actions.register_action(
        views.RESET, _("Reset two-factor authentication"), _("Two-factor authentication reset")
    )
