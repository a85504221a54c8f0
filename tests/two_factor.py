"""Signing in to the admin in tests as people do, with the second step where their account has
one (accounts/): a confirmed authenticator and a session that has passed the code step."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.policy import has_authenticator, two_factor_required


def authenticator(user):
    """The user's confirmed authenticator app, set up now if they have none."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)


def current_code(device):
    """The six digits the app would show now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def log_in(client, user):
    """client.force_login, plus the code step for accounts that must take it."""
    client.force_login(user)
    if two_factor_required(user) or has_authenticator(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
