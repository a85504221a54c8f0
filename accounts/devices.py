"""The authenticator app (django-otp's TOTP device) and the recovery codes (its static device)."""

from base64 import b32encode

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_CODE_DIGITS = 6  # django-otp's default for TOTPDevice.digits
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"


def pending_authenticator(user):
    """The unconfirmed authenticator being set up (the same one until it is confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


@transaction.atomic
def enable_authenticator(device):
    """Make this the user's one authenticator and give them new recovery codes (returned)."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new single-use ones."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_CODES_NAME}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_two_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def normalised(code):
    """People type codes with spaces, dashes or capitals; the devices store neither."""
    return "".join(character for character in code if character.isalnum()).lower()


def devices_for_code(user, code):
    """Six digits are a code from the app; anything else is a recovery code (eight characters,
    which can be all digits)."""
    model = TOTPDevice if code.isdigit() and len(code) == APP_CODE_DIGITS else StaticDevice
    return model.objects.devices_for_user(user)


def verified_device(user, code):
    """The confirmed device that accepts the code (a recovery code is used up by this), or None.
    A wrong code counts towards the device's own back-off (django-otp: 1, 2, 4, ... seconds)."""
    code = normalised(code)
    with transaction.atomic():
        for device in devices_for_code(user, code).select_for_update():
            if device.verify_token(code):
                return device
    return None


def waiting_after_failures(user, code):
    """True while that back-off refuses every code of this kind, right or wrong."""
    devices = list(devices_for_code(user, normalised(code)))
    return bool(devices) and not any(device.verify_is_allowed()[0] for device in devices)


def mark_verified(request, device):
    """The second step is done: a fresh session key, then the device in the session."""
    request.session.cycle_key()
    otp_login(request, device)


def secret_for_manual_entry(device):
    """The key as authenticator apps take it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_code_data_uri(device):
    """An SVG QR code of the provisioning URI, made here (no request to any other server)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, light="#fff")
