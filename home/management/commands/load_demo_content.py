from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

# Each module has a load(home) function that creates its demo content once.
DEMO_LOADERS = [
    "editions.demo",
    "teams.demo",
    "activities.demo",
    "ideas.demo",
    "stories.demo",
]
# Runs after every loader and after the home page links to them: it translates finished pages.
TRANSLATION_LOADER = "localization.demo"


class Command(BaseCommand):
    help = "Load the demo content (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        from home import demo as home_demo

        with transaction.atomic():
            home = home_demo.load()
            for module_path in DEMO_LOADERS:
                import_module(module_path).load(home)
            home_demo.link_featured(home)
            import_module(TRANSLATION_LOADER).load(home)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
