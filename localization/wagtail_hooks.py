from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button

from moderation.roles import MODERATORS, TRANSLATORS

from .confirm_views import confirm_translation_action
from .locales import language_code_of
from .out_of_date import out_of_date_for
from .permissions import can_convert_to_alias
from .section_po import may_translate_page
from .section_po_views import section_po_view
from .source_views import source_preview, source_view
from .views import (
    ReviewedUpdateTranslationsView,
    TranslatePageView,
    TranslateSnippetView,
    convert_to_alias,
    submit_for_review_url,
    submit_page_translation_for_review,
    submit_snippet_translation_for_review,
)

FALLBACK_PARAMETER = "untranslated"
# The name of wagtail-localize's "Convert to alias page" item in the page's action menu.
CONVERT_TO_ALIAS_MENU_ITEM = "localize-convert-to-alias"


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    # Before every app's admin URLs (order -1), so the "localize/" paths replace
    # wagtail-localize's views at the same addresses (tests/test_upstream_canaries.py).
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            TranslatePageView.as_view(),
            name="localization_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            TranslateSnippetView.as_view(),
            name="localization_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="localization_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="localization_convert_to_alias",
        ),
        path(
            "localization/page/<int:page_id>/submit-for-review/",
            submit_page_translation_for_review,
            name="localization_submit_for_review",
        ),
        path(
            "localization/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/submit-for-review/",
            submit_snippet_translation_for_review,
            name="localization_submit_snippet_for_review",
        ),
        path(
            "localization/translation/<int:translation_id>/confirm/<slug:action>/",
            confirm_translation_action,
            name="localization_confirm_translation_action",
        ),
        path(
            "localization/translation/<int:translation_id>/source/",
            source_view,
            name="localization_source",
        ),
        path(
            "localization/translation/<int:translation_id>/source/preview/",
            source_preview,
            name="localization_source_preview",
        ),
        path(
            "localization/page/<int:page_id>/section-po/",
            section_po_view,
            name="localization_section_po",
        ),
    ]


def submit_for_review_button(page, user, view_name=None, next_url=None):
    url = submit_for_review_url(user, page)
    if not url:
        return
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield Button(_("Submit translation for review"), url, icon_name="resubmit", priority=55)


hooks.register("register_page_header_buttons", submit_for_review_button)
hooks.register("register_page_listing_more_buttons", submit_for_review_button)


@hooks.register("register_snippet_listing_buttons")
def submit_snippet_for_review_button(snippet, user, next_url=None):
    return submit_for_review_button(page=snippet, user=user, next_url=next_url)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    convert = [item for item in menu_items if item.name == CONVERT_TO_ALIAS_MENU_ITEM]
    if convert and not can_convert_to_alias(request.user, context["page"]):
        menu_items[:] = [item for item in menu_items if item not in convert]


@hooks.register("register_page_header_buttons")
def section_po_button(page, user, view_name=None, next_url=None):
    if may_translate_page(user, page):
        url = reverse("localization_section_po", args=[page.id])
        yield Button(_("Translations of this section (PO)"), url, icon_name="download", priority=60)


@hooks.register("before_serve_page")
def redirect_to_the_language_of_the_page(page, request, serve_args, serve_kwargs):
    """A page asked for in a language it does not exist in (Wagtail then routes the source tree)
    is served under its own language's URL, with a notice in the language that was asked for."""
    requested = get_language()
    if language_code_of(page.locale_id) == requested:
        return None
    url = page.get_url(request)
    return redirect(f"{url}?{urlencode({FALLBACK_PARAMETER: requested})}")


class OutOfDateTranslationsPanel(Component):
    """On the dashboard of translators and moderators: the translations they may edit whose
    original changed."""

    name = "out_of_date_translations"
    order = 40
    template_name = "localization/admin/out_of_date_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        rows = []
        for translation, page in out_of_date_for(self.user):
            total, translated = translation.get_progress()
            rows.append(
                {
                    "translation": translation,
                    "page": page,
                    "to_translate": total - translated,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.id]),
                    "source_url": reverse("localization_source", args=[translation.id]),
                }
            )
        return {"rows": rows}


@hooks.register("construct_homepage_panels")
def add_out_of_date_translations_panel(request, panels):
    if request.user.groups.filter(name__in=(TRANSLATORS, MODERATORS)).exists():
        panels.append(OutOfDateTranslationsPanel(request.user))
