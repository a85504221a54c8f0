import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from wagtail.models import Page

from localization.permissions import can_convert_to_alias
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


@register.simple_tag(takes_context=True)
def translation_editor_props(context, props, instance):
    """The props of wagtail-localize's translation editor, without its "Convert to alias page"
    button for a user who may not publish the page."""
    if not isinstance(instance, Page) or can_convert_to_alias(context["request"].user, instance):
        return props
    props = json.loads(props)
    props["links"]["convertToAliasUrl"] = None
    return json.dumps(props, cls=DjangoJSONEncoder)
