"""The confirmation page before an action of the translation editor that visitors can notice.

It says what visitors will see afterwards, then posts to the view that does it (Wagtail's or
wagtail-localize's, which check the rights again). Only the actions this person may take are
offered (localization.editor_actions.permitted); any other is refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page

from .editor_actions import CONFIRMED, LABELS, edit_url, permitted
from .untranslated import untranslated_strings
from .views import translation_for_user


def confirm_translation_action(request, translation_id, action):
    if action not in CONFIRMED:
        raise Http404
    translation, instance = translation_for_user(request, translation_id)
    allowed = permitted(request.user, translation, instance)
    if action not in allowed:
        raise PermissionDenied
    back = edit_url(instance)
    untranslated = untranslated_strings(translation) if action == "publish" else []
    return TemplateResponse(
        request,
        "localization/confirm_translation_action.html",
        {
            "action": allowed[action],
            "label": LABELS[action],
            "instance": instance,
            "translation": translation,
            "consequences": consequences(action, translation, instance),
            "untranslated": untranslated,
            "source_language": translation.source.locale.get_display_name(),
            # Deleting the page removes the editor: Wagtail then shows the parent page.
            "next_url": "" if action == "delete" else back,
            "back_url": back,
        },
    )


def consequences(action, translation, instance):
    """What visitors will see after `action`, in sentences."""
    language = translation.target_locale.get_display_name()
    source_language = translation.source.locale.get_display_name()
    is_page = isinstance(instance, Page)
    live = instance.live if isinstance(instance, DraftStateMixin) else True
    where = instance.full_url if is_page and live else ""
    names = {"language": language, "source": source_language, "url": where}
    if action == "publish":
        if is_page:
            return [
                _(
                    "Visitors see this %(language)s translation at once, without a "
                    "moderator's review."
                )
                % names
            ]
        return [
            _(
                "Visitors see this %(language)s translation wherever it is used, at once, "
                "without a moderator's review."
            )
            % names
        ]
    if action == "unpublish":
        return [
            _(
                "The %(language)s page at %(url)s goes offline at once: visitors get "
                "“page not found” there, and the language switcher no longer offers it."
            )
            % names
        ]
    if action == "convert_to_alias":
        return alias_consequences(translation, instance, names)
    if action == "delete":
        sentences = []
        if live and is_page:
            sentences.append(
                _(
                    "The %(language)s page at %(url)s disappears at once: visitors get "
                    "“page not found” there."
                )
                % names
            )
        elif live:
            sentences.append(
                _("This %(language)s translation disappears from the site at once.") % names
            )
        else:
            sentences.append(_("Visitors see no change: this translation is not published."))
        sentences.append(
            _(
                "The translated texts stay in the translation memory: a moderator can start the "
                "translation again with “Translate this page”."
            )
        )
        return sentences
    return [
        _("Visitors see no change."),
        _(
            "From then on this translation is edited in Wagtail's own editor and no longer "
            "follows changes to the %(source)s original."
        )
        % names,
    ]


def alias_consequences(translation, instance, names):
    source_page = Page.objects.filter(
        translation_key=instance.translation_key, locale_id=translation.source.locale_id
    ).first()
    if source_page is None or not source_page.live:
        if not instance.live:
            return [_("Visitors see no change: neither page is published.")]
        return [
            _(
                "The %(source)s page is not published, so this page goes offline at once: "
                "visitors get “page not found” at %(url)s."
            )
            % names
        ]
    sentences = [
        _(
            "Visitors see the published %(source)s page, in %(source)s, at this page's "
            "address at once, and every later change to it."
        )
        % names
    ]
    if not instance.live:
        sentences.append(_("This page is not published yet: it goes live at once."))
    else:
        sentences.append(
            _("The %(language)s text is no longer shown; it stays in the translation memory.")
            % names
        )
    return sentences
