"""Editorial roles and the "Redactionele review" workflow, defined in moderation.roles."""

from django.db import migrations

from moderation.roles import (
    TASK_NAME,
    TEAM_EDITORS,
    TRANSLATORS,
    WAGTAIL_DEFAULT_WORKFLOW,
    WORKFLOW_NAME,
    setup_roles,
)


def forwards(apps, schema_editor):
    setup_roles(apps)


def backwards(apps, schema_editor):
    """Give the root page back to Wagtail's default workflow and drop the groups we added."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    Group = apps.get_model("auth", "Group")
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    Task.objects.filter(name=TASK_NAME).update(active=False)
    if default is not None:
        default.active = True
        default.save()
        WorkflowPage.objects.update_or_create(
            page=Page.objects.get(depth=1), defaults={"workflow": default}
        )
    Group.objects.filter(name__in=[TRANSLATORS, TEAM_EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
