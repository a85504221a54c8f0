from collections import Counter

from django.core.management.base import BaseCommand

from activities.geocoding import locate
from activities.models import ActivityPage
from places.geocoders import configured_geocoder

Status = ActivityPage.LocationStatus


class Command(BaseCommand):
    help = (
        "Look up the coordinates of activities with an address (PLACES_GEOCODER), as the "
        "background job does after a save. Pins placed by hand are kept, and so are "
        "coordinates typed in before addresses were looked up."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only-missing",
            action="store_true",
            help="Only those without coordinates (not looked up yet, or not found before); "
            "without it, also those found before (to refine them after switching to PDOK).",
        )

    def handle(self, *args, only_missing, **options):
        activities = ActivityPage.objects.filter(is_online=False).exclude(postcode="")
        activities = activities.exclude(location_status=Status.MANUAL).exclude(
            location_status="", latitude__isnull=False
        )
        if only_missing:
            activities = activities.filter(latitude__isnull=True)
        geocoder = configured_geocoder()
        outcomes = Counter(locate(activity, geocoder) for activity in activities.iterator())
        found = ", ".join(f"{Status(status).label}: {count}" for status, count in outcomes.items())
        self.stdout.write(f"Looked up {outcomes.total()} activities. {found}".strip())
