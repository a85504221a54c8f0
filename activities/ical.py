"""iCalendar (.ics) export: a feed of an edition's (filtered) activities and one event per activity.

Times carry TZID=Europe/Amsterdam with a VTIMEZONE; the UID comes from the page's translation key,
so it stays the same when the activity is edited, moved or translated. Only public facts go in.
"""

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext
from icalendar import Calendar, Event

PRODUCT_ID = "-//Week van de Verbinding//Activiteiten//NL"


def calendar_for(activities, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for activity in activities:
        calendar.add_component(event_for(activity, request))
    calendar.add_missing_timezones()
    return calendar


def event_for(activity, request):
    event = Event()
    event.add("uid", activity.calendar_uid())
    event.add("dtstamp", activity.last_published_at or activity.first_published_at)
    event.add("dtstart", activity.local_start)
    event.add("dtend", activity.local_end)
    if activity.cancelled:
        event.add("status", "CANCELLED")
        event.add("summary", f"{gettext('Cancelled')}: {activity.title}")
    else:
        event.add("status", "CONFIRMED")
        event.add("summary", activity.title)
    event.add("location", activity.location_text())
    event.add("url", activity.get_full_url(request))
    confidence = "\n".join(activity.confidence_lines())
    description = "\n\n".join(
        text for text in (activity.introduction, confidence, activity.get_full_url(request)) if text
    )
    event.add("description", description)
    event.add("categories", [str(activity.get_kind_display())])
    if activity.latitude is not None and activity.longitude is not None:
        event.add("geo", (float(activity.latitude), float(activity.longitude)))
    return event


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.ics"'
    return response
