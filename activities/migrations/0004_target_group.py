"""ActivityPage.audience is ActivityPage.target_group: who the activity is meant for, from the
list ideas use too (core/target_groups.py). Drafts, history and translation sources follow."""

from django.db import migrations

from core.migrating import reversed_changes, rewrite_content

RENAMED = {"renamed": {"audience": "target_group"}}


def forwards(apps, schema_editor):
    rewrite_content(apps, "activities.activitypage", **RENAMED)


def backwards(apps, schema_editor):
    rewrite_content(apps, "activities.activitypage", **reversed_changes(**RENAMED))


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0003_coordinates"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField(
            model_name="activitypage", old_name="audience", new_name="target_group"
        ),
        migrations.RunPython(forwards, backwards),
    ]
