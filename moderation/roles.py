"""The editorial roles and the review workflow: the one place that says who may do what.

setup_roles(apps) brings the database to exactly this definition. It runs in the data migration
(with historical models) and in `manage.py setup_roles` (with the real ones), and can run any
number of times: missing permissions come back, extra ones on these groups are removed.

Administrators are superusers (Wagtail gives them everything); there is no separate group.
"""

from dataclasses import dataclass, field

from django.conf import settings

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
TEAM_EDITORS = "Team editors"

WORKFLOW_NAME = "Redactionele review"
TASK_NAME = "Goedkeuring door moderatoren"
# Created by Wagtail's own migrations. Our workflow replaces it at the root page; it is deactivated
# (not deleted) so its history stays readable.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

ADMIN_ACCESS = "wagtailadmin.access_admin"

# Page permissions are granted on each top-level page of the tree (the home page of a language).
ALL_LANGUAGES = "all"
TRANSLATIONS_ONLY = "translations"

CHOOSE_MEDIA = ("choose_image", "choose_document")
UPLOAD_MEDIA = ("add_image", "add_document")
MANAGE_MEDIA = ("change_image", "delete_image", "change_document", "delete_document")

STORY_MODERATION = (
    "stories.view_story",
    "stories.change_story",
    "stories.delete_story",
)

# Snippets that go through the review workflow like pages (app_label.model_name). Editors and
# translators add and change them (saved as drafts); moderators publish.
MODERATED_SNIPPETS = ("ideas.theme", "ideas.organiser", "editions.partner")


def snippet_permissions(*actions):
    return tuple(
        f"{app_label}.{action}_{model}"
        for app_label, model in (name.split(".") for name in MODERATED_SNIPPETS)
        for action in actions
    )


DRAFT_SNIPPETS = snippet_permissions("add", "change")
PUBLISH_SNIPPETS = snippet_permissions("add", "change", "delete", "publish", "lock", "unlock")

# Everything translators hold, in one place. The wagtail-localize permission
# "wagtail_localize.submit_translation" is deliberately absent: with it a translation can go live
# without review (see /work/shared/NOTES-localize-workflow.md, gap 2).
TRANSLATOR_PERMISSIONS = (ADMIN_ACCESS, *DRAFT_SNIPPETS)
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)
TRANSLATOR_COLLECTION_PERMISSIONS = CHOOSE_MEDIA


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple = ()
    page_permissions: tuple = ()
    page_scope: str = ALL_LANGUAGES
    collection_permissions: tuple = field(default=CHOOSE_MEDIA)


ROLES = (
    Role(
        EDITORS,
        permissions=(ADMIN_ACCESS, *DRAFT_SNIPPETS),
        page_permissions=("add_page", "change_page"),
        collection_permissions=CHOOSE_MEDIA + UPLOAD_MEDIA,
    ),
    Role(
        MODERATORS,
        permissions=(
            ADMIN_ACCESS,
            "wagtail_localize.submit_translation",
            *STORY_MODERATION,
            *PUBLISH_SNIPPETS,
        ),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=CHOOSE_MEDIA + UPLOAD_MEDIA + MANAGE_MEDIA,
    ),
    Role(
        TRANSLATORS,
        permissions=TRANSLATOR_PERMISSIONS,
        page_permissions=TRANSLATOR_PAGE_PERMISSIONS,
        page_scope=TRANSLATIONS_ONLY,
        collection_permissions=TRANSLATOR_COLLECTION_PERMISSIONS,
    ),
    # Page permissions of team editors come from one group per team: see moderation.teams.
    # They upload images (the team's photo or logo), not documents.
    Role(
        TEAM_EDITORS,
        permissions=(ADMIN_ACCESS,),
        collection_permissions=CHOOSE_MEDIA + ("add_image",),
    ),
)

MEDIA_APP = {"image": "wagtailimages", "document": "wagtaildocs"}


def permission(apps, codename, app_label=None):
    """The Permission for 'app_label.codename' or (codename, app_label), created when missing.

    During the first migrate Django has not yet created the permissions of every model.
    """
    if app_label is None:
        app_label, codename = codename.split(".")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    model = codename.split("_", 1)[1]
    if app_label == "wagtail_localize":
        model = "translation"
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    return perm or Permission.objects.create(
        content_type=content_type, codename=codename, name=f"Can {codename.replace('_', ' ')}"
    )


def page_permission(apps, codename):
    return permission(apps, codename, app_label="wagtailcore")


def media_permission(apps, codename):
    return permission(apps, codename, app_label=MEDIA_APP[codename.split("_", 1)[1]])


def language_roots(apps, scope):
    """The top-level pages (one home page per language) a role's page permissions apply to."""
    Page = apps.get_model("wagtailcore", "Page")
    roots = Page.objects.filter(depth=2)
    if scope == TRANSLATIONS_ONLY:
        roots = roots.exclude(locale__language_code=settings.LANGUAGE_CODE)
    return list(roots)


def sync_group(apps, role):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=role.name)
    group.permissions.set([permission(apps, name) for name in role.permissions])
    sync_page_permissions(apps, group, role)
    sync_collection_permissions(apps, group, role)
    return group


def sync_page_permissions(apps, group, role):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = {
        (page.pk, page_permission(apps, codename).pk)
        for page in language_roots(apps, role.page_scope)
        for codename in role.page_permissions
    }
    existing = GroupPagePermission.objects.filter(group=group)
    for grant in existing:
        if (grant.page_id, grant.permission_id) not in wanted:
            grant.delete()
    have = set(existing.values_list("page_id", "permission_id"))
    for page_id, permission_id in wanted - have:
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def sync_collection_permissions(apps, group, role):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.get(depth=1)
    wanted = {media_permission(apps, codename).pk for codename in role.collection_permissions}
    existing = GroupCollectionPermission.objects.filter(group=group)
    existing.exclude(collection=root, permission_id__in=wanted).delete()
    have = set(existing.values_list("permission_id", flat=True))
    for permission_id in wanted - have:
        GroupCollectionPermission.objects.create(
            group=group, collection=root, permission_id=permission_id
        )


def sync_role_page_permissions(apps):
    """Grant the roles' page permissions on language roots that appeared since the last run."""
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group = Group.objects.filter(name=role.name).first()
        if group is not None:
            sync_page_permissions(apps, group, role)


def setup_workflow(apps, moderators):
    """One workflow, "Redactionele review", with one moderator approval task, on the root page
    (so every language's pages) and on the moderated snippets."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.active = True
    task.save()
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    assign_workflow_to_snippets(apps, workflow)
    retire_wagtail_default_workflow(apps, keep=workflow)
    return workflow


def assign_workflow_to_snippets(apps, workflow):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for name in MODERATED_SNIPPETS:
        app_label, model = name.split(".")
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def retire_wagtail_default_workflow(apps, keep):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    for old in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(pk=keep.pk):
        WorkflowPage.objects.filter(workflow=old).delete()
        WorkflowContentType.objects.filter(workflow=old).delete()
        open_states = WorkflowState.objects.filter(
            workflow=old, status__in=["in_progress", "needs_changes"]
        )
        TaskState.objects.filter(workflow_state__in=open_states, status="in_progress").update(
            status="cancelled"
        )
        open_states.update(status="cancelled")
        old.active = False
        old.save()


def setup_roles(apps):
    groups = {role.name: sync_group(apps, role) for role in ROLES}
    setup_workflow(apps, groups[MODERATORS])
    return groups
