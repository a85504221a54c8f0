from django.db import models
from django.utils.translation import gettext_lazy as _

from submissions.models import PublicSubmission


class Story(PublicSubmission):
    """A short story from a visitor for the story wall ("Deel je verhaal") of an edition."""

    edition = models.ForeignKey(
        "editions.EditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="stories",
    )
    name = models.CharField(
        _("name or nickname"), max_length=80, help_text=_("Shown above the story.")
    )
    text = models.TextField(_("story"), max_length=1500)
    photo = models.ImageField(
        _("photo"),
        upload_to="stories/%Y/",
        blank=True,
        help_text=_("Re-encoded on upload: no location or camera data is kept."),
    )
    photo_description = models.CharField(
        _("photo description"),
        max_length=200,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    class Meta(PublicSubmission.Meta):
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"
