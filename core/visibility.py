"""What visitors may see: the one definition of a public page.

A page is public when it is live and neither it nor any of its ancestors has a view restriction
(password, login or groups). Live also means approved: a page sent in through a public form, or
changed by someone who needs review, reaches visitors only when a moderator publishes it.

Every listing, export, menu and link to another page asks here, and so does the page cache, so
a restricted or unapproved page never shows up anywhere but at its own address, where Wagtail
asks for the password or a login (or answers 404 while it is a draft).
"""

from django.db.models import Prefetch


def public_pages(pages):
    """The public pages of a page queryset. Costs one query for the view restrictions, whatever
    the number of pages (Wagtail's `public()`, which search backends also understand)."""
    return pages.live().public()


def is_public(page):
    """Whether visitors may see this one page (one query)."""
    return page.live and not page.get_view_restrictions().exists()


def public_or_none(page):
    """`page` if visitors may see it, else None: for a page that another page links to."""
    return page if page is not None and is_public(page) else None


def prefetch_public(model, relation):
    """A prefetch of the page behind the foreign key `relation` of `model` that loads it only
    when it is public, so that for visitors the relation reads None otherwise (two queries for
    a whole list). Do not also `select_related` the relation: Django then skips the prefetch."""
    related_model = model._meta.get_field(relation).related_model
    return Prefetch(relation, queryset=public_pages(related_model.objects.all()))
