"""Story has moved to the stories app (stories/migrations/0001_initial.py renames its table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0003_rate_limit_counter"),
        ("stories", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Story")],
        ),
    ]
