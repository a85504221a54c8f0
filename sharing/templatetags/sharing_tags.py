from django import template
from django.utils import timezone, translation

from activities.models import ActivityPage
from core.visibility import is_public
from editions.models import EditionPage

from ..buttons import share_links
from ..images import GENERAL_HASHTAG, edition_of
from ..kit import KIT_ANCHOR, downloads
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
        "kit_anchor": KIT_ANCHOR,
        "request": request,
    }


@register.inclusion_tag("sharing/host_kit.html")
def host_kit(page):
    """The poster and share images of an activity or edition on a page other than its own (the
    organiser's page); while the page is not public its files answer 404, so a line says when
    they come instead."""
    public = page is not None and is_public(page)
    return {"downloads": downloads(page) if public else None, "waiting": not public}


@register.simple_tag(takes_context=True)
def host_kit_url(context, activity):
    """Where the poster and images of an activity that is still to come are (its page, at their
    heading), for the cards of a team's activities; "" once it is over or cancelled."""
    if not isinstance(activity, ActivityPage) or activity.cancelled:
        return ""
    if activity.ends_at < timezone.now():
        return ""
    return f"{activity.get_url(context.get('request'))}#{KIT_ANCHOR}"


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
