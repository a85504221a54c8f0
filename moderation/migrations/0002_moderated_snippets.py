"""Snippet permissions for the roles and the review workflow on themes, organisers and partners."""

from django.db import migrations

from moderation.roles import MODERATED_SNIPPETS, setup_roles


def forwards(apps, schema_editor):
    setup_roles(apps)


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for name in MODERATED_SNIPPETS:
        app_label, model = name.split(".")
        WorkflowContentType.objects.filter(
            content_type__in=ContentType.objects.filter(app_label=app_label, model=model)
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_roles_and_review_workflow"),
        ("ideas", "0003_moderated_snippets"),
        ("editions", "0003_moderated_partner"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
