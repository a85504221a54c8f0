from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from core.models import ContactSettings
from core.page_cache import remembered
from core.visibility import public_pages

register = template.Library()


def menu_entries(site, request):
    """The home page and the public pages under it shown in the menu, in the active language."""
    root = site.root_page.localized
    children = public_pages(root.get_children()).in_menu()
    return {
        "root": {"url": root.get_url(request), "path": root.path},
        "items": [
            {"url": child.get_url(request), "title": child.title, "path": child.path}
            for child in children
        ],
    }


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"root": None, "items": []}
    menu = remembered(
        "main-menu", lambda: menu_entries(site, request), site.pk, translation.get_language()
    )
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {**item, "is_current": current_path.startswith(item["path"])} for item in menu["items"]
    ]
    return {"root": menu["root"], "items": items, "is_home": current_path == menu["root"]["path"]}


def public_urls(page, request):
    """The URL of the public version of `page` in every language, by language code."""
    versions = public_pages(page.get_translations(inclusive=True)).select_related("locale")
    return {version.locale.language_code: version.get_url(request) for version in versions}


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each language: the same page in that language if it is public, else that language's
    home."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    page = context.get("page")
    translations = (
        remembered("translations", lambda: public_urls(page, request), page.pk, site.pk)
        if isinstance(page, Page) and page.pk
        else {}
    )
    homes = remembered("homes", lambda: public_urls(site.root_page, request), site.pk)
    links = []
    for code, _name in settings.LANGUAGES:
        url = translations.get(code) or homes.get(code)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "is_translation": code in translations,
                "is_active": code == translation.get_language(),
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    return links


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"contact": {}}
    return {"contact": remembered("contact", lambda: contact_details(site), site.pk)}


def contact_details(site):
    contact = ContactSettings.for_site(site)
    return {"organisation": contact.organisation, "email": contact.email, "phone": contact.phone}


@register.simple_tag(takes_context=True)
def untranslated_notice(context):
    """When a visitor asked for a language this page does not exist in (see
    localization.wagtail_hooks), a notice in that language: {"code": ..., "text": ...}."""
    requested = context["request"].GET.get("untranslated", "")
    current = translation.get_language()
    if requested == current or requested not in dict(settings.LANGUAGES):
        return None
    with translation.override(requested):
        text = _(
            "This page is not available in %(language)s. You are reading the %(current)s version."
        ) % {
            "language": translation.get_language_info(requested)["name_translated"],
            "current": translation.get_language_info(current)["name_translated"],
        }
    return {"code": requested, "text": text}


@register.simple_tag
def active_locale():
    return Locale.get_active()
