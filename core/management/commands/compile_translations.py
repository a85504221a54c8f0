from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


def project_locale_dirs():
    """LOCALE_PATHS plus the locale/ folder of each of the project's own apps."""
    base = Path(settings.BASE_DIR)
    own_apps = [
        Path(app.path)
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(base) and ".venv" not in Path(app.path).parts
    ]
    return [*map(Path, settings.LOCALE_PATHS), *(path / "locale" for path in own_apps)]


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo (like compilemessages, without GNU gettext)."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in project_locale_dirs():
            for po_path in locale_dir.glob("*/LC_MESSAGES/*.po"):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Compiled {count} translation file(s).")
