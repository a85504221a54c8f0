"""Who must sign in to the admin with a second step, and which step a signed-in account still owes.

Everyone who can publish or administer must: superusers, anyone holding a publish permission
(pages through a group's page permissions, snippets and other models through `publish_*`), and
anyone who may manage users or groups (they could give themselves those rights). It is worked out
from permissions, not group names, so a new publishing group is covered at once. Everyone else
(editors, translators, team editors) may turn it on, and from then on is asked for it too.
"""

from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission

VERIFY = "two_factor_verify"
SETUP = "two_factor_setup"

ADMINISTER_PERMISSIONS = {
    f"auth.{action}_{model}"
    for action in ("add", "change", "delete")
    for model in ("user", "group")
}


def two_factor_required(user):
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    permissions = user.get_all_permissions()
    if permissions & ADMINISTER_PERMISSIONS:
        return True
    if any(name.split(".", 1)[1].startswith("publish_") for name in permissions):
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


def has_authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_step(user):
    """The URL name of the step a signed-in but unverified user must take, or None."""
    if has_authenticator(user):
        return VERIFY
    if two_factor_required(user):
        return SETUP
    return None
