"""The link to an edition's figures, for the edition page (editions imports nothing of figures;
its template loads these tags)."""

from django import template

register = template.Library()


@register.inclusion_tag("figures/includes/figures_link.html", takes_context=True)
def edition_figures_link(context, edition):
    return {"request": context["request"], "edition": edition}
