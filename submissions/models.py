from datetime import timedelta

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import created_once

from .protection import setting


class UsedFormToken(models.Model):
    """One row per accepted public form: a resent form with the same token is a duplicate."""

    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.token

    @classmethod
    def claim(cls, token):
        """True the first time a token is claimed, False ever after (safe for concurrent posts)."""
        expired = timezone.now() - timedelta(seconds=setting("SUBMISSIONS_MAX_AGE_SECONDS"))
        cls.objects.filter(created_at__lt=expired).delete()
        return created_once(cls, token=token)


class RateLimitCounter(models.Model):
    """How many posts one client sent to one kind of form in one window of time.

    In the database, not the cache: every worker and machine counts in the same row, and a full
    or cleared cache cannot reset it. The client address is kept only as a keyed hash.
    """

    bucket = models.CharField(max_length=64)
    window_start = models.BigIntegerField(db_index=True)  # Unix time
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bucket", "window_start"], name="unique_rate_limit_bucket_window"
            )
        ]

    def __str__(self):
        return f"{self.bucket} @ {self.window_start}: {self.hits}"

    @classmethod
    def hit(cls, bucket, window_start):
        """Count one post in one statement, safe for concurrent posts; the count so far."""
        quote = connection.ops.quote_name
        table = quote(cls._meta.db_table)
        hits = f"{table}.{quote('hits')}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (bucket, window_start, hits) VALUES (%s, %s, 1) "
                f"ON CONFLICT (bucket, window_start) DO UPDATE SET hits = {hits} + 1 "
                "RETURNING hits",
                [bucket, window_start],
            )
            count = cursor.fetchone()[0]
        if count == 1:  # the first post of a new window: a cheap moment to drop ended windows
            cls.objects.filter(window_start__lt=window_start).delete()
        return count


class SubmissionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=PublicSubmission.Status.APPROVED)

    def pending(self):
        return self.filter(status=PublicSubmission.Status.PENDING)


class PublicSubmission(models.Model):
    """What every item sent in by a visitor without an account shares: it waits for a moderator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_(
            "Only used to confirm receipt and to tell the sender the decision. Never shown."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_(
            "Required when rejecting. Emailed to the sender if they gave an email address."
        ),
    )
    language = models.CharField(_("language"), max_length=10, default="nl", editable=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def awaits_review(self):
        return self.status == self.Status.PENDING

    def record_decision(self, user):
        self.moderated_by = user
        self.moderated_at = timezone.now()


class SubmitterContact(models.Model):
    """Who sent in a page through a public form. Private: shown to moderators in the admin only.

    Kept outside the page (no revision, no translation copy, never in a page template). A page
    type may say how long its sender may still be needed with a method `sender_needed_until()`
    (an aware datetime or None): the privacy register keeps the contact at least that long.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="submitter_contact",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("submitter contact details")
        verbose_name_plural = _("submitter contact details")

    def __str__(self):
        return f"{self.name} <{self.email}>"
