"""Distances in the database: the great-circle (haversine) distance in kilometres between a
point and each row's latitude and longitude columns, and a bounding box that lets an index on
those columns skip every row that cannot be near. The same expressions run on PostgreSQL and
on SQLite (Django gives SQLite the math functions)."""

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088  # the mean radius
KM_PER_DEGREE_LATITUDE = EARTH_RADIUS_KM * math.pi / 180
STEP = Decimal("0.00001")  # the precision of the coordinate columns


def haversine_km(a, b):
    """The distance between two Points in kilometres, in Python (tests, single values)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    half_dlat = (lat2 - lat1) / 2
    half_dlon = math.radians(b.longitude - a.longitude) / 2
    h = math.sin(half_dlat) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def distance_km(point, latitude="latitude", longitude="longitude"):
    """haversine_km(point, row) as a database expression; NULL where the row has no coordinates."""
    row_latitude = Radians(Cast(F(latitude), FloatField()))
    row_longitude = Radians(Cast(F(longitude), FloatField()))
    latitude_0 = math.radians(point.latitude)
    half_dlat = (row_latitude - Value(latitude_0)) / 2
    half_dlon = (row_longitude - Value(math.radians(point.longitude))) / 2
    h = Power(Sin(half_dlat), 2) + Value(math.cos(latitude_0)) * Cos(row_latitude) * Power(
        Sin(half_dlon), 2
    )
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(h))


def bounding_box(point, km, latitude="latitude", longitude="longitude"):
    """A Q for the rows inside a box around the point that holds every place within `km`:
    compared on the columns themselves, so an index on them can answer it."""
    dlat = km / KM_PER_DEGREE_LATITUDE
    dlon = km / (KM_PER_DEGREE_LATITUDE * max(math.cos(math.radians(point.latitude)), 0.01))
    return Q(
        **{
            f"{latitude}__range": degrees_range(point.latitude, dlat),
            f"{longitude}__range": degrees_range(point.longitude, dlon),
        }
    )


def degrees_range(middle, half_width):
    low = Decimal(str(middle - half_width)).quantize(STEP, rounding=ROUND_FLOOR)
    high = Decimal(str(middle + half_width)).quantize(STEP, rounding=ROUND_CEILING)
    return low, high
