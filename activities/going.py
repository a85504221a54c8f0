"""Going to an activity: a route on OpenStreetMap, the visitor's own map app (a geo: link, which
phones open in their map app), and links that add the activity to Google Calendar or Outlook.

Links only: the visitor's browser goes to those sites when they choose to; this site requests
nothing from them.
"""

import datetime
from urllib.parse import quote, urlencode

OSM_DIRECTIONS = "https://www.openstreetmap.org/directions"
OSM_SEARCH = "https://www.openstreetmap.org/search"
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR = "https://outlook.live.com/calendar/0/deeplink/compose"


def route_links(activity):
    """{"route": OpenStreetMap, "map_app": geo: URI} for an activity on location, else {}.
    With coordinates the route ends at its pin; without, OpenStreetMap searches the address."""
    if activity.is_online:
        return {}
    address = ", ".join(activity.address_lines()[1:] or activity.address_lines())
    if activity.has_coordinates():
        point = f"{float(activity.latitude):.5f},{float(activity.longitude):.5f}"
        label = quote(activity.location_name or activity.title, safe="")
        return {
            "route": f"{OSM_DIRECTIONS}?{urlencode({'route': f';{point}'})}",
            "map_app": f"geo:{point}?q={point}({label})",
        }
    if not address:
        return {}
    return {
        "route": f"{OSM_SEARCH}?{urlencode({'query': address})}",
        "map_app": f"geo:0,0?q={quote(address, safe='')}",
    }


def utc(moment):
    return moment.astimezone(datetime.UTC)


def calendar_links(activity, page_url):
    """Links that open a new event in Google Calendar and in Outlook, filled in."""
    start, end = utc(activity.starts_at), utc(activity.ends_at)
    details = "\n\n".join(text for text in (activity.introduction, page_url) if text)
    location = activity.location_text()
    google = {
        "action": "TEMPLATE",
        "text": activity.title,
        "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": location,
        "ctz": "Europe/Amsterdam",
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": activity.title,
        "startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}",
        "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}",
        "body": details,
        "location": location,
    }
    return {
        "google": f"{GOOGLE_CALENDAR}?{urlencode(google)}",
        "outlook": f"{OUTLOOK_CALENDAR}?{urlencode(outlook)}",
    }
