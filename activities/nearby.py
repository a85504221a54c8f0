"""The "where" part of the activity filters: a place, postcode or postcode area, a distance
around it, and whether online activities come along. Shared by the overview, its map and the
.ics, JSON and CSV exports (activities.filters.ActivityFilterForm)."""

import functools

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.widgets import FilterSelect
from places.distance import bounding_box, distance_km
from places.where import parse_where

DEFAULT_DISTANCE = "10"
ANY_DISTANCE = "all"
DISTANCE_CHOICES = [
    ("5", _("within 5 km")),
    ("10", _("within 10 km")),
    ("25", _("within 25 km")),
    (ANY_DISTANCE, _("any distance")),
]
# The distances tried for the first pages of a list nearest first at any distance.
NEAREST_FIRST_PROBES_KM = (10, 25, 50)


class WhereFilterFields(forms.Form):
    place = forms.CharField(
        label=_("Where"),
        required=False,
        max_length=80,
        help_text=_("A postcode (3511 AB or 3511), a postcode area (35) or a place."),
    )
    distance = forms.ChoiceField(
        label=_("Distance"),
        required=False,
        widget=FilterSelect,
        choices=DISTANCE_CHOICES,
        initial=DEFAULT_DISTANCE,
    )
    online_too = forms.BooleanField(label=_("Also online activities"), required=False)

    WHERE_FIELDS = ("place", "distance", "online_too")

    def clean_place(self):
        return " ".join(self.cleaned_data["place"].split())

    @functools.cached_property
    def where(self):
        """The place searched around (places.where.Where), or None."""
        return parse_where(self.applied().get("place", ""))

    def sorts_by_distance(self):
        return self.where is not None and self.where.point is not None

    def radius_km(self):
        """The chosen distance in km, None for any distance."""
        chosen = self.applied().get("distance", DEFAULT_DISTANCE)
        return None if chosen == ANY_DISTANCE else int(chosen)

    def apply_where(self, activities, located=False):
        """The activities at the place: within the distance of its point (a postcode area: in
        the area), with those not located yet that have its postcode or place name (unless only
        `located` ones are wanted: the map's); with the distance in km as `distance_km` when
        the place has a point."""
        where = self.where
        if where is None:
            return activities
        unlocated_match = (
            postcode_starts_with(where.postcode_prefix)
            if where.postcode_prefix
            else Q(city__iexact=where.place_name)
        )
        if self.sorts_by_distance():
            activities = activities.annotate(distance_km=distance_km(where.point))
        if where.is_area or where.point is None:
            selected = unlocated_match
        elif located:
            selected = self.near(where.point)
        else:
            selected = self.near(where.point) | (Q(latitude__isnull=True) & unlocated_match)
        if self.applied().get("online_too") and not located:
            selected |= Q(is_online=True)
        return activities.filter(selected)

    def is_narrowed(self):
        """Whether the where filter selects a small part of the activities through an index:
        a distance, a postcode area, or a place without a point."""
        where = self.where
        if where is None:
            return False
        return where.is_area or where.point is None or self.radius_km() is not None

    def nearest_heads(self, activities):
        """For a list nearest first at any distance: the activities within growing distances,
        each the start of that list (core.pagination.WindowCountPaginator finds the first
        pages there, through the index on coordinates, instead of sorting every activity)."""
        if not self.sorts_by_distance() or self.radius_km() is not None:
            return []
        point = self.where.point
        return [
            activities.filter(bounding_box(point, km), distance_km__lte=km)
            for km in NEAREST_FIRST_PROBES_KM
        ]

    def near(self, point):
        radius = self.radius_km()
        if radius is None:
            return Q(latitude__isnull=False)
        return bounding_box(point, radius) & Q(distance_km__lte=radius)

    def distance_order(self):
        return [F("distance_km").asc(nulls_last=True)]

    def where_fields(self):
        return [self[name] for name in self.WHERE_FIELDS]


def postcode_starts_with(digits):
    """Postcodes starting with these digits, also as a range that the index on postcodes can
    answer (LIKE '35%' cannot use it on PostgreSQL unless the column's collation is C). Every
    such postcode sorts from the digits up to the next number of as many digits ("3511 AB" lies
    in ["3511", "3512")); "99" and "9999" have nothing after them."""
    starts = Q(postcode__startswith=digits, postcode__gte=digits)
    if digits.strip("9"):
        starts &= Q(postcode__lt=str(int(digits) + 1))
    return starts
