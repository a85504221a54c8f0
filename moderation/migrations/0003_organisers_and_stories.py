"""The roles again after the Audience snippet became Organiser and stories got their own app:
their permissions were renamed and moved by those migrations; this one checks every group holds
exactly what moderation.roles says."""

from django.db import migrations

from moderation.roles import setup_roles


def forwards(apps, schema_editor):
    setup_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_moderated_snippets"),
        ("ideas", "0004_organiser_and_shared_target_groups"),
        ("stories", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
