from django import template
from django.urls import reverse
from wagtail.models import Page

from localization.permissions import translation_awaiting_review

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_for_review_url(context, instance):
    """The "submit translation for review" address for this translated page, if the user may."""
    user = context["request"].user
    if isinstance(instance, Page) and translation_awaiting_review(user, instance):
        return reverse("localization_submit_for_review", args=[instance.id])
    return ""
