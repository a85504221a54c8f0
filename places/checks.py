from django.conf import settings
from django.core.checks import Error, register

from .geocoders import GEOCODERS


@register()
def geocoder_is_known(app_configs, **kwargs):
    if settings.PLACES_GEOCODER in GEOCODERS:
        return []
    return [
        Error(
            f"PLACES_GEOCODER is {settings.PLACES_GEOCODER!r}; choose one of {sorted(GEOCODERS)}.",
            id="places.E001",
        )
    ]
