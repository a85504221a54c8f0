from django import template
from django.urls import reverse
from wagtail.models import Page

from localization.permissions import translation_awaiting_review
from localization.section_po import may_translate_page

register = template.Library()


def page_action_url(context, instance, user_may, view_name):
    """The address of a page action for the current user, or "" when it does not apply."""
    user = context["request"].user
    if isinstance(instance, Page) and user_may(user, instance):
        return reverse(view_name, args=[instance.id])
    return ""


@register.simple_tag(takes_context=True)
def submit_for_review_url(context, instance):
    """The "submit translation for review" address for this translated page, if the user may."""
    return page_action_url(
        context, instance, translation_awaiting_review, "localization_submit_for_review"
    )


@register.simple_tag(takes_context=True)
def section_po_url(context, instance):
    """The address of "Translations of this section (PO)" for this page, if the user may use it."""
    return page_action_url(context, instance, may_translate_page, "localization_section_po")
