from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query


class UnansweredSearch(models.Model):
    """How often a search in one language found nothing on one day.

    Like Wagtail's QueryDailyHits it holds only the normalised words and a daily count: no
    address, user, session or time of day, so nothing points to a person.
    """

    query = models.ForeignKey(
        Query, verbose_name=_("query"), on_delete=models.CASCADE, related_name="unanswered"
    )
    language_code = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language_code", "date"], name="unique_unanswered_search_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query} ({self.language_code}, {self.date})"

    @classmethod
    def record(cls, query, language_code, searches=1):
        entry, _created = cls.objects.get_or_create(
            query=query, language_code=language_code, date=timezone.localdate()
        )
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + searches)
