from django import template
from django.conf import settings
from django.utils import translation
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


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each language: the same page in that language if it is live, else that language's home."""
    request = context["request"]
    page = context.get("page")
    root = Site.find_for_request(request).root_page if Site.find_for_request(request) else None
    translations = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    homes = {}
    if root is not None:
        homes = {
            p.locale.language_code: p
            for p in root.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
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
            }
        )
    return links


@register.simple_tag
def active_locale():
    return Locale.get_active()
