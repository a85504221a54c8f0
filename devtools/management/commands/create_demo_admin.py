from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.devices import AUTHENTICATOR_NAME, new_recovery_codes


class Command(BaseCommand):
    help = (
        "Create or update the superuser 'admin' with the given password (for local demos only). "
        "Its second sign-in step: an authenticator app (the otpauth URI is printed when it is "
        "made) or one of the recovery codes printed on every run (new ones each time)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True)

    def handle(self, *args, password, **options):
        user, _created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write("User 'admin' is ready.")
        if not TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
            device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=True)
            self.stdout.write(f"Authenticator app (add this URI to it): {device.config_url}")
        codes = new_recovery_codes(user)
        self.stdout.write("Recovery codes (each works once; a new run replaces them):")
        self.stdout.write("  " + "  ".join(codes))
