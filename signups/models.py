"""Sign-ups for activities (no account) and the organiser's private access.

The places of an activity are shared by its translations (one activity in Dutch and English):
every count and every lock is over the activity's translation_key (signups/allocation.py).
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_PEOPLE = 20


def new_key():
    return secrets.token_urlsafe(24)


class SignUpQuerySet(models.QuerySet):
    def of_activity(self, activity):
        """Every sign-up for this activity, in any of its languages."""
        return self.filter(activity__translation_key=activity.translation_key)

    def holding_places(self):
        return self.filter(status=SignUp.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=SignUp.Status.WAITING).order_by("confirmed_at", "pk")

    def active(self):
        """Confirmed or on the waiting list: the people an organiser's message reaches."""
        return self.filter(status__in=(SignUp.Status.CONFIRMED, SignUp.Status.WAITING))


class SignUp(models.Model):
    """One person's sign-up (for themselves and `people` - 1 others).

    Unconfirmed until the link in the first email is opened: only then does it take places (or a
    place on the waiting list). `key` is part of every link to it: emptied, no link works."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-mail address not confirmed yet")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    activity = models.ForeignKey(
        "activities.ActivityPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    people = models.PositiveSmallIntegerField(
        _("number of people"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE)],
    )
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    # When the address was confirmed: the order of the waiting list.
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    key = models.CharField(max_length=40, default=new_key, editable=False)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            # One sign-up per address and activity page, unless cancelled (or emptied by the
            # retention job).
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_signup_per_address",
            )
        ]
        indexes = [models.Index(fields=["status", "reminder_sent_at"], name="signup_reminders")]

    def __str__(self):
        return f"{self.name} ({self.people}) · {self.activity_id}"

    @property
    def is_active(self):
        return self.status in (self.Status.CONFIRMED, self.Status.WAITING)


class OrganiserAccess(models.Model):
    """The private link of an activity's organiser. A new key revokes every earlier link."""

    activity = models.OneToOneField(
        "activities.ActivityPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="organiser_access",
    )
    key = models.CharField(max_length=40, default=new_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organiser link")

    def __str__(self):
        return f"organiser link of {self.activity_id}"

    def revoke(self):
        """Every link sent before stops working; returns the new key."""
        self.key = new_key()
        self.save(update_fields=["key"])
        return self.key


class OrganiserMessage(models.Model):
    """That an organiser sent a message to everyone signed up (not the text): for the limit."""

    activity = models.ForeignKey(
        "activities.ActivityPage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    recipients = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.activity_id} @ {self.sent_at:%Y-%m-%d %H:%M}"
