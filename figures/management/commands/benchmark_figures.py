import itertools
import time

from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from activities.management.commands.benchmark_overview import Command as OverviewBenchmark
from activities.management.commands.benchmark_overview import percentile
from activities.models import ActivityPage

# The figures page and its two downloads, in Dutch.
ROUTES = ("cijfers/", "cijfers/csv/", "cijfers/json/")


class Command(OverviewBenchmark):
    help = (
        "Time the week in numbers of an edition uncached (p50/p95 of the page, its CSV and its "
        "JSON). Adds generated activities to the edition first when it has fewer than "
        "--activities."
    )

    def handle(self, *args, activities, requests, edition, **options):
        edition_page = self.edition(edition)
        self.top_up(edition_page, activities)
        count = ActivityPage.objects.live().child_of(edition_page).count()
        client = Client(HTTP_HOST="localhost")
        base = edition_page.get_url()
        # Uncached: without the page cache, the figures are counted afresh on every request.
        with override_settings(PAGE_CACHE_ENABLED=False):
            for route in ROUTES:
                client.get(base + route)  # warm up (content types, locales, templates)
            results = {route: self.time_route(client, base + route, requests) for route in ROUTES}
        self.stdout.write(
            f"{edition_page.title}: {count} published activities, {connection.vendor}, "
            f"{requests} uncached requests per address"
        )
        for route, (timings, queries) in results.items():
            self.stdout.write(
                f"{route:14} p50 {percentile(timings, 50):.1f} ms, "
                f"p95 {percentile(timings, 95):.1f} ms, max {max(timings):.1f} ms; "
                f"queries per request: {min(queries)} to {max(queries)}"
            )

    def time_route(self, client, url, total):
        timings, queries = [], []
        for _number in itertools.repeat(None, total):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}.")
            queries.append(len(captured.captured_queries))
        return timings, queries
