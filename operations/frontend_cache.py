"""Purging the HTTP cache in front of the site (Varnish, deploy/varnish/wvdv.vcl) of the
addresses a change affects, through wagtail.contrib.frontend_cache's HTTP backend. On only when
settings.WAGTAILFRONTENDCACHE names a cache (WVDV_VARNISH_URL).

Varnish keeps with every response the address of the page that served it (the header
X-Cache-Owner, set by the page cache middleware), so two kinds of purge cover a page's routes
and every query string:

- `PURGE /nl/2026/` removes what that page served: the page, its routes (an edition's activity
  overview, exports, figures and places) and their query strings (filters, pages);
- `PURGE /nl/2026/*` removes everything whose address starts with it: the page and the pages
  below it, which show it (their edition, their team).

What a change purges:

- a page published, unpublished, moved or deleted: the page and the pages below it in every
  language, the pages above it in every language (the listings and overviews that show it, up
  to the home page), and the site's own listings (settings.FRONTEND_CACHE_LISTING_VIEWS: the
  search, the ideas feed). A page of the main menu, or a home page, is shown on every page:
  then everything is purged;
- a snippet published or saved live (an approved story, a partner): the pages it belongs to
  (its links to pages and Wagtail's reference index) and the pages above them;
- an image or document: the pages that use it;
- settings, sites, locales, tags, privacy (view restrictions): everything.

Drafts, revisions of live pages and visitors' submissions waiting for review purge nothing
(operations.cache.is_unpublished_work), like the page cache. Purges are sent when the
transaction commits, straight from the process that made the change.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from .cache import content_classes, is_unpublished_work, owner_path

EVERYTHING = "*"


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def site_root_url(page):
    parts = page.get_url_parts()
    return parts[1] if parts else None


def full_urls(page, paths):
    root = site_root_url(page) or Site.objects.get(is_default_site=True).root_url
    return {root + path for path in paths if path}


def below(path):
    return path + EVERYTHING


def everything():
    return {site.root_url + "/" + EVERYTHING for site in Site.objects.all()}


def is_shown_everywhere(page):
    """The home pages and the pages of the main menu are on every page."""
    site_root_depth = 2
    return page.depth == site_root_depth or (
        page.depth == site_root_depth + 1 and page.show_in_menus
    )


def page_addresses(page):
    """A changed page: it and what is below it in every language, the pages above it in
    every language, and the site's listings."""
    versions = Page.objects.filter(translation_key=page.translation_key).specific(defer=True)
    versions = [page, *versions.exclude(pk=page.pk)]
    if any(is_shown_everywhere(version) for version in versions):
        return everything()
    urls = set()
    for version in versions:
        if path := owner_path(version):
            urls |= full_urls(version, {below(path)})
        urls |= owner_addresses(version.get_ancestors().filter(depth__gt=1))
    return urls | listing_addresses()


def owner_addresses(pages):
    return {url for page in pages for url in full_urls(page, {owner_path(page)})}


def pages_with_their_listings(pages):
    """Pages that show a snippet or an image: them and the pages above them, in every
    language."""
    keys = {page.translation_key for page in pages}
    versions = Page.objects.filter(translation_key__in=keys)
    above = Page.objects.none()
    for version in versions:
        above |= version.get_ancestors().filter(depth__gt=1)
    return owner_addresses(versions) | owner_addresses(above.distinct())


def listing_addresses():
    urls = set()
    root_url = Site.objects.get(is_default_site=True).root_url
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name in getattr(settings, "FRONTEND_CACHE_LISTING_VIEWS", ()):
                try:
                    urls.add(root_url + reverse(name))
                except NoReverseMatch:
                    continue
    return urls


def pages_of(instance):
    """The pages a snippet, image or document is shown on: the pages it links to with a
    foreign key (a story's edition) and those that refer to it (Wagtail's reference index)."""
    linked = [
        getattr(instance, field.name)
        for field in instance._meta.get_fields()
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page)
    ]
    referring = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(object_id) for object_id in referring.values_list("object_id", flat=True)}
    return [page for page in linked if page is not None] + list(Page.objects.filter(pk__in=ids))


def content_addresses(instance):
    if isinstance(instance, (AbstractImage, AbstractDocument, *get_snippet_models())):
        return pages_with_their_listings(pages_of(instance))
    return everything()


def purge_later(urls):
    """Purge these addresses when the transaction commits (at once outside one). One change in
    several steps (a page and the pages below it deleted) sends each address once."""
    if not enabled() or not urls:
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        waiting_purges(connection).urls.update(urls)
    else:
        purge_urls_from_cache_task.call(sorted(urls))


class WaitingPurges:
    def __init__(self):
        self.urls = set()
        self.sent = False

    def send(self):
        self.sent = True
        purge_urls_from_cache_task.call(sorted(self.urls))


def waiting_purges(connection):
    """The addresses waiting for this connection's transaction to commit. Kept on the
    connection, so that a transaction rolled back (its callback dropped) sends none."""
    waiting = getattr(connection, "waiting_purges", None)
    if (
        waiting is None
        or waiting.sent
        or not any(callback == waiting.send for _ids, callback, _robust in connection.run_on_commit)
    ):
        waiting = connection.waiting_purges = WaitingPurges()
        transaction.on_commit(waiting.send)
    return waiting


def purge_page(sender, instance, **kwargs):
    if enabled():
        purge_later(page_addresses(instance))


def remember_old_addresses(sender, instance, **kwargs):
    if enabled():
        instance._addresses_before_change = page_addresses(instance)


def purge_old_addresses(sender, instance, **kwargs):
    purge_later(getattr(instance, "_addresses_before_change", set()))


# Addresses of pages being moved, by page id: Wagtail sends post_page_move with a new instance.
_addresses_before_move = {}


def remember_addresses_before_move(sender, instance, **kwargs):
    if enabled():
        _addresses_before_move[instance.pk] = page_addresses(instance)


def purge_moved_page(sender, instance, **kwargs):
    purge_later(_addresses_before_move.pop(instance.pk, set()))
    purge_page(sender, instance)


def purge_content(sender, instance, update_fields=None, **kwargs):
    if not enabled() or isinstance(instance, Page) or not isinstance(instance, content_classes()):
        return
    if is_unpublished_work(instance, update_fields):
        return
    purge_later(content_addresses(instance))


def purge_published_content(sender, instance, **kwargs):
    if enabled() and not isinstance(instance, Page):
        purge_later(content_addresses(instance))


def connect_purge_signals():
    uid = "operations.frontend_cache"
    page_published.connect(purge_page, dispatch_uid=uid)
    page_unpublished.connect(purge_page, dispatch_uid=uid)
    pre_page_move.connect(remember_addresses_before_move, dispatch_uid=uid)
    post_page_move.connect(purge_moved_page, dispatch_uid=uid)
    pre_delete.connect(remember_deleted_page, dispatch_uid=uid)
    post_delete.connect(purge_old_addresses, dispatch_uid=uid)
    post_save.connect(purge_content, dispatch_uid=uid)
    published.connect(purge_published_content, dispatch_uid=uid)
    unpublished.connect(purge_published_content, dispatch_uid=uid)


def remember_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        remember_old_addresses(sender, instance)
    elif enabled() and isinstance(instance, content_classes()):
        instance._addresses_before_change = content_addresses(instance)
