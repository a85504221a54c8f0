"""Links to an edition's figures and place pages, for the edition page and the activity overview
(editions and activities import nothing of figures; their templates load these tags)."""

from django import template

from figures.kept import place_named

register = template.Library()


@register.inclusion_tag("figures/includes/figures_link.html", takes_context=True)
def edition_figures_link(context, edition):
    return {"request": context["request"], "edition": edition}


@register.inclusion_tag("figures/includes/place_page_link.html", takes_context=True)
def place_page_link(context, edition, where):
    """A link to the place page of the place searched around in the overview, if it has one."""
    place = place_named(edition, where.place_name or where.label) if where else None
    return {"request": context["request"], "edition": edition, "place": place}
