from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from devtools.bulk import GENERATED_SLUG_PREFIX, next_generated_number
from devtools.timing import Stopwatch


class Command(BaseCommand):
    help = (
        "Add N live copies of the existing pages of one page type, for benchmarks, e.g. "
        "`generate_pages ideas.IdeaPage 500`. Each copy keeps its original's parent, fields, "
        f"themes and inline items, and gets the slug '{GENERATED_SLUG_PREFIX}<number>'. Additive."
    )

    def add_arguments(self, parser):
        parser.add_argument("model", help="app_label.ModelName of a page type.")
        parser.add_argument("count", type=int, help="How many pages to add.")

    def handle(self, *args, model, count, **options):
        page_model = self.page_model(model)
        originals = list(
            page_model.objects.live()
            .filter(locale=Locale.get_default(), alias_of__isnull=True)
            .exclude(slug__startswith=GENERATED_SLUG_PREFIX)
            .order_by("path")
        )
        if not originals:
            raise CommandError(f"No live {model} pages to copy: load the demo content first.")
        first_number = next_generated_number(page_model.objects.all())
        with Stopwatch() as watch:
            for number in range(first_number, first_number + count):
                original = originals[number % len(originals)]
                original.copy(
                    update_attrs={
                        "title": f"{original.title} ({number})",
                        "slug": f"{GENERATED_SLUG_PREFIX}{number}",
                    },
                    keep_live=True,
                    copy_revisions=False,
                    log_action=None,
                )
        self.stdout.write(f"Added {count} {model} pages in {watch.seconds:.1f} s.")

    def page_model(self, label):
        try:
            return apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise CommandError(f"Unknown page type {label!r}.") from error
