"""Audience was the name of who organises an idea: it is Organiser now, and IdeaPage.audiences
is IdeaPage.organisers. The target group of an idea uses the list activities use
(core/target_groups.py): "families" is "children" ("children and families").

The permissions on the renamed snippet get the new name, so every role keeps its rights, and the
drafts, history and translation sources of ideas follow the renamed field and value.
"""

from django.conf import settings
from django.db import migrations, models

from core.migrating import reversed_changes, rewrite_content
from moderation.moves import move_content_type, rename_permissions

IDEA_CHANGES = {
    "renamed": {"audiences": "organisers"},
    "values": {"target_group": {"families": "children"}},
}


def permissions_forwards(apps, schema_editor):
    # Django renamed the content type with the model, unless one for "organiser" existed already.
    move_content_type(apps, "ideas.audience", "ideas.organiser")
    rename_permissions(apps, "ideas.organiser", "audience", "organiser")


def permissions_backwards(apps, schema_editor):
    # Runs before the content type gets its old name back (Django renames it with the model).
    rename_permissions(apps, "ideas.organiser", "organiser", "audience")


def content_forwards(apps, schema_editor):
    rewrite_content(apps, "ideas.ideapage", **IDEA_CHANGES)


def content_backwards(apps, schema_editor):
    rewrite_content(apps, "ideas.ideapage", **reversed_changes(**IDEA_CHANGES))


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0003_moderated_snippets"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(old_name="Audience", new_name="Organiser"),
        migrations.RemoveConstraint(
            model_name="organiser", name="unique_audience_slug_per_locale"
        ),
        migrations.AddConstraint(
            model_name="organiser",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_organiser_slug_per_locale"
            ),
        ),
        migrations.RenameField(
            model_name="ideapage", old_name="audiences", new_name="organisers"
        ),
        migrations.AlterField(
            model_name="ideapage",
            name="target_group",
            field=models.CharField(
                choices=[
                    ("everyone", "Everyone"),
                    ("neighbours", "Neighbours"),
                    ("elderly", "Older people"),
                    ("youth", "Young people"),
                    ("children", "Children and families"),
                    ("colleagues", "Colleagues"),
                    ("people_alone", "People who are often alone"),
                    ("newcomers", "Newcomers"),
                ],
                default="everyone",
                help_text="The people this idea is meant for.",
                max_length=20,
                verbose_name="suitable for",
            ),
        ),
        migrations.RunPython(permissions_forwards, permissions_backwards),
        migrations.RunPython(content_forwards, content_backwards),
    ]
