"""Figures kept in the database until content changes (figures/kept.py)."""

from django.db import models


class FiguresVersion(models.Model):
    """One row: a number raised in the transaction of every change to content
    (core.page_cache.content_changed). Figures kept at a lower number are out of date."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)


class KeptFigures(models.Model):
    """The figures and places of one edition, as counted when the version was `version`."""

    edition = models.OneToOneField(
        "editions.EditionPage", on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveBigIntegerField()
    figures = models.JSONField()
    places = models.JSONField()
    place_figures = models.JSONField(default=dict)  # {place slug: figures without the edition's}

    def __str__(self):
        return f"{self.edition_id} @ {self.version}"
