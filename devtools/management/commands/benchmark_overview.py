import datetime
import itertools

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from activities.models import ActivityPage
from devtools.timing import Timings
from editions.models import EditionPage

# Typical visits: no filters, one filter, filters combined, a later page, the map.
REQUESTS = [
    {},
    {"province": "utrecht"},
    {"place": "zwolle", "free": "on"},
    {"day": "{second_day}", "kind": "meal", "online": "no"},
    {"target_group": "everyone", "sort": "latest", "page": "5"},
    {"place": "35"},
    {"view": "map", "province": "noord-holland"},
]


class Command(BaseCommand):
    filter_sets = REQUESTS
    help = (
        "Time the activity overview of an edition (p50/p95 over requests with filters). Adds "
        "generated activities to the edition first when it has fewer than --activities."
    )

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, default=5000, help="At least this many.")
        parser.add_argument("--requests", type=int, default=70, help="How many timed requests.")
        parser.add_argument("--edition", type=int, help="Year of the edition; default the newest.")

    def handle(self, *args, activities, requests, edition, **options):
        edition_page = self.edition(edition)
        self.top_up(edition_page, activities)
        count = ActivityPage.objects.live().child_of(edition_page).count()
        url = f"{edition_page.get_url()}activiteiten/"
        client = Client(HTTP_HOST="localhost")
        # Time the rendering itself: the full-page cache would replay repeated requests.
        with override_settings(PAGE_CACHE_ENABLED=False):
            client.get(url)  # warm caches (content types, locales, templates)
            timings, queries = self.measure(client, url, edition_page, requests)
        self.stdout.write(
            f"{edition_page.title}: {count} published activities, {connection.vendor}, "
            f"{requests} requests over {len(self.filter_sets)} filter combinations\n"
            f"overview render time: {timings.summary()}; "
            f"queries per request: {min(queries)} to {max(queries)}"
        )

    def edition(self, year):
        editions = EditionPage.objects.live().order_by("-year")
        found = editions.filter(year=year).first() if year else editions.first()
        if found is None:
            raise CommandError("No published edition: run load_demo_content first.")
        return found

    def top_up(self, edition, wanted):
        missing = wanted - ActivityPage.objects.child_of(edition).count()
        if missing > 0:
            self.stdout.write(f"Generating {missing} activities…")
            call_command("generate_activities", missing, edition=edition.year, stdout=self.stdout)

    def measure(self, client, url, edition, total):
        second_day = (edition.start_date + datetime.timedelta(days=1)).isoformat()
        timings, queries = Timings(), []
        for params in itertools.islice(itertools.cycle(self.filter_sets), total):
            params = {key: value.format(second_day=second_day) for key, value in params.items()}
            with CaptureQueriesContext(connection) as captured, timings.run():
                response = client.get(url, params)
            if response.status_code != 200:
                raise CommandError(f"{url} {params} answered {response.status_code}.")
            queries.append(len(captured.captured_queries))
        return timings, queries
