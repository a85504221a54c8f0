"""The filters of an edition's activity overview, shared by the list, the map, .ics, JSON and CSV.

Every filter is optional. A value that does not validate is dropped and the others still apply, so
a hand-edited or outdated address never raises: it shows more activities, not an error.
"""

import datetime
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.dateformat import format as date_format_pattern
from django.utils.translation import gettext_lazy as _

from core.forms import QueryFilterForm
from core.provinces import Province
from core.target_groups import TargetGroup
from core.widgets import FilterSelect

from .languages import SpokenLanguage, speaks
from .models import ActivityPage
from .nearby import WhereFilterFields
from .validation import EDITION_TIME_ZONE

ANY = ("", _("Any"))
SOONEST = _("Soonest first")
LATEST = ("latest", _("Latest first"))


class ActivityFilterForm(WhereFilterFields, QueryFilterForm):
    province = forms.ChoiceField(
        label=_("Province"),
        required=False,
        widget=FilterSelect,
        choices=[("", _("All provinces")), *Province.choices],
    )
    day = forms.ChoiceField(label=_("Day"), required=False, widget=FilterSelect)
    kind = forms.ChoiceField(
        label=_("Kind of activity"),
        required=False,
        widget=FilterSelect,
        choices=[("", _("All kinds")), *ActivityPage.Kind.choices],
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        widget=FilterSelect,
        choices=[("", _("All target groups")), *TargetGroup.choices],
    )
    online = forms.ChoiceField(
        label=_("Online or on location"),
        required=False,
        widget=FilterSelect,
        choices=[ANY, ("yes", _("Online only")), ("no", _("On location only"))],
    )
    free = forms.BooleanField(label=_("Free only"), required=False)
    wheelchair_accessible = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    low_stimulus = forms.BooleanField(label=_("Low-stimulus: calm and quiet"), required=False)
    met_at_door = forms.BooleanField(
        label=_("Coming alone: someone meets you at the door"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language spoken"),
        required=False,
        widget=FilterSelect,
        choices=[("", _("Any language")), *SpokenLanguage.choices],
    )
    places = forms.BooleanField(
        label=_("Places left only"),
        required=False,
        help_text=_("Activities you can sign up for on this site that are not full."),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        widget=FilterSelect,
        # "": nearest first when a place is given (WhereFilterFields), else soonest first
        choices=[("", SOONEST), ("soonest", SOONEST), LATEST],
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

    def apply(self, activities, located=False):
        """The activities that pass every applied filter, in the chosen order (ordering());
        only those with coordinates when `located` (the map's markers)."""
        applied = self.applied()
        if located:
            activities = activities.filter(latitude__isnull=False, longitude__isnull=False)
        for name in ("province", "kind", "target_group"):
            if name in applied:
                activities = activities.filter(**{name: applied[name]})
        activities = self.apply_where(activities, located)
        if "day" in applied:
            start, end = day_range(applied["day"])
            activities = activities.filter(starts_at__gte=start, starts_at__lt=end)
        if "online" in applied:
            activities = activities.filter(is_online=applied["online"] == "yes")
        if applied.get("free"):
            activities = activities.filter(cost=ActivityPage.Cost.FREE)
        if applied.get("places"):
            activities = activities.filter(places_left_q())
        for flag in ActivityPage.CONFIDENCE_FLAGS:
            if applied.get(flag):
                activities = activities.filter(**{flag: True})
        if "language" in applied:
            activities = activities.filter(speaks(applied["language"]))
        return activities.order_by(*self.ordering())

    def ordering(self, titles=True):
        """Nearest first after a place, else soonest first, unless another order is chosen.
        Titles break ties between activities starting at the same time; without `titles`
        (and nearest first, where activities at one address share a distance) the order they
        were registered in does, so that the order is read from the activity's own row."""
        if self.applied().get("sort") == "latest":
            return ["-starts_at", "-title", "-pk"] if titles else ["-starts_at", "-pk"]
        if self.nearest_first():
            return [*self.distance_order(), "starts_at", "pk"]
        return ["starts_at", "title", "pk"] if titles else ["starts_at", "pk"]

    def nearest_first(self):
        """After a place the list is nearest first, unless another order is chosen."""
        return not self.applied().get("sort") and self.sorts_by_distance()

    def list_heads(self, activities):
        """Smaller lists that start like the filtered `activities` (core.pagination)."""
        return self.nearest_heads(activities) if self.nearest_first() else []

    def query_string(self):
        """The applied filters only, for links that keep them (exports, list and map)."""
        return urlencode(self.applied())

    def display_form(self):
        """An unbound copy showing only the filters that apply, without error messages."""
        form = ActivityFilterForm(edition=self.edition, initial=self.applied())
        form.active_other_filters = self.other_filter_count()
        if self.sorts_by_distance():
            form.fields["sort"].choices = [("", _("Nearest first")), ("soonest", SOONEST), LATEST]
        else:
            form.fields["sort"].choices = [("", SOONEST), LATEST]
        return form

    def other_fields(self):
        """The fields after the where block (where_fields()), folded away on a phone."""
        return [field for field in self if field.name not in self.WHERE_FIELDS]

    def other_filter_count(self):
        """How many of the folded filters apply (the order is not a filter)."""
        return sum(1 for name in self.applied() if name not in (*self.WHERE_FIELDS, "sort"))


def places_left_q():
    """Open for sign-ups on this site and not full (no limit, or places left)."""
    return Q(signup_on_site=True, signups_closed=False, cancelled=False) & (
        Q(capacity__isnull=True)
        | Q(places_left__gt=0)
        | Q(places_left__isnull=True, capacity__gt=0)
    )


def day_range(iso_day):
    """From 00:00 to the next day's 00:00, Amsterdam time."""
    day = datetime.date.fromisoformat(iso_day)
    return tuple(
        datetime.datetime.combine(date, datetime.time.min, EDITION_TIME_ZONE)
        for date in (day, day + datetime.timedelta(days=1))
    )
