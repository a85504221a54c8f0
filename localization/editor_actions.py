"""The footer of the translation editor: the actions a person may take on one translation.

wagtail-localize's own footer (drawn by its JavaScript) makes the last action it lists the main
one: "Delete" on a draft translation, "Convert to alias page" on a live one, whatever the person
was there to do. The project draws its own footer instead (hidden: wagtail-localize's, by
`localization/static/localization/translation-editor.css`): "Submit for review" is the main
action, the menu holds only what this person may do, and every action that can change what
visitors see, or end the translation, first opens a confirmation page that says what visitors will
see afterwards (`localization.views.confirm_translation_action`).
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import pgettext_lazy
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name

from .permissions import can_convert_to_alias, can_publish_translation
from .views import submit_for_review_url

# Who may start a translation again may delete one (from the translation editor).
START_TRANSLATIONS = "wagtail_localize.submit_translation"


@dataclass(frozen=True)
class Action:
    """One action of the footer. `confirm`: the button opens the confirmation page, which posts
    to `url`; otherwise the button posts to `url` (`post`) or links to it."""

    name: str
    label: str
    url: str
    icon: str
    confirm: bool = False
    post: bool = False


# Actions that open the confirmation page first, in the order of the menu.
CONFIRMED = ("publish", "unpublish", "convert_to_alias", "delete", "stop")


def is_page(instance):
    return isinstance(instance, Page)


def edit_url(instance):
    if is_page(instance):
        return reverse("wagtailadmin_pages:edit", args=[instance.id])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def delete_url(instance):
    if is_page(instance):
        return reverse("wagtailadmin_pages:delete", args=[instance.id])
    return reverse(instance.snippet_viewset.get_url_name("delete"), args=[quote(instance.pk)])


def has_source_page(instance):
    """Whether the page's source-language page exists (wagtail-localize's condition for
    offering "Convert to alias page")."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, translations__target_locale=instance.locale
    ).first()
    return bool(source) and (
        Page.objects.filter(translation_key=instance.translation_key, locale_id=source.locale_id)
        .exclude(pk=instance.pk)
        .exists()
    )


def may_delete(user, instance):
    if not user.has_perm(START_TRANSLATIONS):
        return False
    if is_page(instance):
        return instance.permissions_for_user(user).can_delete()
    return user.has_perm(get_permission_name("delete", type(instance)))


def permitted(user, translation, instance):
    """{action name: Action} for every confirmed action `user` may take on this translation."""
    page = is_page(instance)
    perms = instance.permissions_for_user(user) if page else None
    allowed = {
        "publish": isinstance(instance, DraftStateMixin)
        and can_publish_translation(user, translation),
        "unpublish": page and instance.live and perms.can_unpublish(),
        "convert_to_alias": page
        and can_convert_to_alias(user, instance)
        and has_source_page(instance),
        "delete": may_delete(user, instance),
        "stop": True,  # edit rights, checked by the edit view and the confirmation page
    }
    urls = {
        "publish": edit_url(instance),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[instance.id]) if page else "",
        "convert_to_alias": reverse("wagtail_localize:convert_to_alias", args=[instance.id])
        if page
        else "",
        "delete": delete_url(instance),
        "stop": reverse("wagtail_localize:stop_translation", args=[translation.id]),
    }
    return {
        name: Action(name, LABELS[name], urls[name], ICONS[name], confirm=True)
        for name in CONFIRMED
        if allowed[name]
    }


# With a context of their own, so they do not replace Wagtail's Dutch for the same words.
LABELS = {
    "submit": pgettext_lazy("translation editor footer", "Submit for review"),
    "in_review": pgettext_lazy("translation editor footer", "In review"),
    "preview": pgettext_lazy("translation editor footer", "Preview"),
    "lock": pgettext_lazy("translation editor footer", "Lock"),
    "unlock": pgettext_lazy("translation editor footer", "Unlock"),
    "publish": pgettext_lazy("translation editor footer", "Publish without review"),
    "unpublish": pgettext_lazy("translation editor footer", "Unpublish"),
    "convert_to_alias": pgettext_lazy("translation editor footer", "Convert to alias page"),
    "delete": pgettext_lazy("translation editor footer", "Delete"),
    "stop": pgettext_lazy("translation editor footer", "Stop synced translation"),
}
ICONS = {
    "submit": "resubmit",
    "preview": "view",
    "lock": "lock",
    "unlock": "lock-open",
    "publish": "upload",
    "unpublish": "download",
    "convert_to_alias": "wagtail-localize-convert",
    "delete": "bin",
    "stop": "cross",
}


def confirm_url(translation, name):
    return reverse("localization_confirm_translation_action", args=[translation.id, name])


def footer_actions(user, translation, instance):
    """(main action or None, the other actions): what the footer offers `user`."""
    actions = []
    review_url = submit_for_review_url(user, instance)
    if review_url:
        actions.append(Action("submit", LABELS["submit"], review_url, ICONS["submit"]))
    if is_page(instance):
        preview = reverse("wagtail_localize:preview_translation", args=[translation.id])
        actions.append(Action("preview", LABELS["preview"], preview, ICONS["preview"]))
        perms = instance.permissions_for_user(user)
        if instance.locked and perms.can_unlock():
            url = reverse("wagtailadmin_pages:unlock", args=[instance.id])
            actions.append(Action("unlock", LABELS["unlock"], url, ICONS["unlock"], post=True))
        elif not instance.locked and perms.can_lock():
            url = reverse("wagtailadmin_pages:lock", args=[instance.id])
            actions.append(Action("lock", LABELS["lock"], url, ICONS["lock"], post=True))
    for action in permitted(user, translation, instance).values():
        actions.append(
            Action(action.name, action.label, confirm_url(translation, action.name), action.icon)
        )
    if actions and actions[0].name == "submit":
        return actions[0], actions[1:]
    if getattr(instance, "workflow_in_progress", False):
        return Action("in_review", LABELS["in_review"], "", "time"), actions
    return (actions[0], actions[1:]) if actions else (None, [])
