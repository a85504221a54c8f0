"""Story moves here from submissions: same rows, the table renamed, and its content type moved
along, so the Moderators keep their rights on stories and the admin's history stays."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from moderation.moves import move_content_type


def forwards(apps, schema_editor):
    move_content_type(apps, "submissions.story", "stories.story")


def backwards(apps, schema_editor):
    move_content_type(apps, "stories.story", "submissions.story")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("submissions", "0003_rate_limit_counter"),
        ("editions", "0003_moderated_partner"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Story",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(
                                blank=True,
                                help_text=(
                                    "Only used to confirm receipt and to tell the sender "
                                    "the decision. Never shown."
                                ),
                                max_length=254,
                                verbose_name="email address",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for review"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                ],
                                db_index=True,
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "rejection_reason",
                            models.TextField(
                                blank=True,
                                help_text=(
                                    "Required when rejecting. "
                                    "Emailed to the sender if they gave an email address."
                                ),
                                verbose_name="reason for rejection",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                default="nl", editable=False, max_length=10, verbose_name="language"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="sent at"
                            ),
                        ),
                        (
                            "moderated_at",
                            models.DateTimeField(
                                blank=True, editable=False, null=True, verbose_name="reviewed at"
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text="Shown above the story.",
                                max_length=80,
                                verbose_name="name or nickname",
                            ),
                        ),
                        ("text", models.TextField(max_length=1500, verbose_name="story")),
                        (
                            "photo",
                            models.ImageField(
                                blank=True,
                                help_text=(
                                    "Re-encoded on upload: "
                                    "no location or camera data is kept."
                                ),
                                upload_to="stories/%Y/",
                                verbose_name="photo",
                            ),
                        ),
                        (
                            "photo_description",
                            models.CharField(
                                blank=True,
                                help_text="What the photo shows, for people who cannot see it.",
                                max_length=200,
                                verbose_name="photo description",
                            ),
                        ),
                        (
                            "edition",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="stories",
                                to="editions.editionpage",
                                verbose_name="edition",
                            ),
                        ),
                        (
                            "moderated_by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="reviewed by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "story",
                        "verbose_name_plural": "stories",
                        "ordering": ["-created_at"],
                        "abstract": False,
                        "db_table": "submissions_story",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="story", table=None),
        migrations.RunPython(forwards, backwards),
    ]
