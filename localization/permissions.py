from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name


def can_publish_translation(user, translation):
    """Whether `user` may make this translation live without review."""
    target = translation.get_target_instance()
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    if isinstance(target, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(target)))
    return True


def translation_awaiting_review(user, page):
    """The enabled translation behind `page` if `user` may submit it for review now, else None."""
    from wagtail_localize.models import Translation

    if page.alias_of_id or not page.has_workflow or page.workflow_in_progress:
        return None
    if not page.permissions_for_user(user).can_edit():
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )
