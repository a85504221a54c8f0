from django import template
from django.urls import reverse
from wagtail.models import Page

from localization.permissions import translation_awaiting_review
from localization.section_po import may_translate_page

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_for_review_url(context, instance):
    """The "submit translation for review" address for this translated page, if the user may."""
    user = context["request"].user
    if isinstance(instance, Page) and translation_awaiting_review(user, instance):
        return reverse("localization_submit_for_review", args=[instance.id])
    return ""


@register.simple_tag(takes_context=True)
def section_po_url(context, instance):
    """The address of "Translations of this section (PO)" for this page, if the user may use it."""
    user = context["request"].user
    if isinstance(instance, Page) and may_translate_page(user, instance):
        return reverse("localization_section_po", args=[instance.id])
    return ""
