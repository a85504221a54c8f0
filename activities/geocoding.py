"""Coordinates for every activity with an address, looked up in a background job after a save.

ActivityPage.prepare_location() marks an activity whose address changed as pending; its save()
queues locate_activity when the transaction commits, so neither the public form nor the admin
waits for the geocoder (places.geocoders: the postcode table, or PDOK with the table behind it).
The job writes the outcome on the page's row, without a revision, only while the address is
still the one it looked up and nobody placed the pin by hand; ActivityPage.with_content_json()
gives it to revisions saved before. A failed lookup leaves the coordinates empty and the status
"failed": Reports → Activities without a location lists them for moderators.
"""

from decimal import Decimal

from django.db import transaction
from django_tasks import task

from core.page_cache import invalidate
from places.geocoders import ADDRESS, configured_geocoder

from .models import ActivityPage

Status = ActivityPage.LocationStatus
DEGREES = Decimal("0.00001")


def locate_after_commit(activity):
    page_id = activity.pk
    transaction.on_commit(lambda: locate_activity.enqueue(page_id), robust=True)


@task()
def locate_activity(page_id):
    activity = ActivityPage.objects.filter(pk=page_id, location_status=Status.PENDING).first()
    if activity is None:
        return "nothing to look up"
    return locate(activity)


def locate(activity, geocoder=None):
    """Look up the activity's address and store the outcome; returns the new status."""
    geocoder = geocoder or configured_geocoder()
    outcome = location_fields(geocoder.locate(activity.postcode, activity.house_number()))
    same_address = ActivityPage.objects.filter(
        pk=activity.pk, postcode=activity.postcode, street_address=activity.street_address
    ).exclude(location_status=Status.MANUAL)
    if same_address.update(geocoded_for=activity.address_key(), **outcome):
        invalidate()  # the overview, its map and the exports show the new position
    return outcome["location_status"]


def location_fields(location):
    """The page's coordinate and status fields for what a geocoder found (None: nothing)."""
    if location is None:
        return {"latitude": None, "longitude": None, "location_status": Status.FAILED}
    return {
        "latitude": Decimal(str(location.point.latitude)).quantize(DEGREES),
        "longitude": Decimal(str(location.point.longitude)).quantize(DEGREES),
        "location_status": Status.ADDRESS if location.precision == ADDRESS else Status.POSTCODE,
    }
