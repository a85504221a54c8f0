from django.core.management.base import BaseCommand, CommandError

from activities.models import ActivityPage
from core.page_cache import invalidate
from devtools.bulk import GENERATED_SLUG_PREFIX, bulk_add_live_children, next_generated_number
from devtools.demo.activities import activity_for, seeded_random
from devtools.timing import Stopwatch
from editions.models import EditionPage


class Command(BaseCommand):
    help = (
        "Add N live generated activities to an edition, for benchmarks. Additive: every run adds N "
        f"more, numbered on after the highest existing '{GENERATED_SLUG_PREFIX}<number>' slug. "
        "Run update_index afterwards if search should find them."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many activities to add.")
        parser.add_argument("--edition", type=int, help="Year of the edition; default the newest.")

    def handle(self, *args, count, edition, **options):
        if count < 1:
            raise CommandError("N must be at least 1.")
        edition_page = self.edition(edition)
        first_number = next_generated_number(ActivityPage.objects.child_of(edition_page))
        rng = seeded_random("generated", edition_page.year, first_number)
        with Stopwatch() as watch:
            activities = []
            for number in range(first_number, first_number + count):
                activity = activity_for(edition_page, rng)
                activity.slug = f"{GENERATED_SLUG_PREFIX}{number}"
                activity.title = f"{activity.title} ({number})"
                activities.append(activity)
            bulk_add_live_children(edition_page, activities)
        invalidate()  # bulk insertion sends no signal: counts kept until content changes
        self.stdout.write(
            f"Added {count} activities to {edition_page.title} in {watch.seconds:.2f} s "
            f"({count / watch.seconds:.0f} per second)."
        )

    def edition(self, year):
        editions = EditionPage.objects.order_by("-year")
        found = editions.filter(year=year).first() if year else editions.first()
        if found is None:
            raise CommandError(f"No edition found for {year or 'any year'}.")
        return found
