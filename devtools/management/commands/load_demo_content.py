from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from devtools.demo import loader


class Command(BaseCommand):
    help = (
        "Load the demo content from devtools/demo/data/ (idempotent: running it again changes "
        "nothing)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            loader.load()
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
