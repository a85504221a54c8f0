"""Rules for when and where an activity takes place."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

EDITION_TIME_ZONE = ZoneInfo("Europe/Amsterdam")
POSTCODE_PATTERN = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")
# PostNL never hands out these letter pairs.
UNUSED_POSTCODE_LETTERS = {"SA", "SD", "SS"}


def normalise_postcode(value):
    """'1234ab' becomes '1234 AB'; anything that is not a Dutch postcode raises ValidationError."""
    match = POSTCODE_PATTERN.match(value or "")
    if not match or match.group(2).upper() in UNUSED_POSTCODE_LETTERS:
        raise ValidationError(
            _("Enter a Dutch postcode: four digits and two letters, like 1234 AB."),
            code="invalid_postcode",
        )
    return f"{match.group(1)} {match.group(2).upper()}"


def edition_window(edition):
    """From the first day 00:00 up to the end of the last day, in Amsterdam time."""
    start = datetime.datetime.combine(edition.start_date, datetime.time.min, EDITION_TIME_ZONE)
    end_day = edition.end_date + datetime.timedelta(days=1)
    end = datetime.datetime.combine(end_day, datetime.time.min, EDITION_TIME_ZONE)
    return start, end


def schedule_errors(starts_at, ends_at, edition, related_event):
    """A dict of field errors for the activity's start and end, empty when all is well."""
    errors = {}
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("The activity must end after it starts.")
    if related_event or edition is None:
        return errors
    window_start, window_end = edition_window(edition)
    outside = _(
        "This falls outside the week (%(first)s to %(last)s). "
        "Tick “related event” if it belongs to the week anyway."
    ) % {
        "first": date_format(edition.start_date, "j F Y"),
        "last": date_format(edition.end_date, "j F Y"),
    }
    if starts_at and not window_start <= starts_at < window_end:
        errors["starts_at"] = outside
    if ends_at and not window_start < ends_at <= window_end:
        errors.setdefault("ends_at", outside)
    return errors
