"""Team editors upload images (their team's photo or logo): the roles again, as moderation.roles
says."""

from django.db import migrations

from moderation.roles import setup_roles


def forwards(apps, schema_editor):
    setup_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0003_organisers_and_stories")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
