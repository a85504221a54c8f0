from django import template
from django.utils import translation
from wagtail.models import Site

from core.page_cache import remembered

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination and filter links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag(takes_context=True)
def include_card(context, template_name, item):
    """{% include template_name %} for one item of a listing, kept until content changes
    (core.page_cache.remembered). The same card shows in every filtered or paged list that
    holds the item, so each list that misses the page cache reuses what the others rendered.
    The card may depend only on the item, the language and the site."""
    site = Site.find_for_request(context["request"])
    template = context.template.engine.get_template(template_name)
    return remembered(
        "card",
        lambda: template.render(context),
        template_name,
        item.pk,
        translation.get_language(),
        site.pk if site else None,
    )
