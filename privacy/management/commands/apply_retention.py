from django.core.management.base import BaseCommand

from privacy.retention import apply_retention


class Command(BaseCommand):
    help = "Delete or empty the personal data that is past its retention period (see privacy/)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count, per register entry, what would go."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = apply_retention(dry_run=dry_run)
        verb = "would be ended" if dry_run else "ended"
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count} {verb}")
