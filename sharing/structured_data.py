"""schema.org data (JSON-LD) for search engines: a BreadcrumbList on every page, the Organization
and the WebSite on the home page, an Event for every activity, with the properties Google's
event guidelines require (name, startDate, location) and recommend (description, endDate,
eventAttendanceMode, eventStatus, image, offers, organizer, performer)."""

import json
import re

from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from wagtail.models import Page

from activities.models import ActivityPage
from core.visibility import public_or_none
from editions.models import EditionPage
from home.models import HomePage

from .images import edition_of, share_image
from .meta import absolute, description_of, full_url

SCHEMA = "https://schema.org/"
PRICE = re.compile(r"(\d+(?:[.,]\d{1,2})?)")
# <, > and & escaped, so that no text of a page can end the script element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_json(data):
    return json.dumps(data, ensure_ascii=False, indent=None).translate(JSON_ESCAPES)


_UNKNOWN = object()


def structured_data_for(request, page, team=_UNKNOWN):
    """The JSON-LD documents of one page (as strings), or [] for what is not a page. `team`:
    an activity's organising team when the view has already checked that it is public."""
    if not isinstance(page, Page) or not page.pk:
        return []
    # Live ancestors only. A view restriction on an ancestor restricts this page too, so a
    # visitor who sees this page may see its trail.
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2).order_by("depth")
    trail = [crumb for crumb in ancestors if crumb.live]
    documents = [breadcrumbs(request, trail)]
    if isinstance(page, HomePage):
        documents += [organization(request, page), website(request, page)]
    if isinstance(page, ActivityPage):
        if team is _UNKNOWN:
            team = public_or_none(page.team)
        home = trail[0] if trail else page
        documents.append(event(request, page, team, home))
    return [as_json(document) for document in documents]


def breadcrumbs(request, trail):
    """The public pages from the language's home page down to this one."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": full_url(request, crumb),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def organization_data(request, home):
    return {
        "@type": "Organization",
        "name": gettext("Week van de Verbinding"),
        "url": full_url(request, home),
        "logo": absolute(request, static("sharing/icon-512.png")),
    }


def organization(request, home):
    return {"@context": SCHEMA, **organization_data(request, home)}


def website(request, home):
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": gettext("Week van de Verbinding"),
        "url": full_url(request, home),
        "inLanguage": translation.get_language(),
    }


def attendance_mode(activity):
    if activity.is_online and activity.street_address:
        return SCHEMA + "MixedEventAttendanceMode"
    if activity.is_online:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def locations(request, activity):
    """A Place with its postal address, a VirtualLocation, or both for a mixed activity."""
    found = []
    if activity.street_address or not activity.is_online:
        place = {
            "@type": "Place",
            "name": activity.location_name or activity.city,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": activity.street_address,
                "postalCode": activity.postcode,
                "addressLocality": activity.city,
                "addressRegion": activity.get_province_display() if activity.province else "",
                "addressCountry": "NL",
            },
        }
        if activity.has_coordinates():
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(activity.latitude),
                "longitude": float(activity.longitude),
            }
        found.append(place)
    if activity.is_online:
        url = activity.registration_url or full_url(request, activity)
        found.append({"@type": "VirtualLocation", "url": url})
    return found[0] if len(found) == 1 else found


def organizer(request, team, home):
    if team is not None:
        return {"@type": "Organization", "name": team.title, "url": full_url(request, team)}
    return organization_data(request, home)


def offers(request, activity):
    """One offer: free, or the first amount in the price text (in euros)."""
    price = "0"
    if activity.cost == ActivityPage.Cost.PAID:
        match = PRICE.search(activity.price)
        price = match.group(1).replace(",", ".") if match else None
    offer = {
        "@type": "Offer",
        "url": activity.registration_url or full_url(request, activity),
        "priceCurrency": "EUR",
        "availability": SCHEMA + ("SoldOut" if activity.cancelled else "InStock"),
        "validFrom": activity.first_published_at.isoformat()
        if activity.first_published_at
        else None,
    }
    if price is not None:
        offer["price"] = price
    if activity.cost == ActivityPage.Cost.PAID and activity.price:
        offer["description"] = activity.price
    return {key: value for key, value in offer.items() if value is not None}


def event(request, activity, team, home):
    image = share_image(activity, request)
    edition = edition_of(activity)
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": activity.title,
        "description": description_of(activity)
        if (activity.search_description or activity.introduction)
        else (strip_tags(activity.description).strip()[:500] or description_of(activity)),
        "url": full_url(request, activity),
        "startDate": activity.local_start.isoformat(),
        "endDate": activity.local_end.isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if activity.cancelled else "EventScheduled"),
        "eventAttendanceMode": attendance_mode(activity),
        "location": locations(request, activity),
        "image": [absolute(request, image["url"])],
        "organizer": organizer(request, team, home),
        "isAccessibleForFree": activity.cost == ActivityPage.Cost.FREE,
        "offers": offers(request, activity),
        "inLanguage": translation.get_language(),
    }
    if team is not None:
        data["performer"] = {"@type": "PerformingGroup", "name": team.title}
    if activity.capacity:
        data["maximumAttendeeCapacity"] = activity.capacity
    if activity.signup_on_site and activity.capacity:
        data["remainingAttendeeCapacity"] = activity.remaining_places()
    if isinstance(edition, EditionPage) and edition.live:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": edition.title,
            "url": full_url(request, edition),
        }
    return data
