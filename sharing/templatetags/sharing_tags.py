from django import template
from django.utils import translation

from editions.models import EditionPage

from ..buttons import share_links
from ..images import GENERAL_HASHTAG, edition_of
from ..kit import downloads
from ..meta import social_meta
from ..structured_data import structured_data_for

register = template.Library()


@register.inclusion_tag("sharing/head.html", takes_context=True)
def share_meta(context, alternates=()):
    """Description, canonical address, Open Graph and Twitter/X card tags, icons and manifest
    for the head of every page; `alternates` are the language links of the page."""
    page = context.get("page")
    request = context["request"]
    return {"meta": social_meta(request, page, translation.get_language(), alternates)}


@register.inclusion_tag("sharing/buttons.html", takes_context=True)
def share_buttons(context, title=None):
    """Links that share the current address (no script or image from the sites shared to)."""
    request = context["request"]
    page = context.get("page")
    title = title or getattr(page, "title", "")
    return {
        "links": share_links(request, title, hashtag_of(context)),
        "title": title,
        "downloads": downloads(page),
        "kit_url": kit_url(page, request),
        "request": request,
    }


def kit_url(page, request):
    if isinstance(page, EditionPage):
        return page.get_url(request) + page.reverse_subpage("kit")
    return None


def hashtag_of(context):
    edition = edition_of(context.get("page"))
    return edition.hashtag if edition is not None else GENERAL_HASHTAG


@register.inclusion_tag("sharing/structured_data.html", takes_context=True)
def structured_data(context):
    """schema.org JSON-LD of the page: breadcrumbs everywhere, the organisation on the home
    page, an Event for an activity."""
    page, request = context.get("page"), context["request"]
    return {"data": structured_data_for(request, page, team=context.get("team"))}
