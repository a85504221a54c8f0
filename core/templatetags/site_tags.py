from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

register = template.Library()


def localized_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = localized_root(request)
    children = root.get_children().live().in_menu() if root else Page.objects.none()
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {"page": child, "is_current": current_path.startswith(child.path)} for child in children
    ]
    is_home = root is not None and current_path == root.path
    return {"root": root, "items": items, "is_home": is_home, "request": request}


def live_versions(page):
    """The live versions of `page` in every language, by language code."""
    if not isinstance(page, Page):
        return {}
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return {version.locale.language_code: version for version in versions}


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each language: the same page in that language if it is live, else that language's home."""
    request = context["request"]
    site = Site.find_for_request(request)
    translations = live_versions(context.get("page"))
    homes = live_versions(site.root_page) if site else {}
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": target.get_url(request),
                "is_translation": code in translations,
                "is_active": code == translation.get_language(),
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def untranslated_notice(context):
    """When a visitor asked for a language this page does not exist in (see
    localization.wagtail_hooks), a notice in that language: {"code": ..., "text": ...}."""
    requested = context["request"].GET.get("untranslated", "")
    current = translation.get_language()
    if requested == current or requested not in dict(settings.LANGUAGES):
        return None
    with translation.override(requested):
        text = _("This page is not available in %(language)s. You are reading the %(current)s version.") % {
            "language": translation.get_language_info(requested)["name_translated"],
            "current": translation.get_language_info(current)["name_translated"],
        }
    return {"code": requested, "text": text}


@register.simple_tag
def active_locale():
    return Locale.get_active()
