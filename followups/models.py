from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUp(models.Model):
    """The questions after one activity sent in through the public form, and the answers.

    One row per activity: `asked_at` and `reminded_at` are set in the same statement that
    claims the mail (followups.tasks), so a job that runs twice sends nothing twice.
    """

    activity = models.OneToOneField(
        "activities.ActivityPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="follow_up",
    )
    asked_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    people = models.PositiveIntegerField(_("people who came"), null=True, blank=True)
    sentence = models.CharField(_("what happened"), max_length=300, blank=True)
    photo = models.ImageField(_("photo"), upload_to="followups/%Y/", blank=True)
    story_consent = models.BooleanField(_("may become a story"), default=False)
    story = models.OneToOneField(
        "stories.Story",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return str(self.activity_id)
