"""What every Leaflet map of the site shares: the tile server, if one is set, else the outline of
the Netherlands and its provinces shipped with the site (static/places/, drawn by outline.js)."""

from django.conf import settings
from django.templatetags.static import static

OUTLINE_PATH = "places/netherlands-provinces.geojson"


def map_background():
    return {
        "tile_url": settings.ACTIVITY_MAP_TILE_URL,
        "attribution": settings.ACTIVITY_MAP_ATTRIBUTION,
        "outline_url": static(OUTLINE_PATH),
    }
