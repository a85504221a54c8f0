from django import template

from localization.views import submit_for_review_url as review_url

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_for_review_url(context, instance):
    """The "submit translation for review" address of this translated page or snippet, if the
    user may submit it now."""
    return review_url(context["request"].user, instance)
