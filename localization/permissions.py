from wagtail.models import DraftStateMixin, Page, WorkflowMixin
from wagtail.snippets.permissions import get_permission_name


def can_publish_translation(user, translation):
    """Whether `user` may make this translation live without review."""
    target = translation.get_target_instance()
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    if isinstance(target, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(target)))
    return True


def can_convert_to_alias(user, page):
    """Whether `user` may turn this translated page into an alias of its source page.

    The alias takes over the source's content and live status at once: a draft goes live, a live
    page shows the source text, and a page whose source is offline goes offline. That is
    publishing and unpublishing, so it needs the rights for both, on a page not locked for them.
    """
    permissions = page.permissions_for_user(user)
    return permissions.can_publish() and not permissions.page_locked()


def can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def translation_awaiting_review(user, instance):
    """The enabled translation behind `instance` (a page or a snippet in a workflow) if `user` may
    submit it for review now, else None."""
    from wagtail_localize.models import Translation

    if not isinstance(instance, WorkflowMixin) or getattr(instance, "alias_of_id", None):
        return None
    if not instance.has_workflow or instance.workflow_in_progress:
        return None
    if not can_edit(user, instance):
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )
