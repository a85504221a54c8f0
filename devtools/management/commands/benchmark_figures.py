"""Time the week in numbers, a place page and a partner page of an edition, uncached."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from activities.models import ActivityPage
from core.page_cache import invalidate
from devtools.timing import Stopwatch, Timings
from figures.kept import edition_places, recount_figures
from figures.partners import edition_partner_slugs

from .benchmark_overview import Command as OverviewBenchmark

# The figures page and its downloads, in Dutch; the busiest place and the first partner follow.
ROUTES = ["cijfers/", "cijfers/csv/", "cijfers/json/"]


class Command(OverviewBenchmark):
    help = (
        "Time the week in numbers of an edition uncached (p50/p95 of the page, its CSV and JSON, "
        "the busiest place page and a partner page), with the figures kept in the database, and "
        "one recount of the kept figures. Adds generated activities to the edition first when "
        "it has fewer than --activities."
    )

    def handle(self, *args, activities, requests, edition, no_fragment_cache, **options):
        edition_page = self.edition(edition)
        self.top_up(edition_page, activities)
        count = ActivityPage.objects.live().child_of(edition_page).count()
        client = Client(HTTP_HOST="localhost")
        base = edition_page.get_url()
        # Uncached: each page is removed from the page cache before it is asked for (or the page
        # cache is off); the figures are read from the database as kept after the last change
        # (the first request counts them).
        self.keeps_fragments = not no_fragment_cache
        with override_settings(PAGE_CACHE_ENABLED=self.keeps_fragments):
            routes = [*ROUTES, *self.place_and_partner(edition_page)]
            for route in routes:
                self.get(client, base + route)  # warm up and keep the figures
            results = {route: self.time_route(client, base + route, requests) for route in routes}
            recount = self.time_recount()
        self.stdout.write(
            f"{edition_page.title}: {count} published activities, {connection.vendor}, "
            f"{requests} uncached requests per address, {self.cache_mode()}"
        )
        for route, (timings, queries) in results.items():
            self.stdout.write(
                f"{route:24} {timings.summary()}; queries per request: "
                f"{min(queries)} to {max(queries)}"
            )
        self.stdout.write(f"recount of the kept figures after a change: {recount:.0f} ms")

    def place_and_partner(self, edition):
        places = sorted(edition_places(edition).values(), key=lambda place: -place.activities)
        routes = [f"plaatsen/{places[0].slug}/"] if places else []
        partners = edition_partner_slugs(edition)
        return routes + [f"partners/{partners[0]}/"] if partners else routes

    def get(self, client, url):
        self.check_uncached(client.get(url), url)

    def time_route(self, client, url, total):
        timings, queries = Timings(), []
        forget_page = self.page_forgetter(url)
        for _number in range(total):
            forget_page()
            with CaptureQueriesContext(connection) as captured, timings.run():
                self.get(client, url)
            queries.append(len(captured.captured_queries))
        return timings, queries

    def time_recount(self):
        """What the job queued after a change costs (outside any request)."""
        invalidate()
        with Stopwatch() as watch:
            recount_figures.call()
        return watch.milliseconds
