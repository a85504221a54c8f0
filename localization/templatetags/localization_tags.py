from django import template
from django.urls import reverse
from wagtail.models import Page

from localization.section_po import may_translate_page
from localization.views import submit_for_review_url as review_url

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_for_review_url(context, instance):
    """The "submit translation for review" address of this translated page or snippet, if the
    user may submit it now."""
    return review_url(context["request"].user, instance)


@register.simple_tag(takes_context=True)
def section_po_url(context, instance):
    """The address of "Translations of this section (PO)" for this page, if the user may use it."""
    if isinstance(instance, Page) and may_translate_page(context["request"].user, instance):
        return reverse("localization_section_po", args=[instance.id])
    return ""
