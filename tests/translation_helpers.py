"""Builders for tests of translations: locales, translated pages, roles and the review workflow."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from tests.factories import make_edition, make_edition_index, make_home


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def translation_of(page, code):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale=locale(code))


def translate_strings(page, code, translate=lambda text: f"[EN] {text}"):
    """Fill every string of the page's translation source with translate(text)."""
    source = TranslationSource.objects.get_for_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments.exclude(context__path="slug"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale(code),
            context=segment.context,
            defaults={"data": translate(segment.string.data)},
        )


def translate_page(page, code="en", publish=True, translate=lambda text: f"[EN] {text}"):
    """Translate `page` (its parents must be translated already) the way the demo loader does."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(page, [locale(code)])
        translate_strings(page, code, translate)
        translation_of(page, code).save_target(publish=publish)
    return page.get_translation(locale(code)).specific


def make_bilingual_site(fixture, translate):
    """On `fixture` (a test class): home, edition index and 2026 edition in Dutch and English."""
    fixture.home = make_home()
    fixture.index = make_edition_index(fixture.home)
    fixture.edition = make_edition(fixture.index, 2026, introduction="Begin een InspiratieTeam.")
    fixture.home_en, fixture.index_en, fixture.edition_en = (
        translate_page(page, translate=translate)
        for page in (fixture.home, fixture.index, fixture.edition)
    )


def review_workflow():
    """The workflow of the root page (Wagtail's "Moderators approval" or the project's own)."""
    root = Page.get_first_root_node()
    workflow = root.get_workflow()
    if workflow is None:
        task = GroupApprovalTask.objects.create(name="Goedkeuring")
        task.groups.set([group("Moderators")])
        workflow = Workflow.objects.create(name="Redactionele review")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=root, workflow=workflow)
    return workflow


def group(name):
    return Group.objects.get_or_create(name=name)[0]


def permission(natural_key):
    app_label, codename = natural_key.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def user_in(group_name, page_permissions, on_pages, permissions=("wagtailadmin.access_admin",)):
    """A user in a group holding exactly these permissions (replacing what migrations gave it)."""
    role = group(group_name)
    role.permissions.set([permission(name) for name in permissions])
    GroupPagePermission.objects.filter(group=role).delete()
    for page in on_pages:
        for codename in page_permissions:
            GroupPagePermission.objects.create(
                group=role, page=page, permission=permission(f"wagtailcore.{codename}")
            )
    user = get_user_model().objects.create_user(
        username=group_name.lower(), email=f"{group_name.lower()}@example.org", password="pw"
    )
    user.groups.add(role)
    return user
