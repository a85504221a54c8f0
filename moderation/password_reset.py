"""The admin's password reset, limited (WAGTAILADMIN_USER_PASSWORD_RESET_FORM).

Per client address, valid requests count like public form posts; per account, one reset email per
ACCOUNT_WINDOW_SECONDS. Beyond a limit nothing is sent, and the visitor sees the same "check your
email" page as always, so the answer never tells whether an address has an account. The email
itself is queued for the background worker (core/mail.py) like every email.
"""

from django.core.cache import cache
from wagtail.admin.forms.auth import PasswordResetForm

from submissions.protection import rate_limit_exceeded

ACCOUNT_WINDOW_SECONDS = 15 * 60


class LimitedPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        if request is not None and rate_limit_exceeded(request, scope="password_reset"):
            return
        super().save(*args, request=request, **kwargs)

    def get_users(self, email):
        for user in super().get_users(email):
            if cache.add(f"password_reset:account:{user.pk}", True, ACCOUNT_WINDOW_SECONDS):
                yield user
