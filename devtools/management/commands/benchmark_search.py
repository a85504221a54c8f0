"""Search latency on generated content, in a scratch database that is dropped afterwards.

    DATABASE_URL=postgres://… python manage.py benchmark_search --pages 10000

The command creates ``<database>_benchmark`` next to the configured database (like Django's test
runner), migrates it, generates N edition pages (alternately Dutch and English) with Zipf-distributed
words, indexes them in bulk and times the site search (facet counts, first results page, promotions
and, for a search without results, the spelling-tolerant fallback) for a fixed set of queries.
"""

import datetime
import random

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from devtools.bulk import bulk_add_live_children
from devtools.management.commands.benchmark_overview import as_app_servers_collect
from devtools.timing import Stopwatch, Timings
from editions.models import EditionIndexPage, EditionPage
from home.models import HomePage
from search.service import SearchFilters, SiteSearch

COMMON_WORDS = (
    "samen buren wijk koffie wandeling verbinding eenzaamheid ontmoeten activiteit school "
    "vereniging sport muziek eten maaltijd straat dorp stad gesprek luisteren helpen vrijwilliger "
    "ouderen jongeren kinderen familie vriendschap buurthuis bibliotheek kerk markt plein park "
    "fiets wandelen koken zingen spelen lezen schrijven kaart brief bezoek thee taart soep "
    "december week avond middag ochtend feest lichtjes kerst winter samenkomen delen geven"
).split()
SYNTHETIC_WORDS = 3000
TITLE_WORDS = (3, 6)
INTRO_WORDS = (15, 30)
BODY_WORDS = (60, 120)
QUERIES = [
    "samen",
    "wandeling",
    "wandelingen",
    "buren koffie",
    "vrijwilliger ouderen",
    "woord150",
    "woord2500",
    "verbindnig",
    "xyzzy onbekend",
]
CHUNK = 1000
YEARS = 8000


class Words:
    """Zipf-distributed words: a few very common ones and a long tail, like real text."""

    def __init__(self, seed):
        self.random = random.Random(seed)
        self.vocabulary = COMMON_WORDS + [f"woord{n}" for n in range(SYNTHETIC_WORDS)]
        self.weights = [1 / rank for rank in range(1, len(self.vocabulary) + 1)]

    def text(self, bounds):
        count = self.random.randint(*bounds)
        return " ".join(self.random.choices(self.vocabulary, self.weights, k=count))


class Command(BaseCommand):
    help = "Time the site search on N generated pages in a scratch PostgreSQL database."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=1000)
        parser.add_argument("--repeat", type=int, default=20, help="Timed runs per query.")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--keep", action="store_true", help="Keep the scratch database (for inspection)."
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Time the searches again on the scratch database a run with --keep left "
            "(migrated to the current code first), without generating pages.",
        )
        parser.add_argument(
            "--no-fragment-cache",
            action="store_true",
            help="Turn the page cache off, so that what searches share until content changes "
            "(the current edition and its place names, for place pages among the results) is "
            "looked up on each search too. By default it is kept, as on the site; the search "
            "itself is never cached here.",
        )

    def handle(self, *args, pages, repeat, seed, keep, reuse, no_fragment_cache, **options):
        self.keeps_fragments = not no_fragment_cache
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark measures PostgreSQL full-text search: set DATABASE_URL."
            )
        original_name = connection.settings_dict["NAME"]
        if reuse:
            self.measure_again(f"{original_name}_benchmark", repeat)
            return
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{original_name}_benchmark"
        self.stdout.write(f"Creating scratch database {original_name}_benchmark …")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self.run_benchmark(pages, repeat, seed)
        finally:
            if not keep:
                connection.creation.destroy_test_db(original_name, verbosity=0)

    def measure_again(self, name, repeat):
        connection.close()
        connection.settings_dict["NAME"] = name
        call_command("migrate", verbosity=0)
        pages = EditionPage.objects.count()
        self.stdout.write(f"Reusing {name}: {pages} pages")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.measure(repeat)

    def run_benchmark(self, pages, repeat, seed):
        with Stopwatch() as watch, translation.override("nl"):
            indexes = self.make_site()
            self.generate(indexes, pages, Words(seed))
        self.stdout.write(f"Loaded and indexed {pages} pages in {watch.seconds:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.measure(repeat)

    def make_site(self):
        root = Page.get_first_root_node()
        indexes = []
        for language_code in ("nl", "en"):
            locale, _created = Locale.objects.get_or_create(language_code=language_code)
            home = root.add_child(
                instance=HomePage(
                    title=f"Home {language_code}", slug=f"home-{language_code}", locale=locale
                )
            )
            index = home.add_child(
                instance=EditionIndexPage(title="Edities", slug="edities", locale=locale)
            )
            if language_code == "nl":
                Site.objects.all().delete()
                Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
            indexes.append(index)
        return indexes

    def generate(self, indexes, count, words):
        backend = get_search_backend()
        made = 0
        for start in range(0, count, CHUNK):
            batches = {index.pk: [] for index in indexes}
            for number in range(start, min(start + CHUNK, count)):
                index = indexes[number % len(indexes)]
                made += 1
                batches[index.pk].append(self.edition(made, words))
            with transaction.atomic():
                for index in indexes:
                    pages = bulk_add_live_children(index, batches[index.pk])
                    backend.add_bulk(EditionPage, pages)
            self.stdout.write(f"  {min(start + CHUNK, count)} pages", ending="\r")
        self.stdout.write("")

    def edition(self, number, words):
        title = words.text(TITLE_WORDS).capitalize()
        year = 1000 + number % YEARS  # repeats beyond YEARS pages: dates end at 9999
        return EditionPage(
            title=title,
            slug=f"pagina-{number}",
            year=year,
            start_date=datetime.date(year, 12, 1),
            end_date=datetime.date(year, 12, 7),
            introduction=words.text(INTRO_WORDS),
            reason=f"<p>{words.text(BODY_WORDS)}</p>",
        )

    @override_settings(PAGE_CACHE_ENABLED=True)  # as in production: kept parts (core.page_cache)
    def measure(self, repeat):
        site_search = SiteSearch(Locale.objects.get(language_code="nl"))
        all_timings = Timings()
        self.stdout.write(f"{'query':<24}{'results':>8}{'p50 ms':>10}{'p95 ms':>10}")
        self.stdout.write(
            "page cache on, what searches share kept" if self.keeps_fragments else "page cache off"
        )
        with translation.override("nl"), override_settings(PAGE_CACHE_ENABLED=self.keeps_fragments):
            site_search.run(QUERIES[0], SearchFilters())  # warm up
            as_app_servers_collect()
            for query in QUERIES:
                outcome = site_search.run(query, SearchFilters())
                timings = Timings()
                for _ in range(repeat):
                    with timings.run():
                        site_search.run(query, SearchFilters())
                all_timings.extend(timings)
                self.write_line(query, outcome.total, timings)
        self.write_line("all queries", "", all_timings)

    def write_line(self, label, results, timings):
        self.stdout.write(
            f"{label:<24}{results:>8}{timings.percentile(50):>10.1f}{timings.percentile(95):>10.1f}"
        )
