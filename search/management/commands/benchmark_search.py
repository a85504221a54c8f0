"""Search latency on generated content, in a scratch database that is dropped afterwards.

    DATABASE_URL=postgres://… python manage.py benchmark_search --pages 10000

The command creates ``<database>_benchmark`` next to the configured database (like Django's test
runner), migrates it, generates N edition pages (alternately Dutch and English) with Zipf-distributed
words, indexes them in bulk and times the site search (facet counts, first results page, promotions
and, for a search without results, the spelling-tolerant fallback) for a fixed set of queries.
"""

import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

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
STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def path_step(number, length=4):
    digits = []
    for _ in range(length):
        number, digit = divmod(number, len(STEP_ALPHABET))
        digits.append(STEP_ALPHABET[digit])
    return "".join(reversed(digits))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


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

    def handle(self, *args, pages, repeat, seed, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark measures PostgreSQL full-text search: set DATABASE_URL."
            )
        original_name = connection.settings_dict["NAME"]
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{original_name}_benchmark"
        self.stdout.write(f"Creating scratch database {original_name}_benchmark …")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self.run_benchmark(pages, repeat, seed)
        finally:
            if not keep:
                connection.creation.destroy_test_db(original_name, verbosity=0)

    def run_benchmark(self, pages, repeat, seed):
        started = time.perf_counter()
        with translation.override("nl"):
            indexes = self.make_site()
            self.generate(indexes, pages, Words(seed))
        self.stdout.write(
            f"Loaded and indexed {pages} pages in {time.perf_counter() - started:.1f} s"
        )
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
        content_type = ContentType.objects.get_for_model(EditionPage)
        backend = get_search_backend()
        per_index = {index.pk: 0 for index in indexes}
        for start in range(0, count, CHUNK):
            batch = []
            for number in range(start, min(start + CHUNK, count)):
                index = indexes[number % len(indexes)]
                per_index[index.pk] += 1
                batch.append(self.page_row(index, per_index[index.pk], content_type, words))
            with transaction.atomic():
                created = Page.objects.bulk_create([page for page, _fields in batch])
                for base, (_page, fields) in zip(created, batch, strict=True):
                    EditionPage(page_ptr=base, **base_fields(base), **fields).save_base(
                        raw=True, force_insert=True
                    )
                backend.add_bulk(
                    EditionPage, list(EditionPage.objects.filter(pk__in=[p.pk for p in created]))
                )
            self.stdout.write(f"  {min(start + CHUNK, count)} pages", ending="\r")
        for index in indexes:
            Page.objects.filter(pk=index.pk).update(numchild=per_index[index.pk])
        self.stdout.write("")

    def page_row(self, index, number, content_type, words):
        title = words.text(TITLE_WORDS).capitalize()
        slug = f"pagina-{number}"
        now = timezone.now()
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=index.path + path_step(number),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        year = 1000 + number % YEARS  # repeats beyond YEARS pages: dates end at 9999
        fields = {
            "year": year,
            "start_date": timezone.datetime(year, 12, 1).date(),
            "end_date": timezone.datetime(year, 12, 7).date(),
            "introduction": words.text(INTRO_WORDS),
            "reason": f"<p>{words.text(BODY_WORDS)}</p>",
        }
        return page, fields

    def measure(self, repeat):
        site_search = SiteSearch(Locale.objects.get(language_code="nl"))
        all_timings = []
        self.stdout.write(f"{'query':<24}{'results':>8}{'p50 ms':>10}{'p95 ms':>10}")
        with translation.override("nl"):
            for query in QUERIES:
                outcome = site_search.run(query, SearchFilters())
                timings = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    site_search.run(query, SearchFilters())
                    timings.append((time.perf_counter() - started) * 1000)
                all_timings.extend(timings)
                self.stdout.write(
                    f"{query:<24}{outcome.total:>8}{percentile(timings, 0.5):>10.1f}"
                    f"{percentile(timings, 0.95):>10.1f}"
                )
        self.stdout.write(
            f"{'all queries':<24}{'':>8}{percentile(all_timings, 0.5):>10.1f}"
            f"{percentile(all_timings, 0.95):>10.1f}"
        )


def base_fields(page):
    """The parent's field values, which a raw save of the child row must carry along."""
    return {field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}
