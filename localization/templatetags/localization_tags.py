import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from localization.editor_actions import footer_actions
from localization.out_of_date import is_out_of_date
from localization.permissions import can_convert_to_alias, can_edit
from localization.section_po import may_translate_page
from localization.untranslated import untranslated_strings

register = template.Library()


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


@register.inclusion_tag("localization/includes/editor_footer.html", takes_context=True)
def translation_editor_footer(context, translation, instance):
    """The project's footer of the translation editor (localization/editor_actions.py)."""
    request = context["request"]
    main, actions = footer_actions(request.user, translation, instance)
    return {"main": main, "actions": actions, "request": request}


@register.simple_tag(takes_context=True)
def readable_source(context, source_translation, translation):
    """wagtail-localize's link to the source-language original, pointing at the read-only view
    for a user who may not edit the original (a translator)."""
    return {**source_translation, "editUrl": source_url(context, translation)}


@register.simple_tag
def changed_texts(translation):
    """The untranslated texts of `translation` that replaced a translated one."""
    return [item for item in untranslated_strings(translation) if item.previous]


@register.simple_tag(takes_context=True)
def source_url(context, translation):
    """The original's edit view, or its read-only view for a user who may not edit it."""
    source = translation.source.get_source_instance()
    if can_edit(context["request"].user, source):
        return translation.source.get_source_instance_edit_url()
    return reverse("localization_source", args=[translation.id])


@register.simple_tag
def translation_status(translation):
    """wagtail-localize's status, or "Out of date" when the original changed after the
    translation was last saved (localization/out_of_date.py)."""
    if is_out_of_date(translation):
        return _("Out of date")
    return translation.get_status_display()


@register.simple_tag
def editor_heading(translation):
    """The heading wagtail-localize's editor writes in English, and its translation
    (localization/static/localization/translation-editor.js swaps them)."""
    names = {
        "source": translation.source.locale.get_display_name(),
        "target": translation.target_locale.get_display_name(),
    }
    return {
        "heading": "{source} to {target} translation".format(**names),
        "replacement": _("%(source)s to %(target)s translation") % names,
    }
