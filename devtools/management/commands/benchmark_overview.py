import datetime
import itertools
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings

from activities.models import ActivityPage
from devtools.timing import Timings
from editions.models import EditionPage
from operations.cache import STATUS_HEADER, address_key
from operations.garbage_collection import collect_less_often, freeze_loaded_objects

MAP_DATA = "map/"  # the markers of the map view, under the overview's address (map.js)

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


def as_app_servers_collect():
    """The garbage collector as gunicorn.conf.py sets it in a worker, for what is loaded now."""
    freeze_loaded_objects()
    collect_less_often()


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
        parser.add_argument(
            "--no-fragment-cache",
            action="store_true",
            help="Turn the whole page cache off, so that the parts every page repeats (menu, "
            "language links, place names) are computed on each request too. By default the page "
            "cache is on and the overview's own entry is removed before each request: a page "
            "that is not in the cache yet, as the first visitor after a change gets it.",
        )

    def handle(self, *args, activities, requests, edition, no_fragment_cache, **options):
        edition_page = self.edition(edition)
        self.top_up(edition_page, activities)
        count = ActivityPage.objects.live().child_of(edition_page).count()
        url = f"{edition_page.get_url()}activiteiten/"
        client = Client(HTTP_HOST="localhost")
        self.keeps_fragments = not no_fragment_cache
        self.forget_page = self.page_forgetter(url, url + MAP_DATA)
        # Time the rendering itself: the full-page cache would replay repeated requests.
        with override_settings(PAGE_CACHE_ENABLED=self.keeps_fragments):
            client.get(url)  # warm caches (content types, locales, templates)
            as_app_servers_collect()
            timings, queries, per_request = self.measure(client, url, edition_page, requests)
        for params, request_timings in per_request.items():
            self.stdout.write(f"  {params or '(no filters)'}: {request_timings.summary()}")
        self.stdout.write(
            f"{edition_page.title}: {count} published activities, {connection.vendor}, "
            f"{len(timings.values)} requests ({requests} pages and the map data of their map "
            f"views) over {len(self.filter_sets)} filter combinations\n"
            f"{self.cache_mode()}; "
            f"overview render time: {timings.summary()}; "
            f"queries per request: {min(queries)} to {max(queries)}"
        )

    def cache_mode(self):
        return "page not in the cache" if self.keeps_fragments else "page cache off"

    def page_forgetter(self, *urls):
        """A function that removes these addresses' entries from the page cache (every query
        string of them), leaving the site's other kept parts in place; nothing to remove when
        the page cache is off."""
        if not self.keeps_fragments:
            return lambda: None
        factory = RequestFactory(HTTP_HOST="localhost")
        keys = [address_key(factory.get(url)) for url in urls]
        return lambda: cache.delete_many(keys)

    @staticmethod
    def check_uncached(response, address):
        if response.status_code != 200:
            raise CommandError(f"{address} answered {response.status_code}.")
        if response.get(STATUS_HEADER) == "hit":
            raise CommandError(f"{address} came from the page cache.")

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
        """Each filter set in turn, the page not in the cache; a map view also fetches its
        markers (map.js does), timed as a request of its own under "<filters> map data"."""
        second_day = (edition.start_date + datetime.timedelta(days=1)).isoformat()
        timings, queries, per_request = Timings(), [], {}
        for params in itertools.islice(itertools.cycle(self.filter_sets), total):
            label = urlencode(params)
            params = {key: value.format(second_day=second_day) for key, value in params.items()}
            self.forget_page()
            requests = [(label, url, params)]
            if params.get("view") == "map":
                filters = {key: value for key, value in params.items() if key != "view"}
                requests.append((f"{label} map data", url + MAP_DATA, filters))
            for request_label, address, query in requests:
                with CaptureQueriesContext(connection) as captured, timings.run():
                    response = client.get(address, query)
                per_request.setdefault(request_label, Timings()).values.append(timings.values[-1])
                self.check_uncached(response, f"{address} {query}")
                queries.append(len(captured.captured_queries))
        return timings, queries, per_request
