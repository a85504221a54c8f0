"""The moderators' desk: on their admin dashboard, the submissions (activities and teams sent in
through the public forms) and the sign-ups of each day of the current edition's week."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.formats import date_format
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from activities.validation import EDITION_TIME_ZONE
from editions.models import EditionPage
from moderation.roles import MODERATORS
from signups.models import SignUp
from submissions.models import SubmitterContact

BAR_WIDTH = 120  # px of the largest number's bar


@dataclass
class Day:
    day: datetime.date
    submissions: int
    signups: int

    @property
    def label(self):
        return date_format(self.day, "l j F")


def per_day(queryset, first, last):
    """{date: count} of the rows created from `first` to `last` (Amsterdam days): one query."""
    start = datetime.datetime.combine(first, datetime.time.min, EDITION_TIME_ZONE)
    end = datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min, EDITION_TIME_ZONE
    )
    rows = (
        queryset.filter(created_at__gte=start, created_at__lt=end)
        .annotate(day=TruncDate("created_at", tzinfo=EDITION_TIME_ZONE))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return Counter({row["day"]: row["count"] for row in rows})


def week_days(edition):
    """A Day for each day of the edition's week, in order."""
    first, last = edition.start_date, edition.end_date
    submissions = per_day(SubmitterContact.objects.all(), first, last)
    signups = per_day(SignUp.objects.all(), first, last)
    length = (last - first).days + 1
    days = [first + datetime.timedelta(days=n) for n in range(length)]
    return [Day(day, submissions[day], signups[day]) for day in days]


def bar(value, largest):
    return round(BAR_WIDTH * value / largest) if largest else 0


class ModeratorsDeskPanel(Component):
    name = "moderators_desk"
    order = 30
    template_name = "figures/admin/moderators_desk.html"

    def __init__(self, edition):
        self.edition = edition

    def get_context_data(self, parent_context=None):
        days = week_days(self.edition)
        largest = max((max(d.submissions, d.signups) for d in days), default=0)
        rows = [(day, bar(day.submissions, largest), bar(day.signups, largest)) for day in days]
        return {"edition": self.edition, "rows": rows, "bar_width": BAR_WIDTH}


def is_moderator(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def moderators_desk_panel(user):
    """The panel for moderators (and administrators), for the current edition of the default
    language; None for everyone else or without an edition."""
    if not is_moderator(user):
        return None
    edition = EditionPage.current_for_locale(Locale.get_default())
    return ModeratorsDeskPanel(edition) if edition else None
