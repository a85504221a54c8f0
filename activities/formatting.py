from django.utils.dateformat import format as date_format_pattern
from django.utils.translation import gettext

DAY_PATTERN = "l j F Y"
TIME_PATTERN = "H:i"


def format_period(start, end):
    """'zaterdag 12 december 2026, 14:00–16:00'; both days in full when it spans midnight."""
    start_text = (
        f"{date_format_pattern(start, DAY_PATTERN)}, {date_format_pattern(start, TIME_PATTERN)}"
    )
    if start.date() == end.date():
        return f"{start_text}–{date_format_pattern(end, TIME_PATTERN)}"
    end_text = f"{date_format_pattern(end, DAY_PATTERN)}, {date_format_pattern(end, TIME_PATTERN)}"
    return gettext("%(start)s to %(end)s") % {"start": start_text, "end": end_text}
