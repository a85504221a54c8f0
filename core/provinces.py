"""The twelve Dutch provinces, shared by every model that records where something happens."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", _("Friesland")
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", _("North Brabant")
    NOORD_HOLLAND = "noord-holland", _("North Holland")
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", _("South Holland")


PROVINCE_FIELD_LENGTH = 20
