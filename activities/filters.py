"""The filters of an edition's activity overview, shared by the list, the map, .ics, JSON and CSV.

Every filter is optional. A value that does not validate is dropped and the others still apply, so
a hand-edited or outdated address never raises: it shows more activities, not an error.
"""

import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.dateformat import format as date_format_pattern
from django.utils.translation import gettext_lazy as _

from core.forms import QueryFilterForm
from core.provinces import Province
from core.target_groups import TargetGroup

from .models import ActivityPage
from .validation import EDITION_TIME_ZONE

POSTCODE_AREA = re.compile(r"^[1-9][0-9]$")
ANY = ("", _("Any"))


class ActivityFilterForm(QueryFilterForm):
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=[("", _("All provinces")), *Province.choices]
    )
    place = forms.CharField(
        label=_("Place or postcode area"),
        required=False,
        max_length=80,
        help_text=_("A place name, or the first two digits of a postcode, like 80."),
    )
    day = forms.ChoiceField(label=_("Day"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of activity"),
        required=False,
        choices=[("", _("All kinds")), *ActivityPage.Kind.choices],
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        choices=[("", _("All target groups")), *TargetGroup.choices],
    )
    online = forms.ChoiceField(
        label=_("Online or on location"),
        required=False,
        choices=[ANY, ("yes", _("Online only")), ("no", _("On location only"))],
    )
    free = forms.BooleanField(label=_("Free only"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Soonest first")), ("latest", _("Latest first"))],
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["day"].choices = [("", _("Every day")), *self.day_choices()]

    def day_choices(self):
        day = self.edition.start_date
        while day <= self.edition.end_date:
            yield day.isoformat(), date_format_pattern(day, "l j F")
            day += datetime.timedelta(days=1)

    def clean_place(self):
        return " ".join(self.cleaned_data["place"].split())

    def apply(self, activities):
        """The activities that pass every applied filter, in date order."""
        applied = self.applied()
        for name in ("province", "kind", "target_group"):
            if name in applied:
                activities = activities.filter(**{name: applied[name]})
        if "place" in applied:
            activities = activities.filter(place_lookup(applied["place"]))
        if "day" in applied:
            start, end = day_range(applied["day"])
            activities = activities.filter(starts_at__gte=start, starts_at__lt=end)
        if "online" in applied:
            activities = activities.filter(is_online=applied["online"] == "yes")
        if applied.get("free"):
            activities = activities.filter(cost=ActivityPage.Cost.FREE)
        if applied.get("sort") == "latest":
            return activities.order_by("-starts_at", "-title", "-pk")
        return activities.order_by("starts_at", "title", "pk")

    def query_string(self):
        """The applied filters only, for links that keep them (exports, list and map)."""
        return urlencode(self.applied())

    def display_form(self):
        """An unbound copy showing only the filters that apply, without error messages."""
        return ActivityFilterForm(edition=self.edition, initial=self.applied())


def place_lookup(place):
    """Two digits select a postcode area (80 = 8000 AA to 8099 ZZ); anything else a place name."""
    if POSTCODE_AREA.match(place):
        return Q(postcode__startswith=place)
    return Q(city__iexact=place)


def day_range(iso_day):
    """From 00:00 to the next day's 00:00, Amsterdam time."""
    day = datetime.date.fromisoformat(iso_day)
    return tuple(
        datetime.datetime.combine(date, datetime.time.min, EDITION_TIME_ZONE)
        for date in (day, day + datetime.timedelta(days=1))
    )
