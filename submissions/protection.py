"""Protections shared by every public form.

Honeypot, time trap, one-time token, rate limit per address, verified and re-encoded uploads.

A public form subclasses ProtectedForm; its view subclasses submissions.views.PublicSubmissionView.
"""

import io
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

TOKEN_SALT = "submissions.form-token"
RATE_LIMIT_SALT = "submissions.rate-limit"
ACCEPTED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
PRIVACY_LINK_TEXT = _("What we keep, why and for how long: the privacy statement")
NOT_AN_IMAGE = _("This file is not a photo we can use. Upload a JPEG, PNG, WebP or GIF image.")


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


DEFAULTS = {
    # A human needs at least this long to fill in a form; a faster post is a script.
    "SUBMISSIONS_MIN_SECONDS": 3,
    # A form left open longer than this must be sent again (its token has expired).
    "SUBMISSIONS_MAX_AGE_SECONDS": 4 * 60 * 60,
    # Posts per address per window; the next one is answered with 429.
    "SUBMISSIONS_RATE_LIMIT": 5,
    "SUBMISSIONS_RATE_WINDOW_SECONDS": 10 * 60,
    # Number of trusted proxies in front of the site that append to X-Forwarded-For.
    "SUBMISSIONS_TRUSTED_PROXIES": 0,
    "SUBMISSIONS_MAX_UPLOAD_BYTES": 5 * 1024 * 1024,
    "SUBMISSIONS_MAX_IMAGE_PIXELS": 40_000_000,
    "SUBMISSIONS_IMAGE_MAX_SIDE": 1600,
}


# One-time form token with a signed start time


def new_form_token(now=None):
    """A signed token holding the moment the form was shown and a random one-time id."""
    started = time.time() if now is None else now
    return signing.dumps({"t": started, "n": secrets.token_urlsafe(16)}, salt=TOKEN_SALT)


def read_form_token(token):
    """The (start time, one-time id) of a token, or None if it was tampered with."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        return float(data["t"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


# Rate limit per client address


def client_address(request):
    """REMOTE_ADDR, or the address the last trusted proxy saw when proxies are configured."""
    proxies = setting("SUBMISSIONS_TRUSTED_PROXIES")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if proxies and len(hops) >= proxies:
        return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limit_exceeded(request, scope):
    """Count this request for its address and scope (e.g. the form); True once over the limit.

    Counted atomically in the database (RateLimitCounter), per fixed window of
    SUBMISSIONS_RATE_WINDOW_SECONDS, so parallel posts and a cleared cache cannot get past it.
    """
    from .models import RateLimitCounter  # the models module imports this one

    window = setting("SUBMISSIONS_RATE_WINDOW_SECONDS")
    window_start = int(time.time()) // window * window
    bucket = salted_hmac(RATE_LIMIT_SALT, f"{scope}|{client_address(request)}", algorithm="sha256")
    count = RateLimitCounter.hit(bucket.hexdigest(), window_start)
    return count > setting("SUBMISSIONS_RATE_LIMIT")


# Uploaded images


def reencoded_image(upload):
    """Verify an upload is a real image within the limits and return a fresh JPEG without metadata.

    Raises forms.ValidationError with a message for the visitor otherwise.
    """
    if upload.size > setting("SUBMISSIONS_MAX_UPLOAD_BYTES"):
        limit = setting("SUBMISSIONS_MAX_UPLOAD_BYTES") // (1024 * 1024)
        raise forms.ValidationError(
            _("This photo is too large. Choose a photo of at most %(limit)s MB.") % {"limit": limit}
        )
    image = _open_verified(upload)
    image = ImageOps.exif_transpose(image).convert("RGB")
    side = setting("SUBMISSIONS_IMAGE_MAX_SIDE")
    image.thumbnail((side, side))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{secrets.token_hex(8)}.jpg")


def _open_verified(upload):
    not_an_image = forms.ValidationError(NOT_AN_IMAGE)
    try:
        upload.seek(0)
        probe = Image.open(upload)
        if probe.format not in ACCEPTED_IMAGE_FORMATS:
            raise not_an_image
        width, height = probe.size
        if width * height > setting("SUBMISSIONS_MAX_IMAGE_PIXELS"):
            raise forms.ValidationError(_("This photo has too many pixels. Choose a smaller one."))
        probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
        return image
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None


# The base form


class ProtectedForm(forms.Form):
    """Adds a honeypot, a signed time trap with a one-time token and a privacy consent box.

    After is_valid() the view reads `is_spam` (honeypot filled: drop silently) and `one_time_id`.
    """

    # Named like a field a bot wants to fill; hidden from people by CSS and from assistive tech.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_("I agree that the organisation stores what I send to publish it on this website."),
        error_messages={"required": _("Please agree to the privacy statement to send the form.")},
    )

    honeypot_field = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_spam = False
        self.one_time_id = None
        self.order_fields([name for name in self.fields if name != "consent"] + ["consent"])
        self.fields["consent"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("privacy:statement"), PRIVACY_LINK_TEXT
        )
        if not self.is_bound:
            self.initial["form_token"] = new_form_token()

    def clean_website(self):
        value = self.cleaned_data.get("website", "")
        if value:
            self.is_spam = True
            raise forms.ValidationError("")
        return value

    def clean_form_token(self):
        token = read_form_token(self.cleaned_data["form_token"])
        now = time.time()
        if token is None or now - token[0] > setting("SUBMISSIONS_MAX_AGE_SECONDS"):
            self._issue_fresh_token()
            raise forms.ValidationError(
                _("This form has expired. Check what you filled in and send it again.")
            )
        started, self.one_time_id = token
        if now - started < setting("SUBMISSIONS_MIN_SECONDS"):
            raise forms.ValidationError(
                _("That was very fast. Check what you filled in and send the form again.")
            )
        return self.cleaned_data["form_token"]

    def _issue_fresh_token(self):
        self.data = self.data.copy()
        self.data[self.add_prefix("form_token")] = new_form_token()

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != self.honeypot_field]
