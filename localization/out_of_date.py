"""Translations of a page become out of date when its source-language page is published.

When a Dutch page that has translations is published, a background job (queued when the
transaction commits) brings the page's translation source up to date, as "Sync translated pages"
does, without touching any translated page: changed sentences become texts to translate, shown in
the translation editor next to the old sentence and its old translation (localization/untranslated.py).
If the texts changed, the translators who may edit a translation are emailed, and it shows in their
dashboard panel and under Reports → Translations as "Out of date" until it is saved again (submitted
for review, synchronised or published): a translation is out of date while its source was updated
after the translated page's latest revision.

Pages only: snippets keep wagtail-localize's own "Sync translated snippets".
"""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import DateTimeField, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation as language
from django_tasks import task
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.mail import send_email_later
from moderation.roles import TRANSLATORS

NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def out_of_date_translations():
    """Enabled page translations whose source changed after the translated page was last saved,
    with `target_page_id`."""
    target = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            target_page_id=Subquery(target.values("id")[:1]),
            target_saved_at=Coalesce(
                Subquery(target.values("latest_revision_created_at")[:1]),
                NEVER,
                output_field=DateTimeField(),
            ),
        )
        .filter(target_page_id__isnull=False)
        .filter(source__last_updated_at__gt=F("target_saved_at"))
        .select_related("source", "source__locale", "target_locale")
        .order_by("-source__last_updated_at")
    )


def is_out_of_date(translation):
    return out_of_date_translations().filter(pk=translation.pk).exists()


def out_of_date_for(user, limit=20):
    """[(translation, translated page)] out of date that `user` may edit, newest change first."""
    found = []
    for item in out_of_date_translations()[: limit * 5]:
        page = Page.objects.filter(pk=item.target_page_id).first()
        if page and page.permissions_for_user(user).can_edit():
            found.append((item, page.specific))
        if len(found) == limit:
            break
    return found


def queue_after_publish(sender, instance, **kwargs):
    """page_published: queue the job for a page that is the source of enabled translations."""
    sources = TranslationSource.objects.filter(
        object_id=instance.translation_key,
        locale_id=instance.locale_id,
        translations__enabled=True,
    )
    source_id = sources.values_list("pk", flat=True).first()
    if source_id is not None:
        transaction.on_commit(lambda: mark_translations_out_of_date.enqueue(source_id), robust=True)


def connect():
    page_published.connect(queue_after_publish, dispatch_uid="localization_out_of_date")


def text_segments(source):
    return set(StringSegment.objects.filter(source=source).values_list("context_id", "string_id"))


@task()
def mark_translations_out_of_date(source_id):
    """Bring the source up to date; when its texts changed, tell the translators."""
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return "no source"
    before, updated_at = text_segments(source), source.last_updated_at
    try:
        source.update_from_db()
    except ObjectDoesNotExist:
        return "source deleted"
    if text_segments(source) == before:
        # Nothing to translate: the translations stay up to date.
        TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=updated_at)
        return "texts unchanged"
    told = 0
    for item in out_of_date_translations().filter(source=source):
        page = Page.objects.get(pk=item.target_page_id).specific
        told += tell_translators(item, page)
    return f"{told} translators told"


def translators_of(page):
    """Active translators with an address who may edit this translated page."""
    users = get_user_model().objects.filter(is_active=True, groups__name=TRANSLATORS)
    users = users.exclude(email="").distinct().order_by("pk")
    return [user for user in users if page.permissions_for_user(user).can_edit()]


def tell_translators(translation, page):
    edit_url = get_admin_base_url() + reverse("wagtailadmin_pages:edit", args=[page.id])
    source = translation.source
    recipients = translators_of(page)
    for user in recipients:
        context = {
            "user": user,
            "page": page,
            "source_title": source.object_repr,
            "edit_url": edit_url,
        }
        with language.override(UserProfile.get_for_user(user).get_preferred_language()):
            context["source_language"] = source.locale.get_display_name()
            context["language"] = translation.target_locale.get_display_name()
            subject = render_to_string("localization/email/out_of_date_subject.txt", context)
            body = render_to_string("localization/email/out_of_date.txt", context)
        send_email_later(subject.strip(), body, [user.email])
    return len(recipients)
